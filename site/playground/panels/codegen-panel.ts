// The generated-code panel's behaviour: regenerate on every change (the SDK's generateHandlerCode), copy, keep the
// "Open in playground" link in step, and build the FC project zip on demand (its code loads only then).

import { CDN_EVENT_NAMES, type CdnEventName } from "fc-cdn-trigger";
import type { CodegenLanguage, CodegenStyle } from "fc-cdn-trigger/tooling";
import { localizedPath } from "../../lib/locales";
import { localeOf, messagesOf } from "../i18n/index";
import { type CodegenChoice, codegenView, PLAYGROUND_PATH } from "./codegen-model";
import { copyText } from "./copy";
import { codegenLineFile } from "./highlight/line-table.js";
import { showCode } from "./highlight/show-code.js";
import type { MountPanel } from "./panels-client";
import { describeTriggerIssue, splitDomains } from "./trigger-model";

function query<T extends HTMLElement>(root: HTMLElement, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`codegen panel markup is missing ${selector}`);
  return element;
}

const show = (element: HTMLElement, message: string) => {
  element.textContent = message;
  element.hidden = message === "";
};

/**
 * Binds a server-rendered codegen panel (CodegenPanel.astro).
 *
 * @example
 * ```ts
 * mount(document.querySelector('[data-fc-panel="codegen"]')!, []);
 * ```
 */
export const mount: MountPanel = (root, pending) => {
  const language = query<HTMLSelectElement>(root, '[data-role="language"]');
  const style = query<HTMLSelectElement>(root, '[data-role="style"]');
  const code = query<HTMLPreElement>(root, '[data-role="code"]');
  const fileName = query(root, '[data-role="file-name"]');
  const open = query<HTMLAnchorElement>(root, '[data-role="open"]');
  const error = query(root, '[data-role="error"]');
  const copyButton = query<HTMLButtonElement>(root, '[data-action="copy"]');
  const downloadButton = query<HTMLButtonElement>(root, '[data-action="download"]');
  const domains = query<HTMLInputElement>(root, '[data-role="domains"]');
  const account = query<HTMLInputElement>(root, '[data-role="account"]');
  const projectError = query(root, '[data-role="project-error"]');
  const checkboxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="event"]')];
  const locale = localeOf(root);
  const t = messagesOf(root);
  const playgroundPath = localizedPath(locale, PLAYGROUND_PATH);

  const choice = (): CodegenChoice | undefined => {
    const events = checkboxes
      .filter((box) => box.checked && (CDN_EVENT_NAMES as readonly string[]).includes(box.value))
      .map((box) => box.value as CdnEventName);
    if (events.length === 0) return undefined;
    return { events, language: language.value as CodegenLanguage, style: style.value as CodegenStyle };
  };

  const update = () => {
    const current = choice();
    const empty = current === undefined;
    copyButton.disabled = empty;
    downloadButton.disabled = empty;
    open.toggleAttribute("aria-disabled", empty);
    root.dataset.empty = String(empty);
    if (!current) {
      show(error, t.codegen.pickEvent);
      return;
    }
    show(error, "");
    const view = codegenView(current, playgroundPath);
    showCode(code, view.code, { file: codegenLineFile(current.language), table: current.language });
    fileName.textContent = view.fileName;
    open.href = view.playgroundHref;
  };

  const download = async () => {
    const current = choice();
    if (!current) return;
    downloadButton.disabled = true;
    try {
      const { fcProjectFiles, zipFcProject } = await import("../project/fc-project");
      const { TriggerConfigError } = await import("fc-cdn-trigger/tooling");
      let project: ReturnType<typeof fcProjectFiles>;
      try {
        project = fcProjectFiles({
          ...current,
          domains: splitDomains(domains.value),
          ...(account.value.trim() ? { accountId: account.value.trim() } : {}),
          sdkVersion: root.dataset.sdkVersion ?? "0.1.0",
        });
      } catch (problem) {
        if (!(problem instanceof TriggerConfigError)) throw problem;
        const problems = problem.issues.map((issue) => describeTriggerIssue(issue, t.trigger));
        show(projectError, t.codegen.cannotBuildYaml(problems.map((p) => p.message).join(" ")));
        domains.setAttribute("aria-invalid", String(problems.some((p) => p.field === "domains")));
        account.setAttribute("aria-invalid", String(problems.some((p) => p.field === "account")));
        return;
      }
      show(projectError, "");
      domains.removeAttribute("aria-invalid");
      account.removeAttribute("aria-invalid");
      const bytes = zipFcProject(project);
      const url = URL.createObjectURL(new Blob([bytes], { type: "application/zip" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `${project.name}.zip`;
      link.hidden = true;
      root.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (problem) {
      show(projectError, t.codegen.projectFailed((problem as Error).message));
    } finally {
      downloadButton.disabled = choice() === undefined;
    }
  };

  const act = (event: Event) => {
    const target = event.target as HTMLElement;
    if (event.type === "change" || event.type === "input") {
      if (target === domains || target === account) return;
      update();
    } else if (event.type === "click") {
      const action = target.closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "copy") void copyText(copyButton, code.textContent ?? "", code);
      else if (action === "download") void download();
    }
  };
  root.addEventListener("change", act);
  root.addEventListener("click", act);
  open.addEventListener("click", (event) => {
    if (open.hasAttribute("aria-disabled")) event.preventDefault();
  });
  // The choice may have changed before this script arrived (and a browser may restore form state on reload).
  update();
  for (const event of pending) if (event.type === "click") act(event);
};
