// The playground's "Download project" button: zips the handler as written (TypeScript, JavaScript or Python) into
// an FC project (project/fc-project.ts) for the events in event.json, with that event as the test's event. The
// zip code (fflate, the SDK's tooling) loads only when the button is first pressed.

import type { PlaygroundMessages } from "../i18n/index";
import { eventNamesIn } from "../python/python-templates";
import type { PlaygroundLanguage } from "../templates";

/** What the button reads from the playground at the moment it is pressed. */
export interface ProjectSource {
  code(): string;
  language(): PlaygroundLanguage;
  eventJson(): string;
}

/** The SDK version the project asks for: the one this site documents (`data-sdk-version`). */
const FALLBACK_SDK_VERSION = "0.1.0";

/**
 * The accelerated domains of the events in an event body (`eventParameter.domain`, else `resource.domain`), in
 * order and without repeats; `example.com` when there are none (a custom or invalid body).
 *
 * @example
 * ```ts
 * eventDomains('{"events":[{"eventParameter":{"domain":"cdn.example.org"}}]}'); // ["cdn.example.org"]
 * ```
 */
export function eventDomains(eventJson: string): string[] {
  const domains = new Set<string>();
  try {
    const events = (JSON.parse(eventJson) as { events?: unknown })?.events;
    for (const event of Array.isArray(events) ? events : []) {
      const record = event as { eventParameter?: { domain?: unknown }; resource?: { domain?: unknown } } | null;
      const domain = record?.eventParameter?.domain ?? record?.resource?.domain;
      if (typeof domain === "string" && domain.trim() !== "") domains.add(domain.trim());
    }
  } catch {
    // Not JSON: the placeholder domain below.
  }
  return domains.size > 0 ? [...domains] : ["example.com"];
}

/**
 * Wires a "Download project" button; returns a function that unwires it.
 *
 * @example
 * ```ts
 * const detach = attachProjectDownload(button, status, source, PLAYGROUND_MESSAGES.en);
 * ```
 */
export function attachProjectDownload(
  button: HTMLButtonElement,
  status: HTMLElement,
  source: ProjectSource,
  t: PlaygroundMessages,
): () => void {
  const show = (message: string) => {
    status.textContent = message;
    status.hidden = message === "";
  };
  const download = async () => {
    button.disabled = true;
    show("");
    try {
      const [{ fcProjectFiles, zipFcProject }, { TriggerConfigError }, { describeTriggerIssue }] = await Promise.all([
        import("./fc-project"),
        import("fc-cdn-trigger/tooling"),
        import("../panels/trigger-model"),
      ]);
      const eventJson = source.eventJson();
      let project: ReturnType<typeof fcProjectFiles>;
      try {
        project = fcProjectFiles({
          events: eventNamesIn(eventJson),
          language: source.language(),
          handler: source.code(),
          eventJson: eventJson.endsWith("\n") ? eventJson : `${eventJson}\n`,
          domains: eventDomains(eventJson),
          sdkVersion: button.dataset.sdkVersion || FALLBACK_SDK_VERSION,
        });
      } catch (problem) {
        if (!(problem instanceof TriggerConfigError)) throw problem;
        const problems = problem.issues.map((issue) => describeTriggerIssue(issue, t.trigger).message);
        show(t.codegen.cannotBuildYaml(`${problems.join(" ")} ${t.playground.projectDomains}`));
        return;
      }
      const url = URL.createObjectURL(new Blob([zipFcProject(project)], { type: "application/zip" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `${project.name}.zip`;
      link.hidden = true;
      button.after(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (problem) {
      show(t.codegen.projectFailed(problem instanceof Error ? problem.message : String(problem)));
    } finally {
      button.disabled = false;
    }
  };
  const onClick = () => void download();
  button.addEventListener("click", onClick);
  button.disabled = false;
  return () => button.removeEventListener("click", onClick);
}
