// Types of generated-files.mjs, for the tests of the generate check.
export declare const GENERATE_COMMAND: string;
export declare const REPO: string;
export interface GeneratedFile {
  file: string;
  render: () => Promise<string>;
}
export declare function generatedFiles(repo?: string): GeneratedFile[];
export declare function renderGenerated(repo?: string, only?: string[]): Promise<{ file: string; text: string }[]>;
export declare function staleFiles(
  rendered: { file: string; text: string }[],
  dir: string,
): { file: string; reason: string }[];
export declare function staleMessage(stale: { file: string; reason: string }[]): string;
