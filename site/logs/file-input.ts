// How files come in: the file picker, drag and drop onto the drop zone, "Use a sample log", and "Open a saved
// summary". Each ends in one of the handlers the page controller passes.

/** What the page does with what comes in. */
export interface FileInputHandlers {
  /** Log files picked or dropped. */
  logs(files: File[]): void;
  /** "Use a sample log" pressed. */
  sample(): void;
  /** Saved summaries opened, or dropped (every dropped file ends in `.json`). */
  summaries(files: File[]): void;
}

const isJson = (file: File) => /\.json$/i.test(file.name);

/**
 * Wires the page's inputs under `root` to `handlers`.
 *
 * @example
 * ```ts
 * wireFileInput(root, { logs: analyze, sample: useSample, summaries: openSaved });
 * ```
 */
export function wireFileInput(root: HTMLElement, handlers: FileInputHandlers): void {
  const pick = root.querySelector<HTMLInputElement>('[data-role="pick"]');
  const openSummary = root.querySelector<HTMLInputElement>('[data-role="open-summary"]');
  const drop = root.querySelector<HTMLElement>('[data-role="drop"]');
  const sample = root.querySelector<HTMLButtonElement>('[data-role="sample"]');

  const taking = (input: HTMLInputElement | null, handler: (files: File[]) => void) =>
    input?.addEventListener("change", () => {
      const files = [...(input.files ?? [])];
      // Cleared so that picking the same file again is a change too.
      input.value = "";
      if (files.length > 0) handler(files);
    });
  taking(pick, handlers.logs);
  taking(openSummary, handlers.summaries);
  sample?.addEventListener("click", () => handlers.sample());

  drop?.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.dataset.over = "";
  });
  drop?.addEventListener("dragleave", () => delete drop.dataset.over);
  drop?.addEventListener("drop", (event) => {
    event.preventDefault();
    delete drop.dataset.over;
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    if (files.every(isJson)) handlers.summaries(files);
    else handlers.logs(files);
  });
}
