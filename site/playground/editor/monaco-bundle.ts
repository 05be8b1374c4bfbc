// Everything Monaco the playground uses, as static imports in one module, so the build emits a few large
// chunks the browser fetches in parallel instead of a waterfall of small ones. Imported lazily (monaco.ts).
// Only the TypeScript and JSON languages; the editor features a handler editor needs are chosen one by one
// (not features/register.all: the diff editor, colour picker, sticky scroll and friends cost ~200 kB gzip).

// The language workers' client module registers every editor contribution and their services; it must load
// before the first editor exists, or editors created later (a second playground) meet contributions whose
// services were registered too late ("depends on UNKNOWN service ICodeLensCache").
import "monaco-editor/internal/common/workers";
import "monaco-editor/languages/definitions/typescript/register";
// Python colouring for the Python handler (a few hundred bytes; the tokenizer loads with the first Python model).
import "monaco-editor/languages/definitions/python/register";
import "monaco-editor/editor/browser/coreCommands";
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands";
import "monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/caretOperations/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/codeAction/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/gotoSymbol/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/parameterHints/register";
import "monaco-editor/features/rename/register";
import "monaco-editor/features/smartSelect/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/suggest/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";

export * as monaco from "monaco-editor/editor";
export { default as EditorWorker } from "monaco-editor/editor/editor.worker?worker";
export { default as JsonWorker } from "monaco-editor/languages/features/json/json.worker?worker";
export * as json from "monaco-editor/languages/features/json/register";
export * as typescript from "monaco-editor/languages/features/typescript/register";
export { default as TsWorker } from "monaco-editor/languages/features/typescript/ts.worker?worker";
