// Types of summary-worker-bundle.mjs, for vitest.config.ts and the tests.
export declare const SUMMARY_WORKER_ENTRY: string;
export declare const SUMMARY_WORKER_PLACEHOLDER: string;
export declare function bundleSummaryWorker(): Promise<{ script: string; inputs: string[] }>;
export declare function summaryWorkerEsbuildPlugin(): import("esbuild").Plugin;
export declare function summaryWorkerVitePlugin(): import("vite").Plugin;
