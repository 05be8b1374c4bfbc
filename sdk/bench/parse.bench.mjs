// Parse + validate a CDN envelope from a Buffer (what FC passes), against JSON.parse alone and against an
// Ajv-compiled validator of the same JSON Schema, in one run. Goal: parseCdnEvents ≤ 1.2× JSON.parse.
// Also shows what zod's AOT compile() would give (not shipped: it adds ~9 KB gzip to every handler).
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

/** ns per call: best median of 5 rounds, each timing a batch sized to ~50 ms. */
function measure(fn) {
  for (let i = 0; i < 20_000; i++) fn();
  let batch = 1000;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    const ns = Number(process.hrtime.bigint() - start);
    if (ns > 50e6) break;
    batch *= 2;
  }
  const rounds = [];
  for (let round = 0; round < 7; round++) {
    globalThis.gc?.();
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    rounds.push(Number(process.hrtime.bigint() - start) / batch);
  }
  rounds.sort((a, b) => a - b);
  return rounds[3];
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

  const baseline = measure(() => JSON.parse(buffer.toString()));
  const rows = [
    ["JSON.parse(buffer.toString()) (baseline)", baseline],
    ["parseCdnEvents(buffer)", measure(() => parseCdnEvents(buffer))],
    ["JSON.parse + Ajv-compiled JSON Schema", measure(() => ajvValidate(JSON.parse(buffer.toString())))],
    ["JSON.parse + zod compile() (not shipped)", measure(() => parseWithCompiledZod(buffer))],
  ];
  worst = Math.max(worst, rows[1][1] / baseline);
  console.log(`\n${label}: ${buffer.length} bytes`);
  for (const [name, ns] of rows) {
    console.log(`  ${name.padEnd(44)} ${ns.toFixed(0).padStart(7)} ns   ${(ns / baseline).toFixed(2)}× JSON.parse`);
  }
}
console.log(
  `\nparseCdnEvents vs JSON.parse: worst ${worst.toFixed(2)}× (goal ≤ 1.20×) ${worst <= 1.2 ? "MET" : "NOT MET"}`,
);
