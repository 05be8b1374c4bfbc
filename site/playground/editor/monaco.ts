// Loads Monaco once per page, however many playgrounds the page has: only the TypeScript and JSON languages,
// workers bundled with `?worker` (self-hosted, no CDN), the SDK's .d.ts registered once, the event JSON Schema
// attached to every event model, and themes that follow Starlight's light/dark switch.

import type * as MonacoEditor from "monaco-editor/editor";
import type * as JsonLanguage from "monaco-editor/languages/features/json/register";
import type * as TypeScriptLanguage from "monaco-editor/languages/features/typescript/register";
import { PLAYGROUND_GLOBALS } from "./globals-dts";
import { followStarlightTheme } from "./theme";

/** What the playground uses from Monaco: the editor API and the two language namespaces. */
export interface MonacoApi {
  monaco: typeof MonacoEditor;
  typescript: typeof TypeScriptLanguage;
  json: typeof JsonLanguage;
}

/** URI prefix of every event model; the JSON Schema is bound to it. */
export const EVENT_MODEL_PREFIX = "file:///events/";
/** URI of the envelope JSON Schema (never fetched: enableSchemaRequest is off). */
const ENVELOPE_SCHEMA_URI = "https://fc-cdn-trigger.local/schemas/envelope.schema.json";

// The editor features a handler editor needs, chosen one by one (not features/register.all: the diff editor,
// colour picker, sticky scroll and friends would cost ~200 kB gzip the playground does not use).
const EDITOR_FEATURES = [
  () => import("monaco-editor/editor/browser/coreCommands"),
  () => import("monaco-editor/editor/contrib/suggest/browser/suggestController"),
  () => import("monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands"),
  () => import("monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus"),
  () => import("monaco-editor/features/codicon/register"),
  () => import("monaco-editor/features/bracketMatching/register"),
  () => import("monaco-editor/features/caretOperations/register"),
  () => import("monaco-editor/features/clipboard/register"),
  () => import("monaco-editor/features/codeAction/register"),
  () => import("monaco-editor/features/comment/register"),
  () => import("monaco-editor/features/contextmenu/register"),
  () => import("monaco-editor/features/cursorUndo/register"),
  () => import("monaco-editor/features/find/register"),
  () => import("monaco-editor/features/folding/register"),
  () => import("monaco-editor/features/format/register"),
  () => import("monaco-editor/features/gotoError/register"),
  () => import("monaco-editor/features/gotoSymbol/register"),
  () => import("monaco-editor/features/hover/register"),
  () => import("monaco-editor/features/indentation/register"),
  () => import("monaco-editor/features/linesOperations/register"),
  () => import("monaco-editor/features/multicursor/register"),
  () => import("monaco-editor/features/parameterHints/register"),
  () => import("monaco-editor/features/rename/register"),
  () => import("monaco-editor/features/smartSelect/register"),
  () => import("monaco-editor/features/snippet/register"),
  () => import("monaco-editor/features/suggest/register"),
  () => import("monaco-editor/features/wordHighlighter/register"),
  () => import("monaco-editor/features/wordOperations/register"),
];

let loading: Promise<MonacoApi> | undefined;

/**
 * Loads and configures Monaco the first time it is called; later calls (other playgrounds on the page)
 * get the same instance.
 *
 * @example
 * ```ts
 * const { monaco } = await loadMonaco();
 * monaco.editor.create(element, { value: "", language: "typescript" });
 * ```
 */
export function loadMonaco(): Promise<MonacoApi> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<MonacoApi> {
  const [monaco, typescript, json, EditorWorker, TsWorker, JsonWorker, types] = await Promise.all([
    import("monaco-editor/editor"),
    import("monaco-editor/languages/features/typescript/register"),
    import("monaco-editor/languages/features/json/register"),
    import("monaco-editor/editor/editor.worker?worker"),
    import("monaco-editor/languages/features/typescript/ts.worker?worker"),
    import("monaco-editor/languages/features/json/json.worker?worker"),
    import("virtual:fc-playground/sdk-types"),
    // Syntax colouring for TS/JS, and the editor features the playground offers (completion, hover, find...).
    import("monaco-editor/languages/definitions/typescript/register"),
    import("monaco-editor/languages/definitions/javascript/register"),
    ...EDITOR_FEATURES.map((load) => load()),
  ]);

  self.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      if (label === "typescript" || label === "javascript") return new TsWorker.default();
      if (label === "json") return new JsonWorker.default();
      return new EditorWorker.default();
    },
  };

  // The handler runs in a worker with Node-like globals; type it against ES2023 + webworker (console, fetch,
  // timers, TextDecoder) plus the playground's Buffer/process/CommonJS declarations, not against the DOM.
  const compilerOptions = {
    target: 9 /* ES2022 */,
    module: typescript.ModuleKind.ESNext,
    moduleResolution: 100 /* Bundler: honours package.json "exports" with "types" */,
    moduleDetection: 3 /* Force: every playground file is its own module, so two editors never clash */,
    lib: ["lib.es2023.d.ts", "lib.webworker.d.ts"],
    strict: true,
    allowJs: true,
    esModuleInterop: true,
    skipLibCheck: true,
    sourceMap: true,
    inlineSources: false,
    // An outDir lets the JavaScript worker emit (it refuses to overwrite its own .js input otherwise).
    outDir: "file:///dist",
    allowNonTsExtensions: true,
  };
  typescript.typescriptDefaults.setCompilerOptions(compilerOptions);
  typescript.javascriptDefaults.setCompilerOptions({ ...compilerOptions, checkJs: false });
  typescript.typescriptDefaults.setEagerModelSync(true);
  // Registered once for the page: the SDK's own declarations, emitted from sdk/src at build time.
  const libs = [
    ...types.files,
    { path: "file:///node_modules/@types/fc-playground/index.d.ts", content: PLAYGROUND_GLOBALS },
  ];
  const extraLibs = libs.map(({ path, content }) => ({ filePath: path, content }));
  typescript.typescriptDefaults.setExtraLibs(extraLibs);
  typescript.javascriptDefaults.setExtraLibs(extraLibs);

  json.jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    trailingCommas: "error",
    enableSchemaRequest: false,
    schemaValidation: "warning",
    schemas: [{ uri: ENVELOPE_SCHEMA_URI, fileMatch: [`${EVENT_MODEL_PREFIX}**`], schema: types.envelopeSchema }],
  });

  followStarlightTheme(monaco);
  return { monaco, typescript, json };
}
