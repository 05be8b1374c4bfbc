// One playground instance: two Monaco editors (handler + event), the pickers, Run/Stop and the output panel,
// wired to a sandbox. Loaded lazily by client/start.ts; several instances on one page share one Monaco.

import { formatIssuePath, safeParseCdnEvents } from "fc-cdn-trigger";
import type * as MonacoEditor from "monaco-editor/editor";
import { yieldToMain } from "../client/yield-to-main";
import { compileHandler } from "../editor/compile";
import { attachJsOutput } from "../editor/js-output";
import { EVENT_MODEL_PREFIX, loadMonaco, type MonacoApi } from "../editor/monaco";
import { presetById } from "../event-presets";
import { messagesOf, type PlaygroundMessages, runtimePhrases, wordText } from "../i18n/index";
import { mountAppLayout } from "../layout/app-layout";
import { OutputView } from "../output/output-view";
import { attachProblems } from "../problems/problems-wiring";
import { attachProjectDownload } from "../project/project-download";
import type { PythonMode } from "../python/python-mode";
import { eventNamesIn, pythonTemplate } from "../python/python-templates";
import type { RunCallbacks } from "../runner/frame-host";
import { DEFAULT_TIMEOUT_MS, type Text } from "../runner/protocol";
import { Sandbox } from "../runner/sandbox";
import { attachPersistence } from "../share/persistence";
import {
  defaultLanguageOf,
  type HandlerTemplate,
  labelTemplatePicker,
  type PlaygroundLanguage,
  type TemplateId,
  templateById,
} from "../templates";

/**
 * The API a mounted playground exposes on its root element (`element.playground`): for tests, share links
 * and embedding pages.
 *
 * @example
 * ```ts
 * const playground = document.querySelector("[data-fc-playground]").playground;
 * playground.setCode("export const handler = async () => 42;", "javascript");
 * await playground.run();
 * ```
 */
export interface PlaygroundHandle {
  readonly code: string;
  readonly eventJson: string;
  readonly language: PlaygroundLanguage;
  setCode(code: string, language?: PlaygroundLanguage): void;
  setEvent(presetIdOrJson: string): void;
  setTemplate(id: TemplateId, language?: PlaygroundLanguage): void;
  /** Runs and resolves when the output is final (done, error, timeout or stopped). */
  run(): Promise<void>;
  stop(): void;
  /** Calls `listener` after every edit of the handler or the event, and on a language switch; returns an unsubscribe. */
  onDidChange(listener: () => void): () => void;
  dispose(): void;
}

const RUN_MARKER_OWNER = "fc-playground-run";
let instances = 0;

const fileNameOf = (language: PlaygroundLanguage) =>
  language === "python" ? "index.py" : language === "typescript" ? "handler.ts" : "handler.js";
// TypeScript and JavaScript share Monaco's "typescript" language id (see below); Python has its own.
const modelLanguageOf = (language: PlaygroundLanguage) => (language === "python" ? "python" : "typescript");

interface RunMark {
  line: number;
  column: number;
  message: string;
}

/** The line of each failed route a CdnHandlerError lists (its eventFailed details), to mark them all. */
const failedRouteMarks = (t: PlaygroundMessages, details: readonly Text[]): RunMark[] =>
  details.flatMap((detail) =>
    typeof detail !== "string" && detail.code === "eventFailed" && detail.values.line
      ? [{ line: Number(detail.values.line), column: Number(detail.values.column) || 1, message: wordText(t, detail) }]
      : [],
  );

function query<T extends HTMLElement>(root: HTMLElement, role: string): T {
  const element = root.querySelector<T>(`[data-role="${role}"]`);
  if (!element) throw new Error(`playground markup is missing [data-role="${role}"]`);
  return element;
}

/**
 * Mounts a playground on server-rendered markup (see Playground.astro) and returns its handle.
 *
 * @example
 * ```ts
 * const handle = await createPlayground(document.querySelector("[data-fc-playground]")!);
 * ```
 */
