// Loads Monaco once per page, however many playgrounds the page has: only the TypeScript and JSON languages,
// workers bundled with `?worker` (self-hosted, no CDN), the SDK's .d.ts registered once, the event JSON Schema
// attached to every event model, and themes that follow Starlight's light/dark switch.

import type * as MonacoEditor from "monaco-editor/editor";
import type * as JsonLanguage from "monaco-editor/languages/features/json/register";
import type * as TypeScriptLanguage from "monaco-editor/languages/features/typescript/register";
import { playgroundGlobals } from "./globals-dts";
import { followStarlightTheme } from "./theme";

/** What the playground uses from Monaco: the editor API and the two language namespaces. */
export interface MonacoApi {
  monaco: typeof MonacoEditor;
  typescript: typeof TypeScriptLanguage;
  json: typeof JsonLanguage;
  /** Resolves once the SDK's .d.ts and the event JSON Schema are registered. */
  typesReady: Promise<void>;
}

/** URI prefix of every event model; the JSON Schema is bound to it. */
export const EVENT_MODEL_PREFIX = "file:///events/";
/** URI of the envelope JSON Schema (never fetched: enableSchemaRequest is off). */
const ENVELOPE_SCHEMA_URI = "https://fc-cdn-trigger.local/schemas/envelope.schema.json";

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
  // The SDK's types are not needed to show an editable editor: they load in parallel and are registered
  // when they arrive; compiling waits for them (typesReady) so no "cannot find module" error is reported.
  const typesModule = import("virtual:fc-playground/sdk-types");
  const { monaco, typescript, json, EditorWorker, TsWorker, JsonWorker } = await import("./monaco-bundle");

  self.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      if (label === "typescript" || label === "javascript") return new TsWorker();
      if (label === "json") return new JsonWorker();
      return new EditorWorker();
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
  // checkJs off: handler.js gets syntax errors and completion, not TypeScript's type errors.
  typescript.typescriptDefaults.setCompilerOptions({ ...compilerOptions, checkJs: false });
  typescript.typescriptDefaults.setEagerModelSync(true);
  // Registered once for the page: the SDK's own declarations (emitted from sdk/src at build time), and the
  // SDK's envelope JSON Schema for every event editor.
  const typesReady = typesModule.then((types) => {
    const libs = [
      ...types.files,
      { path: "file:///node_modules/@types/fc-playground/index.d.ts", content: playgroundGlobals(types.specifiers) },
    ];
    const extraLibs = libs.map(({ path, content }) => ({ filePath: path, content }));
    typescript.typescriptDefaults.setExtraLibs(extraLibs);
    json.jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      trailingCommas: "error",
      enableSchemaRequest: false,
      schemaValidation: "warning",
      schemas: [{ uri: ENVELOPE_SCHEMA_URI, fileMatch: [`${EVENT_MODEL_PREFIX}**`], schema: types.envelopeSchema }],
    });
  });

  followStarlightTheme(monaco);
  return { monaco, typescript, json, typesReady };
}
