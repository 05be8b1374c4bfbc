// A Starlight plugin that translates the API reference's sidebar label. starlight-typedoc builds that group (and
// its label) itself, with no way to pass translations, so this runs after it and adds them to its top group.
// Everything inside stays English, like the reference.
import type { HookParameters, StarlightPlugin } from "@astrojs/starlight/types";
import { sidebarLabel } from "./docs-messages.js";

type SidebarItems = NonNullable<HookParameters<"config:setup">["config"]["sidebar"]>;

export function translateApiSidebarLabel(): StarlightPlugin {
  const { label, translations } = sidebarLabel("sidebarApiReference");
  return {
    name: "fc-cdn-trigger-api-sidebar-label",
    hooks: {
      "config:setup"({ command, config, updateConfig }) {
        // starlight-typedoc builds nothing for `astro preview` (it serves dist/ as built), so neither does this.
        if (command === "preview") return;
        const sidebar = (config.sidebar ?? []) as SidebarItems;
        const found = sidebar.some((item) => typeof item === "object" && item.label === label);
        if (!found) {
          throw new Error(
            `[api-sidebar-label] no sidebar group labelled "${label}": list this plugin after starlight-typedoc and give its sidebar that label`,
          );
        }
        updateConfig({
          sidebar: sidebar.map((item) =>
            typeof item === "object" && item.label === label ? { ...item, translations } : item,
          ),
        });
      },
    },
  };
}
