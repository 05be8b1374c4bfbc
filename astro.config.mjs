// The docs site: Astro + Starlight with `site/` as the source folder.
// Event pages, the sidebar's event list and the JSON Schema downloads all come from the SDK's catalog.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import starlight from "@astrojs/starlight";
import { defineConfig } from "astro/config";
import starlightTypeDoc, { typeDocSidebarGroup } from "starlight-typedoc";
import { SDK_ENTRIES } from "./sdk/scripts/entries.mjs";
import { CDN_EVENT_NAMES } from "./sdk/src/events/catalog.ts";
import { translateApiSidebarLabel } from "./site/lib/api-sidebar-label.ts";
import { sidebarLabel } from "./site/lib/docs-messages.ts";
import { EXPRESSIVE_CODE_OPTIONS } from "./site/lib/expressive-code-options.ts";
import { STARLIGHT_LOCALES } from "./site/lib/locales.ts";
import { bootPreload } from "./site/playground/boot-preload.mjs";
import { lazyMonacoCss } from "./site/playground/lazy-monaco-css.mjs";
import { pythonPlayground } from "./site/playground/python/assets.mjs";
import { playgroundAssets } from "./site/playground/vite-plugin.mjs";

const fromRoot = (path) => fileURLToPath(new URL(path, import.meta.url));

// The SDK's public entry points, from the one list the build and the playground read too.
const entryPoints = SDK_ENTRIES.map(({ dir }) => fromRoot(`sdk/src/${dir === "." ? "" : `${dir}/`}index.ts`));

// The playground (another module) gets a sidebar entry as soon as its page exists.
const hasPlayground = ["site/pages/playground.astro", "site/pages/playground/index.astro"].some((page) =>
  existsSync(fromRoot(page)),
);

export default defineConfig({
  srcDir: "./site",
  publicDir: "./site/public",
  // SITE_OUT_DIR lets a test run build into its own folder while someone else builds dist/.
  outDir: process.env.SITE_OUT_DIR || "./dist",
  site: "http://localhost:4321",
  trailingSlash: "ignore",
  server: { port: 4321 },
  preview: { port: 4321 },
  // No telemetry, no remote images: the built site talks to nobody but its own host.
  devToolbar: { enabled: false },
  vite: {
    // The playground's generated modules (SDK bundle for the run worker, SDK .d.ts for Monaco); ES module workers.
    plugins: [playgroundAssets(), bootPreload()],
    worker: { format: "es", plugins: () => [playgroundAssets()] },
    resolve: {
      // Site code imports the SDK by its package name, straight from source (no build needed for `astro dev`).
      alias: [
        { find: /^fc-cdn-trigger$/, replacement: fromRoot("sdk/src/index.ts") },
        { find: /^fc-cdn-trigger\/(testing|tooling|logs)$/, replacement: `${fromRoot("sdk/src")}/$1/index.ts` },
      ],
    },
  },
  integrations: [
    // Python in the playground: self-hosted Pyodide (copied into the built site) and the Python sandbox.
    pythonPlayground(),
    // "Try it" on docs pages: Monaco's CSS loads with the editor, not up front.
    lazyMonacoCss(),
    starlight({
      title: "fc-cdn-trigger",
      description:
        "Typed CDN trigger events for Alibaba Cloud Function Compute: event formats, handlers, local testing, log processing and the API reference.",
      favicon: "/favicon.svg",
      // English at the root, 简体中文 under /zh-cn/ (Starlight adds the language picker and per-language search).
      // A page without a Chinese twin (the API reference) is served there in English with Starlight's notice.
      locales: STARLIGHT_LOCALES,
      lastUpdated: false,
      pagefind: true,
      customCss: ["./site/styles/site.css"],
      // The search button's accessible name includes the shortcut it shows (see the component).
      components: { Search: "./site/components/overrides/Search.astro" },
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      // Shared with the code panels' build-time highlighter (same token colours as these blocks).
      expressiveCode: structuredClone(EXPRESSIVE_CODE_OPTIONS),
      plugins: [
        starlightTypeDoc({
          entryPoints,
          tsconfig: fromRoot("sdk/tsconfig.typedoc.json"),
          output: "api",
          sidebar: { label: sidebarLabel("sidebarApiReference").label, collapsed: true },
          typeDoc: {
            plugin: [fromRoot("site/typedoc/module-names.mjs")],
            entryPointStrategy: "resolve",
            // `/api/` is the reference's landing page (a README.md would live at `/api/readme/`).
            entryFileName: "index",
            name: "API reference",
            excludeInternal: true,
            // Type errors are `npm run check`'s job; the reference must still build while the SDK is mid-change.
            skipErrorChecking: true,
            excludeExternals: true,
            useCodeBlocks: true,
            parametersFormat: "table",
            interfacePropertiesFormat: "table",
            typeDeclarationFormat: "table",
            sort: ["kind", "alphabetical"],
          },
        }),
        translateApiSidebarLabel(),
      ],
      // Labels come from the docs message table; Starlight prefixes each link with the page's locale.
      sidebar: [
        { ...sidebarLabel("sidebarHome"), link: "/" },
        {
          ...sidebarLabel("sidebarEvents"),
          items: [
            { ...sidebarLabel("sidebarAllEvents"), link: "/events/" },
            ...CDN_EVENT_NAMES.map((name) => ({ label: name, link: `/events/${name}/` })),
          ],
        },
        {
          ...sidebarLabel("sidebarGuides"),
          items: [
            "guides/create-a-trigger",
            "guides/write-a-handler",
            "guides/test-locally",
            "guides/process-cdn-logs",
            "guides/deploy",
            "guides/event-format-quirks",
          ],
        },
        ...(hasPlayground ? [{ ...sidebarLabel("sidebarPlayground"), link: "/playground/" }] : []),
        { ...sidebarLabel("sidebarLogAnalyzer"), link: "/logs/" },
        typeDocSidebarGroup,
      ],
    }),
  ],
});
