// Monaco's language definitions ship without .d.ts files; the playground imports the TypeScript one's tokenizer.

declare module "monaco-editor/languages/definitions/typescript/typescript" {
  import type * as MonacoEditor from "monaco-editor/editor";
  export const conf: MonacoEditor.languages.LanguageConfiguration;
  export const language: MonacoEditor.languages.IMonarchLanguage;
}
