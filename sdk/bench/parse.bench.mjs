// Parse + validate a CDN envelope from a Buffer (what FC passes), against JSON.parse alone and against an
// Ajv-compiled validator of the same JSON Schema, in one run. Goal: parseCdnEvents ≤ 1.2× JSON.parse.
// Also shows what zod's AOT compile() would give (not shipped: it adds ~9 KB gzip to every handler).
// parseCdnEvents validates through code generated from the catalog's zod schemas at build time.
// Reads the built package: run `npm run build` first (`npm run bench` does not build).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const schemaFile = fileURLToPath(new URL("../schemas/envelope.schema.json", import.meta.url));
if (!existsSync(dist) || !existsSync(schemaFile)) {
  console.error("sdk/dist or sdk/schemas is missing: run `npm run build` first.");
  process.exit(1);
}
const { CDN_EVENT_CATALOG, CDN_EVENT_NAMES, CDN_EVENT_SCHEMAS, parseCdnEvents } = await import(dist);
const require = createRequire(import.meta.url);
const { Ajv2020 } = require("ajv/dist/2020.js");
const addFormats = require("ajv-formats");
const z = await import("zod/mini");

const ajv = new Ajv2020({ strict: true });
addFormats(ajv);
const ajvValidate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
const compiled = Object.fromEntries(CDN_EVENT_NAMES.map((name) => [name, z.compile(CDN_EVENT_SCHEMAS[name])]));

/** zod AOT: the same checks, through schemas compiled with zod's compile() (for comparison only). */
function parseWithCompiledZod(buffer) {
  const root = JSON.parse(buffer.toString());
  return root.events.map((event) => compiled[event.eventName].parse(event));
}

/** Calls in a batch of ~20 ms for `fn`. */
function batchSize(fn) {
  for (let i = 0; i < 20_000; i++) fn();
  let batch = 500;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    if (Number(process.hrtime.bigint() - start) > 20e6) return batch;
    batch *= 2;
  }
}

/**
 * ns per call for each contender. Rounds interleave the contenders, so a busy machine slows them alike;
 * the result is the median over 15 rounds of each one's time, and of its ratio to the first (the baseline).
 */
function measureAll(contenders) {
  const batches = contenders.map(([, fn]) => batchSize(fn));
  const times = contenders.map(() => []);
  for (let round = 0; round < 15; round++) {
    contenders.forEach(([, fn], index) => {
      globalThis.gc?.();
      const start = process.hrtime.bigint();
      for (let i = 0; i < batches[index]; i++) fn();
      times[index].push(Number(process.hrtime.bigint() - start) / batches[index]);
    });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return contenders.map(([name], index) => ({
    name,
    ns: median(times[index]),
    ratio: median(times[index].map((ns, round) => ns / times[0][round])),
  }));
}

const payloads = [
  ["LogFileCreated (1 event)", CDN_EVENT_CATALOG.LogFileCreated.sample],
  ["CachedObjectsRefreshed (1 event)", CDN_EVENT_CATALOG.CachedObjectsRefreshed.sample],
  ["all 8 events in one envelope", { events: Object.values(CDN_EVENT_CATALOG).map((d) => d.sample.events[0]) }],
];

let worst = 0;
for (const [label, envelope] of payloads) {
  const buffer = Buffer.from(JSON.stringify(envelope));
  // Sanity: every contender accepts the payload.
  if (parseCdnEvents(buffer).length !== envelope.events.length) throw new Error("parseCdnEvents failed");
  if (!ajvValidate(JSON.parse(buffer.toString()))) throw new Error("Ajv rejected the payload");
  parseWithCompiledZod(buffer);

  const rows = measureAll([
    ["JSON.parse(buffer.toString()) (baseline)", () => JSON.parse(buffer.toString())],
    ["parseCdnEvents(buffer)", () => parseCdnEvents(buffer)],
    ["JSON.parse + Ajv-compiled JSON Schema", () => ajvValidate(JSON.parse(buffer.toString()))],
    ["JSON.parse + zod compile() (not shipped)", () => parseWithCompiledZod(buffer)],
  ]);
  worst = Math.max(worst, rows[1].ratio);
  console.log(`\n${label}: ${buffer.length} bytes`);
  for (const { name, ns, ratio } of rows) {
    console.log(`  ${name.padEnd(44)} ${ns.toFixed(0).padStart(7)} ns   ${ratio.toFixed(2)}× JSON.parse`);
  }
}
console.log(
  `\nparseCdnEvents vs JSON.parse: worst ${worst.toFixed(2)}× (goal ≤ 1.20×) ${worst <= 1.2 ? "MET" : "NOT MET"}`,
);
