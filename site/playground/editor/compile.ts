// Compiles the handler with Monaco's own TypeScript worker (the one that drives IntelliSense), to an ES
// module with a source map, so the code that runs is exactly what the editor checked.

import type * as MonacoEditor from "monaco-editor/editor";
import type { MonacoApi } from "./monaco";

/** A problem found in the handler before running it. */
export interface SourceProblem {
  line: number;
  column: number;
  message: string;
}

/** The result of {@link compileHandler}. */
export type CompileResult =
  | { ok: true; code: string; sourceMap: string; typeErrors: SourceProblem[] }
  | { ok: false; syntaxErrors: SourceProblem[] };

interface Diagnostic {
  start?: number;
  messageText: string | { messageText: string; next?: Diagnostic["messageText"][] };
}

const flatten = (text: Diagnostic["messageText"]): string =>
  typeof text === "string" ? text : [text.messageText, ...(text.next ?? []).map(flatten)].join(" ");

const toProblem = (model: MonacoEditor.editor.ITextModel, diagnostic: Diagnostic): SourceProblem => {
  const position = model.getPositionAt(diagnostic.start ?? 0);
  return { line: position.lineNumber, column: position.column, message: flatten(diagnostic.messageText) };
};

/** What the TypeScript worker emits for a handler: the JavaScript that runs, and its source map. */
export interface EmittedHandler {
  code: string;
  sourceMap: string;
}

type TypeScriptWorker = Awaited<ReturnType<Awaited<ReturnType<MonacoApi["typescript"]["getTypeScriptWorker"]>>>>;

async function workerFor(
  { typescript, typesReady }: MonacoApi,
  model: MonacoEditor.editor.ITextModel,
): Promise<TypeScriptWorker> {
  await typesReady;
  // JavaScript models use the TypeScript worker too (see playground-app.ts); the file extension decides.
  const getWorker = await typescript.getTypeScriptWorker();
  return getWorker(model.uri);
}

async function emit(worker: TypeScriptWorker, fileName: string): Promise<EmittedHandler | undefined> {
  const output = (await worker.getEmitOutput(fileName)) as { outputFiles: { name: string; text: string }[] };
  const js = output.outputFiles.find((file) => /\.[mc]?js$/.test(file.name));
  if (!js) return undefined;
  const map = output.outputFiles.find((file) => file.name.endsWith(".map"));
  return { code: js.text.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n"), sourceMap: map?.text ?? "" };
}

/**
 * The JavaScript the TypeScript worker emits for a handler model, as Run would run it (the "JS output" tab).
 * TypeScript emits even code with errors; `undefined` when it produced no JavaScript at all.
 *
 * @example
 * ```ts
 * const emitted = await emitHandler(api, handlerModel);
 * outputModel.setValue(emitted?.code ?? "");
 * ```
 */
export async function emitHandler(
  api: MonacoApi,
  model: MonacoEditor.editor.ITextModel,
): Promise<EmittedHandler | undefined> {
  return emit(await workerFor(api, model), model.uri.toString());
}

/**
 * Compiles a handler model. Syntax errors stop the run (the code could not load); type errors are returned
 * for information only, as the issue asks: they show as markers and do not block Run.
 *
 * @example
 * ```ts
 * const compiled = await compileHandler(api, model, "typescript");
 * if (compiled.ok) sandbox.run({ code: compiled.code, sourceMap: compiled.sourceMap, ... });
 * ```
 */
export async function compileHandler(
  api: MonacoApi,
  model: MonacoEditor.editor.ITextModel,
  language: "typescript" | "javascript",
): Promise<CompileResult> {
  const worker = await workerFor(api, model);
  const fileName = model.uri.toString();
  const syntax = (await worker.getSyntacticDiagnostics(fileName)) as Diagnostic[];
  if (syntax.length > 0) return { ok: false, syntaxErrors: syntax.map((d) => toProblem(model, d)) };
  const [emitted, semantic] = await Promise.all([
    emit(worker, fileName),
    language === "typescript" ? (worker.getSemanticDiagnostics(fileName) as Promise<Diagnostic[]>) : [],
  ]);
  if (!emitted) {
    return {
      ok: false,
      syntaxErrors: [{ line: 1, column: 1, message: "The TypeScript worker produced no JavaScript for this file." }],
    };
  }
  return { ok: true, ...emitted, typeErrors: semantic.map((d) => toProblem(model, d)) };
}
