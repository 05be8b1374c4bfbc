// The docs site in Chromium: every sidebar page, the generated event pages, search, schema downloads, looks.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CDN_EVENT_CATALOG, CDN_EVENT_NAMES, type CdnEventName } from "fc-cdn-trigger";
import { cdnJsonSchema } from "fc-cdn-trigger/tooling";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { RESULTS, ROOT } from "./paths.js";

const site = inject("siteUrl");
let browser: SiteBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  mkdirSync(RESULTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Every field path of an event's JSON Schema (read from the SDK, not a copied list): leaves, dotted. */
function schemaFieldPaths(name: CdnEventName): string[] {
  type Node = { properties?: Record<string, Node> };
  const walk = (node: Node, prefix: string): string[] =>
    Object.entries(node.properties ?? {}).flatMap(([key, child]) =>
      child.properties ? walk(child, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  return walk(cdnJsonSchema(name) as Node, "");
}

async function visit(path: string) {
  const response = await page.goto(`${site}${path}`, { waitUntil: "load" });
  expect(response?.status(), `status of ${path}`).toBe(200);
  return response;
}

describe("navigation", () => {
  it("every sidebar page loads with 200, without console errors or requests to other hosts", async () => {
    await visit("/guides/write-a-handler/");
    const links = await page.$$eval("nav.sidebar a[href]", (anchors) =>
      anchors.map((a) => a.getAttribute("href") ?? ""),
    );
    const internal = [...new Set(links.filter((href) => href.startsWith("/")))];
    // Events, guides and the API reference are all reachable from the sidebar.
    expect(internal).toEqual(expect.arrayContaining(["/", "/events/", "/guides/deploy/"]));
    expect(internal.filter((href) => href.startsWith("/events/")).length).toBe(CDN_EVENT_NAMES.length + 1);
    expect(internal.some((href) => href.startsWith("/api/"))).toBe(true);
    for (const href of internal) await visit(href);
    expect(browser.consoleErrors).toEqual([]);
    expect(browser.offsiteRequests).toEqual([]);
  });

  it("finds any event's format, a handler for it and the API reference within three clicks of home", async () => {
    await visit("/");
    await page.getByRole("link", { name: "Browse the 8 events" }).click();
    await page.locator("table.events-overview").getByRole("link", { name: "CachedObjectsPushed" }).click();
    await expect.poll(() => page.url()).toBe(`${site}/events/CachedObjectsPushed/`);
    // The URL changes when the navigation commits; the new page's content may still be arriving.
    await expect.poll(() => page.locator("#handler").count()).toBe(1);
    await visit("/");
    await page.locator("main").getByRole("link", { name: "API reference" }).click();
    await expect.poll(() => page.url()).toBe(`${site}/api/`);
    await page.locator("main").getByRole("link", { name: "fc-cdn-trigger", exact: true }).click();
    await page.locator("main").getByRole("link", { name: "parseCdnEvents", exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${site}/api/fc-cdn-trigger/functions/parsecdnevents/`);
    // The TSDoc @example is rendered as code.
    await expect.poll(() => page.locator("main h2#example").count()).toBe(1);
    await expect(page.locator("main pre").last().textContent()).resolves.toContain("parseCdnEvents(event)");
  });
});

describe("event pages", () => {
  it.each(CDN_EVENT_NAMES)(
    "%s shows every field of its schema, the sample and valid schema downloads",
    async (name) => {
      await visit(`/events/${name}/`);
      await expect(page.locator("h1").textContent()).resolves.toBe(name);
      for (const path of schemaFieldPaths(name)) {
        const row = page.locator(`tr[data-field="${path}"]`);
        await expect(row.count(), `row for ${path}`).resolves.toBe(1);
        await expect(row.locator("th").textContent()).resolves.toBe(path);
      }
      // The sample as shown parses back to the catalog's sample.
      const shown = (await page.locator(`[data-sample="${name}"] pre`).textContent()) ?? "";
      expect(JSON.parse(shown)).toEqual(CDN_EVENT_CATALOG[name].sample);
      await expect(page.locator(`[data-sample="${name}"] button[data-code]`).count()).resolves.toBe(1);

      const links = await page.$$eval("a[data-schema]", (anchors) =>
        anchors.map((a) => ({ dialect: a.dataset.schema, href: a.getAttribute("href") ?? "" })),
      );
      expect(links.map((l) => l.dialect).sort()).toEqual(["2020-12", "draft-07"]);
      for (const { dialect, href } of links) {
        const response = await page.request.get(`${site}${href}`);
        expect(response.status(), href).toBe(200);
        const body = await response.text();
        const schema = JSON.parse(body);
        expect(schema.title).toBe(name);
        expect(schema.$schema).toContain(dialect === "draft-07" ? "draft-07" : "2020-12");
        // Byte for byte the file the npm package ships.
        const shipped = join(ROOT, "sdk/schemas", dialect === "draft-07" ? "draft-07" : "", `${name}.schema.json`);
        expect(body).toBe(readFileSync(shipped, "utf8"));
      }
    },
  );

  it("shows each field quirk and note of the catalog on its event's page", async () => {
    for (const name of CDN_EVENT_NAMES) {
      await visit(`/events/${name}/`);
      const definition = CDN_EVENT_CATALOG[name];
      const fieldQuirks = Object.entries(definition.parameterFields).filter(([, doc]) => "quirk" in doc && doc.quirk);
      if (definition.notes.length === 0 && fieldQuirks.length === 0) {
        await expect(page.locator("p.no-quirks").textContent()).resolves.toMatch(/^None known/);
        continue;
      }
      const quirks = await page.locator("ul.quirks").textContent();
      for (const note of definition.notes) expect(quirks).toContain(note);
      for (const [field] of fieldQuirks) expect(quirks).toContain(`eventParameter.${field}`);
    }
  });

  it("lists the documented values of each enum-like field, and says other strings are accepted and reported", async () => {
    await visit("/events/CachedObjectsPushed/");
    const objectType = await page.locator('tr[data-field="eventParameter.objectType"] .field-known').textContent();
    expect(objectType).toContain("File, Directory, Regex, IgnoreParams, file, directory, preload");
    expect(objectType).toMatch(/Any other string is accepted too, and reported to onDrift/);
    await visit("/events/CdnDomainStopped/");
    const status = await page.locator('tr[data-field="eventParameter.status"] .field-known').textContent();
    expect(status).toContain("online, offline, configuring, configure_failed, Online, Offline");
    await expect(page.locator('tr[data-field="region"] .field-known').textContent()).resolves.toContain("cn-hangzhou");
  });

  it("lists the 8 events with family, trigger and key fields in the overview", async () => {
    await visit("/events/");
    const rows = page.locator("table.events-overview tbody tr");
    await expect(rows.count()).resolves.toBe(CDN_EVENT_NAMES.length);
    for (const [i, name] of CDN_EVENT_NAMES.entries()) {
      const text = await rows.nth(i).textContent();
      expect(text).toContain(name);
      expect(text).toContain(CDN_EVENT_CATALOG[name].firesWhen);
      for (const field of CDN_EVENT_CATALOG[name].keyFields) expect(text).toContain(field);
    }
    // The envelope's schema downloads, in both dialects, are the files the package ships.
    const hrefs = await page.$$eval("a[data-schema]", (anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.sort()).toEqual(["/schemas/draft-07/envelope.schema.json", "/schemas/envelope.schema.json"]);
    for (const href of hrefs) {
      const body = await (await page.request.get(`${site}${href}`)).text();
      expect(JSON.parse(body).examples).toHaveLength(CDN_EVENT_NAMES.length);
      expect(body).toBe(readFileSync(join(ROOT, "sdk", href), "utf8"));
    }
  });
});

describe("search", () => {
  it.each([
    ["LogFileCreated", "/events/LogFileCreated/"],
    ["objectPath", "/events/CachedObjectsRefreshed/"],
  ])("finds %s offline", async (query, expected) => {
    await visit("/");
    await page.locator("site-search button[data-open-modal]").first().click();
    await page.locator("#starlight__search input").fill(query);
    const results = page.locator("#starlight__search .pagefind-ui__result-link");
    await results.first().waitFor({ timeout: 15_000 });
    const hrefs = await results.evaluateAll((anchors) =>
      anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(hrefs).toContain(expected);
    expect(browser.offsiteRequests).toEqual([]);
  });
});

describe("search's cost", () => {
  /** Whether Pagefind's UI has been built into Starlight's search dialog. */
  const built = (target: Page) =>
    target.evaluate(() => document.querySelector("#starlight__search")?.children.length ?? 0);

  it("Pagefind's UI is built when the reader is about to search, not on every page load (Lighthouse's blocking time)", async () => {
    const fresh = await browser.newPage();
    const pagefind: string[] = [];
    fresh.on("request", (request) => /ui-core|pagefind/.test(request.url()) && pagefind.push(request.url()));
    await fresh.goto(`${site}/events/LogFileCreated/`, { waitUntil: "networkidle" });
    await fresh.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    expect(await built(fresh)).toBe(0);
    expect(pagefind).toEqual([]);
    // A pointer on the button is enough; the click opens the dialog with the box focused.
    await fresh.hover("site-search button[data-open-modal]");
    await expect.poll(() => built(fresh), { timeout: 15_000 }).toBeGreaterThan(0);
    await fresh.click("site-search button[data-open-modal]");
    await expect
      .poll(() => fresh.evaluate(() => document.activeElement?.matches("#starlight__search input")))
      .toBe(true);
    await fresh.close();
  });

  it("Ctrl+K with nothing built yet opens the search with its box focused", async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${site}/`, { waitUntil: "networkidle" });
    expect(await built(fresh)).toBe(0);
    await fresh.keyboard.press("Control+k");
    await expect
      .poll(() => fresh.evaluate(() => document.activeElement?.matches("#starlight__search input")), {
        timeout: 15_000,
      })
      .toBe(true);
    await fresh.keyboard.type("LogFileCreated");
    await fresh.locator("#starlight__search .pagefind-ui__result-link").first().waitFor({ timeout: 15_000 });
    await fresh.close();
  });
});

describe("weight", () => {
  it("an event page loads only small scripts of its own (Monaco-free), counted in the browser after idle", async () => {
    const loaded: { url: string; bytes: number; gzip: number }[] = [];
    const fresh = await browser.newPage();
    fresh.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      loaded.push({ url: new URL(response.url()).pathname, bytes: body.length, gzip: gzipSync(body).length });
    });
    await fresh.goto(`${site}/events/LogFileCreated/`, { waitUntil: "networkidle" });
    await fresh.close();
    const total = loaded.reduce((sum, s) => ({ bytes: sum.bytes + s.bytes, gzip: sum.gzip + s.gzip }), {
      bytes: 0,
      gzip: 0,
    });
    writeFileSync(
      join(RESULTS, "docs-page-js-loaded.json"),
      `${JSON.stringify({ page: "/events/LogFileCreated/", ...total, scripts: loaded }, null, 2)}\n`,
    );
    console.log(
      `[site] scripts fetched by /events/LogFileCreated/ (search UI: only when the reader is about to search): ${total.bytes} B, ${total.gzip} B gzip`,
    );
    // "Try it" adds only the playground's mount script (a few hundred bytes); the playground itself and Monaco load
    // when it is scrolled into view.
    expect(
      loaded.filter((s) => /monaco|playground/i.test(s.url) && !/\/Playground\.astro_astro_type_script/.test(s.url)),
    ).toEqual([]);
    expect(loaded.length).toBeGreaterThan(0);
  });
});

describe("look", () => {
  it("renders light and dark themes and keeps screenshots of home and an event page", async () => {
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: 1280, height: 900 });
      await visit("/");
      await page.evaluate((t) => localStorage.setItem("starlight-theme", t), theme);
      await page.reload();
      await expect(page.locator("html").getAttribute("data-theme")).resolves.toBe(theme);
      await page.screenshot({ path: join(RESULTS, `home-${theme}.png`) });
      await visit("/events/LogFileCreated/");
      await expect(page.locator("html").getAttribute("data-theme")).resolves.toBe(theme);
      await page.screenshot({ path: join(RESULTS, `event-LogFileCreated-${theme}.png`), fullPage: true });
    }
  });

  it("fits a phone: no page-wide horizontal scrolling; wide tables scroll in their own box", async () => {
    const phone = await browser.newPage({ width: 390, height: 844 });
    for (const path of ["/", "/events/", "/events/LogFileCreated/", "/guides/write-a-handler/"]) {
      const response = await phone.goto(`${site}${path}`);
      expect(response?.status()).toBe(200);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
    await phone.screenshot({ path: join(RESULTS, "phone-write-a-handler.png") });
    await phone.goto(`${site}/events/LogFileCreated/`);
    await phone.screenshot({ path: join(RESULTS, "phone-event-LogFileCreated.png"), fullPage: true });
    await phone.close();
  });
});
