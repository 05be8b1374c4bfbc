// Types of report-page-bundle.mjs, for vitest.config.ts and the tests.
export declare const REPORT_PAGE_ENTRY: string;
export declare const REPORT_PAGE_PLACEHOLDER: string;
export declare function bundleReportPage(): Promise<{ script: string; inputs: string[] }>;
export declare function reportPageEsbuildPlugin(): import("esbuild").Plugin;
export declare function reportPageVitePlugin(): import("vite").Plugin;
