// Lighthouse (performance only) against `astro preview` of the built site, with Debian's Chromium: the playground
// (mobile and desktop), the home page and an event page. Prints the performance score, total blocking time and the
// unused JavaScript Lighthouse finds. Goals: /playground/ mobile ≥ 95 with TBT ≤ 200 ms; docs pages 100.
// `npm run bench -- lighthouse`; LIGHTHOUSE_ONLY=playground-mobile (a comma list of `page-mode`) runs fewer.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { ensureSiteBuilt, startSite } from "./site-harness.mjs";

const PAGES = [
  { name: "playground", path: "/playground/", modes: ["mobile", "desktop"] },
  { name: "home", path: "/", modes: ["mobile", "desktop"] },
  { name: "event", path: "/events/LogFileCreated/", modes: ["mobile", "desktop"] },
];
const only = process.env.LIGHTHOUSE_ONLY?.split(",").map((entry) => entry.trim());

ensureSiteBuilt(
  ["playground/index.html", "events/LogFileCreated/index.html", "index.html"],
  "a page Lighthouse audits",
);
const site = await startSite();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

const rows = [];
try {
  for (const page of PAGES) {
    for (const mode of page.modes) {
      if (only && !only.includes(`${page.name}-${mode}`)) continue;
      const config = mode === "desktop" ? desktopConfig : undefined;
      const result = await lighthouse(
        `${site.base}${page.path}`,
        { port: chrome.port, onlyCategories: ["performance"], logLevel: "error", output: "json" },
        config,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path} (${mode})`);
      const { categories, audits, runtimeError } = result.lhr;
      if (runtimeError) throw new Error(`Lighthouse failed on ${page.path} (${mode}): ${runtimeError.message}`);
      const unused = audits["unused-javascript"]?.details?.overallSavingsBytes ?? 0;
      rows.push({
        page: page.path,
        mode,
        score: Math.round((categories.performance.score ?? 0) * 100),
        "TBT ms": Math.round(audits["total-blocking-time"].numericValue ?? 0),
        "LCP ms": Math.round(audits["largest-contentful-paint"].numericValue ?? 0),
        "unused JS KiB": Math.round(unused / 1024),
      });
      console.log(rows.at(-1));
    }
  }
} finally {
  await chrome.kill();
  site.stop();
}
console.table(rows);
