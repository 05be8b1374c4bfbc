// The read-only "JS output" tab beside the handler: the JavaScript Run will execute, as Monaco's TypeScript worker
// emits it. The editor is created the first time the tab is shown, and the emit is redone only while it is visible.

import type * as MonacoEditor from "monaco-editor/editor";
import { emitHandler } from "./compile";
import type { MonacoApi } from "./monaco";

/**
 * A language id of its own for the emitted code, coloured by the TypeScript tokenizer: a "typescript" or
 * "javascript" model would be handed to a TypeScript worker, which would check (and mark) code nobody edits.
 */
const EMITTED_LANGUAGE = "fc-emitted-js";
const EMIT_DELAY_MS = 300;

let languageRegistered = false;
function registerEmittedLanguage(monaco: MonacoApi["monaco"]): void {
  if (languageRegistered) return;
  languageRegistered = true;
  monaco.languages.register({ id: EMITTED_LANGUAGE });
  const definition = import("monaco-editor/languages/definitions/typescript/typescript");
  monaco.languages.registerTokensProviderFactory(EMITTED_LANGUAGE, { create: async () => (await definition).language });
  void definition.then(({ conf }) => monaco.languages.setLanguageConfiguration(EMITTED_LANGUAGE, conf));
}

/** What {@link attachJsOutput} needs from the playground. */
export interface JsOutputOptions {
  /** The tab panel the editor goes in. */
  container: HTMLElement;
  /** The handler editor: its current model is emitted. */
  handlerEditor: MonacoEditor.editor.IStandaloneCodeEditor;
  /** Whether the handler is JavaScript or TypeScript now (nothing is emitted for Python). */
  emits: () => boolean;
  /** The playground's editor options. */
  editorOptions: MonacoEditor.editor.IStandaloneEditorConstructionOptions;
  /** Accessible name of the read-only editor. */
  label: string;
  /** Shown (as a comment) when TypeScript produced no JavaScript. */
  noOutput: string;
}

/**
 * Keeps the JS output panel in step with the handler while the panel is visible; returns a dispose function.
 *
 * @example
 * ```ts
 * const detach = attachJsOutput(api, { container, handlerEditor, emits: () => true, editorOptions, label, noOutput });
 * ```
 */
export function attachJsOutput(api: MonacoApi, options: JsOutputOptions): () => void {
  const { monaco } = api;
  const { container, handlerEditor } = options;
  let editor: MonacoEditor.editor.IStandaloneCodeEditor | undefined;
  let model: MonacoEditor.editor.ITextModel | undefined;
  let visible = false;
  let stale = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const update = async () => {
    const source = handlerEditor.getModel();
    if (!source || !options.emits()) return;
    stale = false;
    const current = ++generation;
    const emitted = await emitHandler(api, source).catch(() => undefined);
    // A later edit (or a language switch) started another emit meanwhile: its result wins.
    if (current !== generation || !model) return;
    const text = emitted?.code ?? `// ${options.noOutput}\n`;
    if (model.getValue() !== text) model.setValue(text);
    container.dataset.emitted = String(current);
  };

  const show = () => {
    if (!editor) {
      registerEmittedLanguage(monaco);
      model = monaco.editor.createModel("", EMITTED_LANGUAGE);
      container.replaceChildren();
      editor = monaco.editor.create(container, {
        ...options.editorOptions,
        model,
        readOnly: true,
        domReadOnly: true,
        ariaLabel: options.label,
      });
    }
    if (stale) void update();
  };

  // Shown means laid out: a hidden tab panel has no size. This works whatever shows the tab (a click, a
  // keyboard shortcut, a phone layout switch).
  const observer = new ResizeObserver(() => {
    const nowVisible = container.offsetWidth > 0 && container.offsetHeight > 0;
    if (nowVisible && !visible) {
      visible = true;
      show();
    } else if (!nowVisible) {
      visible = false;
    }
  });
  observer.observe(container);

  const changed = () => {
    stale = true;
    clearTimeout(timer);
    if (visible) timer = setTimeout(() => void update(), EMIT_DELAY_MS);
  };
  const subscriptions = [handlerEditor.onDidChangeModelContent(changed), handlerEditor.onDidChangeModel(changed)];

  return () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const subscription of subscriptions) subscription.dispose();
    editor?.dispose();
    model?.dispose();
  };
}