export async function createPlayground(root: HTMLElement): Promise<PlaygroundHandle> {
  root.dataset.state = "loading";
  const id = ++instances;
  // The page's language: a playground on a /zh-cn/ page speaks Chinese.
  const t = messagesOf(root);
  const tp = t.playground;
  const sandbox = new Sandbox(root);
  let api: MonacoApi;
  try {
    api = await loadMonaco();
  } catch (error) {
    root.dataset.state = "failed";
    query(root, "run-status").textContent = tp.editorFailed(String(error));
    throw error;
  }
  // Monaco's start, the models, each editor and the wiring run as tasks of their own (in one task they would
  // block the page for long).
  await yieldToMain();
  const { monaco } = api;

  const templateSelect = query<HTMLSelectElement>(root, "template");
  const languageSelect = query<HTMLSelectElement>(root, "language");
  const eventSelect = query<HTMLSelectElement>(root, "event");
  const runButton = query<HTMLButtonElement>(root, "run");
  const stopButton = query<HTMLButtonElement>(root, "stop");
  const fileLabel = query(root, "file-name");
  const eventStatus = query(root, "event-status");
  const output = new OutputView(query(root, "output"), query(root, "run-status"), t);
  const timeoutMs = Number(root.dataset.timeoutMs) || DEFAULT_TIMEOUT_MS;

  let template = templateById(templateSelect.value);
  let language: PlaygroundLanguage =
    languageSelect.value === "javascript" || languageSelect.value === "typescript"
      ? languageSelect.value
      : defaultLanguageOf(template.id);

  const handlerUri = (lang: PlaygroundLanguage) => monaco.Uri.parse(`file:///playground-${id}/${fileNameOf(lang)}`);
  // Both languages use Monaco's "typescript" language id, so one TypeScript worker serves them: the .js
  // extension makes it treat JavaScript as JavaScript (no type errors), and the first JavaScript run does not
  // wait for a second worker to boot.
  // Python templates are generated for the events in the event editor; the others are fixed text.
  const sourceOf = (t: HandlerTemplate, lang: PlaygroundLanguage) =>
    lang === "python" ? pythonTemplate(t.id, eventNamesIn(eventModel.getValue())) : t.source[lang];
  let handlerModel = monaco.editor.createModel(sourceOf(template, language), "typescript", handlerUri(language));
  const eventModel = monaco.editor.createModel(
    presetById(eventSelect.value).json,
    "json",
    monaco.Uri.parse(`${EVENT_MODEL_PREFIX}playground-${id}/event.json`),
  );

  const editorOptions: MonacoEditor.editor.IStandaloneEditorConstructionOptions = {
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    tabSize: 2,
    lineNumbersMinChars: 3,
    fixedOverflowWidgets: true,
    padding: { top: 8, bottom: 8 },
    scrollbar: { alwaysConsumeMouseWheel: false },
    wordWrap: "off",
  };
  const mountEditor = (container: HTMLElement, model: MonacoEditor.editor.ITextModel, label: string) => {
    container.replaceChildren();
    return monaco.editor.create(container, { ...editorOptions, model, ariaLabel: label });
  };
  await yieldToMain();
  const handlerEditor = mountEditor(query(root, "handler-editor"), handlerModel, tp.handlerEditor);
  await yieldToMain();
  const eventEditor = mountEditor(query(root, "event-editor"), eventModel, tp.eventEditor);
  await yieldToMain();
  // The Problems tab (TypeScript, event.json and Python problems) and the read-only JS output tab, when present.
  const detachProblems = attachProblems({
    root,
    api,
    t,
    handlerEditor,
    eventEditor,
    handlerFileName: () => fileNameOf(language),
    isPython: () => language === "python",
  });
  const jsOutputPanel = root.querySelector<HTMLElement>('[data-role="js-output"]');
  const detachJsOutput = jsOutputPanel
    ? attachJsOutput(api, {
        container: jsOutputPanel,
        handlerEditor,
        emits: () => language !== "python",
        editorOptions,
        label: t.problems.jsOutputEditor,
        noOutput: t.problems.noJsOutput,
      })
    : undefined;
  // Split panes, tabs, full screen, Format, Copy output; the output goes stale when what produced it changes.
  const layout = mountAppLayout(root, t, handlerEditor, eventEditor);
  layout.setLanguage(language);
  const staleListeners = [
    handlerEditor.onDidChangeModelContent(() => output.markStale("code")),
    eventModel.onDidChangeContent(() => output.markStale("event")),
  ];
  // Boot the sandbox (iframe, worker, SDK) once the editors are up, so the first Run is as fast as the others.
  // data-sandbox says when that first boot is over: the last thing the playground does by itself after loading,
  // so from then on anything that runs was asked for (tests of "a share link never runs" wait for it).
  root.dataset.sandbox = "booting";
  setTimeout(() => {
    sandbox.warmUp().then(
      () => {
        root.dataset.sandbox = "ready";
      },
      () => {
        // Run reports the failure when it is pressed.
        root.dataset.sandbox = "failed";
      },
    );
  }, 0);

  // ---- state helpers ---------------------------------------------------------------------------------

  const replaceText = (editor: MonacoEditor.editor.IStandaloneCodeEditor, text: string) => {
    const model = editor.getModel();
    if (!model || model.getValue() === text) return;
    // An edit, not setValue: Ctrl+Z brings back what the user had before switching template or event.
    editor.pushUndoStop();
    editor.executeEdits("fc-playground", [{ range: model.getFullModelRange(), text }]);
    editor.pushUndoStop();
    editor.setPosition({ lineNumber: 1, column: 1 });
    editor.setScrollTop(0);
  };

  const setLanguage = (next: PlaygroundLanguage, text: string) => {
    if (next === language && handlerModel.getValue() === text) return;
    const old = handlerModel;
    language = next;
    handlerModel = monaco.editor.createModel(text, modelLanguageOf(next), handlerUri(next));
    handlerEditor.setModel(handlerModel);
    old.dispose();
    languageSelect.value = next;
    labelTemplatePicker(templateSelect, tp, next);
    fileLabel.textContent = fileNameOf(next);
    layout.setLanguage(next);
    output.markStale("language");
    void python?.then((mode) => {
      mode.visible = language === "python";
      checkPython();
    });
    if (next === "python") void ensurePython();
  };
  // Python's syntax errors while typing: parsed in the Python worker once Python is loaded, debounced there.
  const checkPython = () => {
    if (language === "python") void python?.then((mode) => mode.checkSoon(handlerModel.getValue()));
  };
  const pythonCheckListener = handlerEditor.onDidChangeModelContent(checkPython);

  // Python (Pyodide, ~13 MB) is downloaded only once Python is chosen: JavaScript sessions never fetch it.
  let python: Promise<PythonMode> | undefined;
  const ensurePython = (): Promise<PythonMode> => {
    python ??= import("../python/python-mode").then(
      ({ PythonMode }) => {
        const mode = new PythonMode(root, query(root, "handler-tabs"), t);
        // A failure shows in Python's status line, and again on Run.
        mode.load().catch(() => undefined);
        if (language === "python") mode.checkSoon(handlerModel.getValue());
        return mode;
      },
      (error: unknown) => {
        python = undefined;
        throw error;
      },
    );
    return python;
  };

  const clearRunMarkers = () => monaco.editor.setModelMarkers(handlerModel, RUN_MARKER_OWNER, []);

  const updateEventStatus = () => {
    const markers = monaco.editor.getModelMarkers({ resource: eventModel.uri });
    const errors = markers.filter((m) => m.severity === monaco.MarkerSeverity.Error);
    const warnings = markers.filter((m) => m.severity === monaco.MarkerSeverity.Warning);
    if (errors.length > 0) {
      const first = errors[0] as MonacoEditor.editor.IMarker;
      eventStatus.textContent = tp.jsonError(first.startLineNumber, first.message);
      eventStatus.dataset.status = "error";
    } else if (warnings.length > 0) {
      eventStatus.textContent = tp.schemaWarnings(warnings.length);
      eventStatus.dataset.status = "warn";
    } else {
      eventStatus.textContent = tp.validEnvelope;
      eventStatus.dataset.status = "ok";
    }
  };
  const markerListener = monaco.editor.onDidChangeMarkers((uris) => {
    if (uris.some((uri) => uri.toString() === eventModel.uri.toString())) updateEventStatus();
  });
  // The JSON worker validates ~500 ms after an edit and reports nothing when there was and is nothing to
  // report, so the status is also refreshed once that delay has passed.
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshStatusSoon = () => {
    eventStatus.textContent = tp.checking;
    eventStatus.dataset.status = "pending";
    clearTimeout(statusTimer);
    statusTimer = setTimeout(updateEventStatus, 900);
  };
  const contentListener = eventModel.onDidChangeContent(refreshStatusSoon);

  // ---- running -----------------------------------------------------------------------------------------

  let finished: (() => void) | undefined;
  const setRunning = (running: boolean) => {
    root.dataset.running = running ? "true" : "false";
    runButton.disabled = running;
    stopButton.disabled = !running;
    if (!running) {
      finished?.();
      finished = undefined;
    }
  };

  /** Marks where a run failed, or each failed route of a CdnHandlerError, and reveals the first place. */
  const markRunError = (line: number, column: number, message: string, more: RunMark[] = []) => {
    const model = handlerModel;
    const lineOf = (at: number) => Math.min(Math.max(1, at), model.getLineCount());
    monaco.editor.setModelMarkers(
      model,
      RUN_MARKER_OWNER,
      // A CdnHandlerError is marked once per failed route, with that route's error.
      (more.length > 0 ? more : [{ line, column, message }]).map((mark) => ({
        severity: monaco.MarkerSeverity.Error,
        message: mark.message,
        startLineNumber: lineOf(mark.line),
        startColumn: Math.max(1, mark.column),
        endLineNumber: lineOf(mark.line),
        endColumn: model.getLineMaxColumn(lineOf(mark.line)),
      })),
    );
    handlerEditor.revealLineInCenterIfOutsideViewport(lineOf(line));
  };

  const run = async (): Promise<void> => {
    if (root.dataset.running === "true") return;
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    setRunning(true);
    layout.showOutput();
    try {
      await startRun();
    } catch (error) {
      // Never leave the playground stuck in "running": e.g. the language was switched while compiling.
      output.blocked(tp.couldNotStart, [error instanceof Error ? error.message : String(error), tp.pressRunAgain]);
      setRunning(false);
    }
    return done;
  };

  // Stop pressed while the handler is still compiling: there is no worker yet, so remember it.
  let stopRequested = false;

  const startRun = async (): Promise<void> => {
    stopRequested = false;
    clearRunMarkers();
    const eventText = eventModel.getValue();
    try {
      JSON.parse(eventText);
    } catch {
      const parsed = safeParseCdnEvents(eventText);
      const reason = parsed.success ? tp.invalidJsonReason : (parsed.error.issues[0]?.message ?? tp.invalidJsonReason);
      output.blocked(tp.invalidJson, [reason, tp.fixEvent]);
      setRunning(false);
      return;
    }
    output.start();
    const check = safeParseCdnEvents(eventText);
    if (!check.success) {
      output.notice(
        "warn",
        tp.notCdnFormat,
        check.error.issues.slice(0, 10).map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`),
      );
    }
    const fileName = fileNameOf(language);
    const callbacks: RunCallbacks = {
      onLines: (lines) => output.appendLines(lines),
      onDone: (message) => {
        if (message.error) {
          output.finishError(message.error, fileName, message.durationMs, message.dropped);
          if (message.error.line !== undefined) {
            const { name, message: text } = message.error;
            markRunError(
              message.error.line,
              message.error.column ?? 1,
              `${wordText(t, name)}: ${wordText(t, text)}`,
              failedRouteMarks(t, message.error.details),
            );
          }
        } else {
          output.finishResult(message.result, message.durationMs, message.dropped);
        }
        setRunning(false);
      },
      onStopped: (reason, detail) => {
        output.finishStopped(reason, timeoutMs, detail);
        setRunning(false);
      },
    };
    if (language === "python") {
      const code = handlerModel.getValue();
      await (await ensurePython()).run({ code, event: eventText, timeoutMs, phrases: runtimePhrases(t) }, callbacks);
      return;
    }
    const compiled = await compileHandler(api, handlerModel, language);
    if (stopRequested) {
      output.finishStopped("stopped", timeoutMs);
      setRunning(false);
      return;
    }
    if (!compiled.ok) {
      const first = compiled.syntaxErrors[0];
      if (first) markRunError(first.line, first.column, first.message);
      output.blocked(
        tp.syntaxError(fileName),
        compiled.syntaxErrors.slice(0, 5).map((e) => tp.at(e.line, e.column, e.message)),
      );
      setRunning(false);
      return;
    }
    if (compiled.typeErrors.length > 0) {
      const count = compiled.typeErrors.length;
      output.notice(
        "info",
        tp.typeErrors(count, fileName),
        compiled.typeErrors.slice(0, 3).map((e) => tp.at(e.line, e.column, e.message)),
      );
    }
    await sandbox.run(
      {
        code: compiled.code,
        sourceMap: compiled.sourceMap,
        fileName,
        event: eventText,
        timeoutMs,
        phrases: runtimePhrases(t),
      },
      callbacks,
    );
  };

  const stop = () => {
    if (root.dataset.running === "true" && !sandbox.running) stopRequested = true;
    sandbox.stop();
    void python?.then((mode) => mode.stop());
  };

  // ---- wiring ------------------------------------------------------------------------------------------

  const runAction = {
    id: "fc-playground.run",
    label: tp.runAction,
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    run: () => void run(),
  };
  handlerEditor.addAction(runAction);
  eventEditor.addAction(runAction);
  root.addEventListener("keydown", (event) => {
    // Ctrl/Cmd+Enter from the pickers and buttons too (the editors handle their own).
    if (
      event.key === "Enter" &&
      (event.ctrlKey || event.metaKey) &&
      !(event.target as HTMLElement).closest(".monaco-editor")
    ) {
      event.preventDefault();
      void run();
    }
  });
  runButton.addEventListener("click", () => void run());
  stopButton.addEventListener("click", stop);
  templateSelect.addEventListener("change", () => {
    template = templateById(templateSelect.value);
    templateSelect.title = templateSelect.selectedOptions[0]?.title ?? "";
    // Python stays Python; otherwise the official-sample shape opens in JavaScript, like FC's console.
    const next = defaultLanguageOf(template.id) === "javascript" && language !== "python" ? "javascript" : language;
    if (next !== language) setLanguage(next, sourceOf(template, next));
    else replaceText(handlerEditor, sourceOf(template, language));
    clearRunMarkers();
  });
  languageSelect.addEventListener("change", () => {
    const value = languageSelect.value;
    const next: PlaygroundLanguage = value === "javascript" || value === "python" ? value : "typescript";
    const current = handlerModel.getValue();
    // Unedited template code switches to the template's version in the other language; edited code is kept.
    const unedited = current === sourceOf(template, language);
    setLanguage(next, unedited ? sourceOf(template, next) : current);
  });
  eventSelect.addEventListener("change", () => {
    // Unedited generated Python follows the event picker: it is regenerated for the newly picked events.
    const generated = language === "python" && handlerModel.getValue() === sourceOf(template, "python");
    replaceText(eventEditor, presetById(eventSelect.value).json);
    if (generated) replaceText(handlerEditor, sourceOf(template, "python"));
  });

  const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
  for (const kbd of root.querySelectorAll("kbd[data-shortcut]")) kbd.textContent = isMac ? "⌘ Enter" : "Ctrl Enter";

  fileLabel.textContent = fileNameOf(language);
  languageSelect.value = language;
  runButton.disabled = false;
  root.dataset.running = "false";
  refreshStatusSoon();

  const handle: PlaygroundHandle = {
    get code() {
      return handlerModel.getValue();
    },
    get eventJson() {
      return eventModel.getValue();
    },
    get language() {
      return language;
    },
    setCode(code, lang = language) {
      if (lang !== language) setLanguage(lang, code);
      else replaceText(handlerEditor, code);
      clearRunMarkers();
    },
    setEvent(presetIdOrJson) {
      const json = presetIdOrJson.trimStart().startsWith("{") ? presetIdOrJson : presetById(presetIdOrJson).json;
      if (!presetIdOrJson.trimStart().startsWith("{")) eventSelect.value = presetIdOrJson;
      replaceText(eventEditor, json);
    },
    setTemplate(templateId, lang) {
      templateSelect.value = templateId;
      template = templateById(templateId);
      const next =
        lang ?? (defaultLanguageOf(templateId) === "javascript" && language !== "python" ? "javascript" : language);
      if (next !== language) setLanguage(next, sourceOf(template, next));
      else replaceText(handlerEditor, sourceOf(template, next));
    },
    run,
    stop,
    onDidChange(listener) {
      const subscriptions = [
        handlerEditor.onDidChangeModelContent(listener),
        handlerEditor.onDidChangeModel(listener),
        eventEditor.onDidChangeModelContent(listener),
      ];
      return () => {
        for (const subscription of subscriptions) subscription.dispose();
      };
    },
    dispose() {
      pythonCheckListener.dispose();
      detachDownload();
      detachPersistence();
      sandbox.dispose();
      void python?.then((mode) => mode.dispose());
      markerListener.dispose();
      for (const listener of staleListeners) listener.dispose();
      contentListener.dispose();
      clearTimeout(statusTimer);
      detachProblems();
      detachJsOutput?.();
      handlerEditor.dispose();
      eventEditor.dispose();
      handlerModel.dispose();
      eventModel.dispose();
    },
  };
  // "Download project": the handler as written, in any language, as a testable FC project.
  const downloadButton = root.querySelector<HTMLButtonElement>('[data-role="download-project"]');
  const detachDownload = downloadButton
    ? attachProjectDownload(
        downloadButton,
        query(root, "project-error"),
        {
          code: () => handlerModel.getValue(),
          language: () => language,
          eventJson: () => eventModel.getValue(),
        },
        t,
      )
    : () => undefined;
  // Share link (loaded, never run) or autosaved work; Share and Reset buttons.
  const detachPersistence = await attachPersistence(root, handle);
  (root as HTMLElement & { playground?: PlaygroundHandle }).playground = handle;
  // Ready once the shared or autosaved state is in the editors.
  root.dataset.state = "ready";
  root.dispatchEvent(new CustomEvent("fc-playground:ready", { bubbles: true, detail: handle }));
  return handle;
}
