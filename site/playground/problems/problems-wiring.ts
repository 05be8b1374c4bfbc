// Connects a playground's editors to its problems: Monaco's markers (the TypeScript worker's on the handler, the
// JSON worker's syntax and schema checks on event.json) feed the model; Python's problems, which come from the
// Python worker (setProblems), become markers; the Problems tab, when the page has one, lists them all.

import type * as MonacoEditor from "monaco-editor/editor";
import type { MonacoApi } from "../editor/monaco";
import type { PlaygroundMessages } from "../i18n/index";
import { type Problem, type ProblemSeverity, problemsOf } from "./problems-model";
import { ProblemsPanel } from "./problems-panel";

/** Marker owner of Python's problems in the handler editor. */
const PYTHON_OWNER = "fc-playground-python";
/** Marker owners of Monaco's TypeScript worker (it names them after the model's language id). */
const TYPESCRIPT_OWNERS = new Set(["typescript", "javascript"]);

/** What {@link attachProblems} needs from the playground. */
export interface ProblemsWiring {
  root: HTMLElement;
  api: MonacoApi;
  t: PlaygroundMessages;
  handlerEditor: MonacoEditor.editor.IStandaloneCodeEditor;
  eventEditor: MonacoEditor.editor.IStandaloneCodeEditor;
  /** The handler's file name now ("handler.ts", "handler.js", "index.py"). */
  handlerFileName: () => string;
  isPython: () => boolean;
}

/**
 * Starts feeding and showing a playground's problems; returns a dispose function.
 *
 * @example
 * ```ts
 * const detach = attachProblems({ root, api, t, handlerEditor, eventEditor, handlerFileName, isPython });
 * ```
 */
export function attachProblems(wiring: ProblemsWiring): () => void {
  const { root, api, handlerEditor, eventEditor } = wiring;
  const { monaco } = api;
  const model = problemsOf(root);

  const severityOf = (severity: MonacoEditor.MarkerSeverity): ProblemSeverity | undefined =>
    severity === monaco.MarkerSeverity.Error
      ? "error"
      : severity === monaco.MarkerSeverity.Warning
        ? "warning"
        : severity === monaco.MarkerSeverity.Info
          ? "info"
          : undefined; // hints (e.g. "unused") are styling, not problems
  const fromMarkers = (markers: MonacoEditor.editor.IMarker[], file: Problem["file"]): Problem[] =>
    markers.flatMap((marker) => {
      const severity = severityOf(marker.severity);
      if (!severity) return [];
      return [
        {
          severity,
          message: marker.message,
          line: marker.startLineNumber,
          column: marker.startColumn,
          endLine: marker.endLineNumber,
          endColumn: marker.endColumn,
          file,
        },
      ];
    });
  const markersOf = (target: MonacoEditor.editor.ITextModel | null) =>
    target ? monaco.editor.getModelMarkers({ resource: target.uri }) : [];

  const refreshHandler = () => {
    const markers = markersOf(handlerEditor.getModel()).filter((marker) => TYPESCRIPT_OWNERS.has(marker.owner));
    model.set("typescript", fromMarkers(markers, "handler"));
  };
  const refreshEvent = () => model.set("event", fromMarkers(markersOf(eventEditor.getModel()), "event"));
  const markPython = () => {
    const handlerModel = handlerEditor.getModel();
    if (!handlerModel) return;
    const problems = wiring.isPython() ? model.of("python") : [];
    monaco.editor.setModelMarkers(
      handlerModel,
      PYTHON_OWNER,
      problems.map((problem) => ({
        severity: problem.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: problem.message,
        startLineNumber: problem.line,
        startColumn: problem.column,
        endLineNumber: problem.endLine ?? problem.line,
        endColumn:
          problem.endColumn ?? handlerModel.getLineMaxColumn(Math.min(problem.line, handlerModel.getLineCount())),
      })),
    );
  };

  // The editor may be behind a tab: the handler's JS output tab, or on phones the Handler / Event pane tabs
  // (layout/tabs.ts: each tab names its panel by data-panel, a phone tab its pane by data-tab).
  const reveal = (pane: Problem["file"]) => {
    const selectors = [`[role="tab"][data-tab="${pane}"]`];
    if (pane === "handler") selectors.push('[role="tab"][data-panel="handler-editor"]');
    for (const selector of selectors) {
      const tab = root.querySelector<HTMLElement>(selector);
      if (tab && tab.offsetParent !== null && tab.getAttribute("aria-selected") !== "true") tab.click();
    }
  };
  const panelElement = root.querySelector<HTMLElement>('[data-role="problems"]');
  const panel = panelElement
    ? new ProblemsPanel(panelElement, root.querySelector<HTMLElement>('[data-role="problems-count"]'), wiring.t, {
        fileName: (file) => (file === "event" ? "event.json" : wiring.handlerFileName()),
        jump: (problem) => {
          const editor = problem.file === "event" ? eventEditor : handlerEditor;
          reveal(problem.file);
          editor.setPosition({ lineNumber: problem.line, column: problem.column });
          editor.revealLineInCenter(problem.line);
          editor.focus();
        },
      })
    : undefined;

  const stopModel = model.onDidChange(() => {
    panel?.render(model.all());
    markPython();
  });
  const markerListener = monaco.editor.onDidChangeMarkers((uris) => {
    const changed = new Set(uris.map(String));
    if (changed.has(String(handlerEditor.getModel()?.uri))) refreshHandler();
    if (changed.has(String(eventEditor.getModel()?.uri))) refreshEvent();
  });
  const modelListener = handlerEditor.onDidChangeModel(() => {
    // Another language: the old model's problems went with it.
    if (!wiring.isPython()) model.set("python", []);
    refreshHandler();
    markPython();
    panel?.render(model.all());
  });
  refreshHandler();
  refreshEvent();
  panel?.render(model.all());

  return () => {
    stopModel();
    markerListener.dispose();
    modelListener.dispose();
  };
}
