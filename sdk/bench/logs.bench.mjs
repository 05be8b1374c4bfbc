// `npm run bench`: the log toolkit against Node's bare gunzip (the floor), `gzip -dc`, a naive readline + regex
// parse and GoAccess (on the ~300 MB log only), then merging 24 hourly summaries.
// A ~300 MB (uncompressed) generated log and one 4× larger are gzipped to the temp directory (kept between runs,
// keyed by the generator's output), then each contender runs in its own child process so peak RSS is its own.
// BENCH_LOG_LINES=20000 sets the smaller log's lines (the larger one has 4×), for a quick run while developing.
// The analyzer page in Chromium is test/bench/logs-page.bench.mjs, which `npm run bench -- logs` runs after this.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";
import { checkAllParsed, checkGoaccessParsesAll, ensureGoaccess, goaccessArgs } from "./goaccess.mjs";

const here = fileURLToPath(import.meta.url);
const dist = new URL("../dist/logs/index.js", import.meta.url);
const LINES = Number(process.env.BENCH_LOG_LINES ?? 1_120_000); // ≈ 300 MB at ≈ 270 bytes a line
if (!Number.isSafeInteger(LINES) || LINES < 1000) {
  console.error(`logs.bench: BENCH_LOG_LINES must be an integer ≥ 1000, got ${process.env.BENCH_LOG_LINES}`);
  process.exit(2);
}
const CHUNK = 256 * 1024;

// ---- contenders (run in a child: node logs.bench.mjs --child <mode> <file>) ----

const LINE =
  /^\[([^\]]+)\] (\S+) (\S+) (\d+) "((?:[^"\\]|\\.)*)" "(\S+) ((?:[^"\\]|\\.)*)" (\d+) (\d+) (\d+) (\S+) "((?:[^"\\]|\\.)*)"(?: "((?:[^"\\]|\\.)*)")?(.*)$/;
const MONTHS = {
  Jan: "01",
  Feb: "02",
  Mar: "03",
  Apr: "04",
  May: "05",
  Jun: "06",
  Jul: "07",
  Aug: "08",
  Sep: "09",
  Oct: "10",
  Nov: "11",
  Dec: "12",
};

const contenders = {
  /** The floor: read and gunzip, nothing else, with large chunks (the fastest way to gunzip in Node). */
  async gunzip(file) {
    let bytes = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }).pipe(
      createGunzip({ chunkSize: CHUNK }),
    )) {
      bytes += chunk.length;
    }
    return bytes;
  },
  /** What most people write first: readline over gunzip, one regex per line, a record object per line. */
  async naive(file) {
    const lines = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    let parsed = 0;
    for await (const line of lines) {
      const m = LINE.exec(line);
      if (!m) continue;
      const [d, mon, rest] = m[1].split("/");
      const record = {
        time: new Date(
          `${rest.slice(0, 4)}-${MONTHS[mon]}-${d.padStart(2, "0")}T${rest.slice(5, 13)}${rest.slice(14, 17)}:${rest.slice(17)}`,
        ),
        clientIp: m[2],
        proxyIp: m[3] === "-" ? null : m[3],
        responseTimeMs: Number(m[4]),
        referer: m[5] === "-" ? null : m[5],
        method: m[6],
        url: m[7],
        status: Number(m[8]),
        requestBytes: Number(m[9]),
        responseBytes: Number(m[10]),
        cacheStatus: m[11],
        userAgent: m[12],
        contentType: m[13] ?? null,
        extra: m[14] ? m[14].trim().split(" ") : [],
      };
      if (record.status > 0) parsed++;
    }
    return parsed;
  },
  /** readCdnLog alone: every line parsed into a record. */
  async read(file) {
    const { readCdnLog } = await import(dist.href);
    let parsed = 0;
    for await (const batch of readCdnLog(file).batches()) parsed += batch.length;
    return parsed;
  },
  /** The toolkit as a handler uses it: readCdnLog + summarizeCdnLog (in Node, counting in a worker thread). */
  async summary(file) {
    const { readCdnLog, summarizeCdnLog } = await import(dist.href);
    return digest(await summarizeCdnLog(readCdnLog(file)));
  },
  /** The same, counting in the calling thread (what browsers do). */
  async inThread(file) {
    const { readCdnLog, summarizeCdnLog } = await import(dist.href);
    return digest(await summarizeCdnLog(readCdnLog(file), { worker: false }));
  },
};

/** Requests and a hash of the whole summary, so the run can check that both ways give the same one. */
const digest = (summary) => ({
  requests: summary.requests,
  sha256: createHash("sha256").update(JSON.stringify(summary)).digest("hex").slice(0, 16),
});

if (process.argv[2] === "--child") {
  const [, , , mode, file] = process.argv;
  const start = performance.now();
  const result = await contenders[mode](file);
  const ms = performance.now() - start;
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(JSON.stringify({ ms, cpuMs, result, rssMB: usage.maxRSS / 1024 }));
  process.exit(0);
}

// ---- the run ----

if (!existsSync(fileURLToPath(dist))) {
  console.error("logs.bench: sdk/dist/logs is not built; run `npm run build` first");
  process.exit(1);
}
const { generateCdnLog } = await import(dist.href);
const fingerprint = createHash("sha256")
  .update(generateCdnLog({ lines: 2000, seed: 1 }))
  .digest("hex")
  .slice(0, 12);
const cache = join(tmpdir(), "fc-cdn-trigger-bench");
mkdirSync(cache, { recursive: true });
const genLog = new URL("../scripts/gen-log.mjs", import.meta.url);

async function ensureLog(lines, seed) {
  const file = join(cache, `cdn.example.com_${lines}_${seed}_${fingerprint}.gz`);
  if (existsSync(file)) return file;
  const partial = file.replace(/\.gz$/, ".partial.gz");
  const child = spawn(
    process.execPath,
    [fileURLToPath(genLog), "--lines", String(lines), "--seed", String(seed), "--out", partial],
    {
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const code = await new Promise((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`generating ${file} failed`);
  renameSync(partial, file);
  return file;
}

const t0 = performance.now();
const [small, large] = await Promise.all([ensureLog(LINES, 1), ensureLog(LINES * 4, 2)]);
console.log(`logs: test files ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (cached in ${cache})`);

/** The plain-text log next to a gzip one (GoAccess 1.7 reads no gzip; a plain file is its fastest input). */
async function ensurePlain(file) {
  const plain = file.replace(/\.gz$/, ".log");
  if (existsSync(plain)) return plain;
  const partial = `${plain}.partial`;
  await pipeline(createReadStream(file), createGunzip(), createWriteStream(partial));
  renameSync(partial, plain);
  return plain;
}

// GoAccess: found or installed, then checked on a small log of the same generator before it is timed.
const goaccess = ensureGoaccess();
let goaccessLog = null;
if (goaccess.skip) console.log(`logs: GoAccess skipped: ${goaccess.skip}`);
else {
  const checkLines = 5000;
  checkGoaccessParsesAll(await ensurePlain(await ensureLog(checkLines, 3)), checkLines);
  goaccessLog = await ensurePlain(small);
  console.log(`logs: GoAccess reads all ${checkLines} lines of a check log with the Alibaba CDN format`);
}

function measure(mode, file) {
  const out = spawnSync(process.execPath, [here, "--child", mode, file], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (out.status !== 0) throw new Error(`${mode} on ${file} failed:\n${out.stderr}`);
  return JSON.parse(out.stdout);
}

const gnuTime = existsSync("/usr/bin/time");
/** Runs another program, its output to /dev/null; CPU time and peak RSS from GNU time when the machine has it. */
function measureProgram(command, args) {
  const argv = gnuTime ? ["/usr/bin/time", ["-f", "%M %U %S", command, ...args]] : [command, args];
  const start = performance.now();
  const out = spawnSync(argv[0], argv[1], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = performance.now() - start;
  if (out.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${out.status}):\n${out.stderr}`);
  if (!gnuTime) return { ms, cpuMs: Number.NaN, rssMB: Number.NaN };
  const [rssKB, user, system] = out.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return { ms, cpuMs: (user + system) * 1000, rssMB: rssKB / 1024 };
}

const goaccessReport = join(cache, "goaccess-report.json");
const programs = {
  gzipDc: (file) => measureProgram("gzip", ["-dc", file]),
  /** GoAccess on the plain-text log, writing its JSON report; then checked to have read every line. */
  goaccess: () => {
    const result = measureProgram("goaccess", goaccessArgs(goaccessLog, goaccessReport));
    checkAllParsed(JSON.parse(readFileSync(goaccessReport, "utf8")), LINES, goaccessLog);
    return result;
  },
};

const uncompressedMB = (file) => measure("gunzip", file).result / 1e6;
// Rounds run every contender once, in turn, so a busy spell on the (shared) machine hits all of them; each
// contender's ratio is the median over rounds of its time / the floor's time in the same round. GoAccess, slow,
// runs in the first two rounds on the smaller log only.
// Kept small so the whole run takes a few minutes: the larger log is there to show memory stays flat.
const ROUNDS = { [small]: 3, [large]: 1 };
const GOACCESS_ROUNDS = 2;
const MODES = ["gunzip", "gzipDc", "naive", "read", "summary", "inThread", "goaccess"];
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const runsIn = (file, mode, round) =>
  mode !== "goaccess" || (file === small && goaccessLog !== null && round < GOACCESS_ROUNDS);
const label = {
  gunzip: "bare gunzip (floor)",
  gzipDc: "gzip -dc",
  naive: "readline + regex",
  read: "readCdnLog",
  summary: "readCdnLog + summarizeCdnLog",
  inThread: "  the same, { worker: false }",
  goaccess: "GoAccess (plain-text log)",
};
const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
let failed = false;
for (const file of [small, large]) {
  const mb = uncompressedMB(file);
  console.log(
    `\n${mb.toFixed(0)} MB uncompressed (${(statSync(file).size / 1e6).toFixed(0)} MB gzip), ${file === small ? LINES : LINES * 4} lines; ${ROUNDS[file]} rounds (best time, median ratio, highest peak RSS):`,
  );
  const runs = Object.fromEntries(MODES.map((mode) => [mode, []]));
  for (let round = 0; round < ROUNDS[file]; round++) {
    for (const mode of MODES) {
      if (runsIn(file, mode, round)) runs[mode][round] = programs[mode] ? programs[mode](file) : measure(mode, file);
    }
  }
  /** Median over the rounds `mode` ran in of its time / `base`'s time in the same round. */
  const ratio = (mode, base, of = "ms") =>
    median(runs[mode].flatMap((r, round) => (r && runs[base][round] ? [r[of] / runs[base][round][of]] : [])));
  const rows = Object.fromEntries(
    MODES.filter((mode) => runs[mode].length > 0).map((mode) => [
      mode,
      {
        ms: Math.min(...runs[mode].filter(Boolean).map((r) => r.ms)),
        cpuMs: Math.min(...runs[mode].filter(Boolean).map((r) => r.cpuMs)),
        ratio: ratio(mode, "gunzip"),
        rssMB: Math.max(...runs[mode].filter(Boolean).map((r) => r.rssMB)),
      },
    ]),
  );
  for (const [mode, row] of Object.entries(rows)) {
    console.log(
      `  ${label[mode].padEnd(30)} ${row.ms.toFixed(0).padStart(6)} ms  ${row.ratio.toFixed(2).padStart(5)}×  ${(mb / (row.ms / 1000)).toFixed(0).padStart(5)} MB/s  CPU ${fixed(row.cpuMs, 0).padStart(6)} ms  peak RSS ${fixed(row.rssMB, 0)} MB`,
    );
  }
  const worker = runs.summary[0].result;
  if (
    runs.inThread.some((r) => r.result.sha256 !== worker.sha256) ||
    runs.summary.some((r) => r.result.sha256 !== worker.sha256)
  ) {
    console.log("  summaries DIFFER between the worker and the calling thread");
    failed = true;
  }
  const summaryRatio = rows.summary.ratio;
  console.log(
    `  goal ≤ 1.2× bare gunzip: ${summaryRatio <= 1.2 ? "met" : "NOT met"} (${summaryRatio.toFixed(2)}×); readCdnLog + summarizeCdnLog vs naive parse: ${ratio("naive", "summary").toFixed(2)}× faster; vs gzip -dc: ${ratio("summary", "gzipDc").toFixed(2)}× its time`,
  );
  if (rows.goaccess) {
    const vsGoaccess = ratio("goaccess", "summary");
    // CPU time too: on a busy machine it moves less than wall time, and GoAccess uses one core where we use two.
    const cpu = ratio("goaccess", "summary", "cpuMs");
    console.log(
      `  goal ≥ 20× faster than GoAccess: ${vsGoaccess >= 20 ? "met" : "NOT met"} (readCdnLog + summarizeCdnLog on the gzip log is ${vsGoaccess.toFixed(1)}× faster than GoAccess on the plain one; ${fixed(cpu, 1)}× less CPU time)`,
    );
  }
  console.log(
    `  goal peak RSS ≤ 120 MB: ${rows.summary.rssMB <= 120 ? "met" : "NOT met"} (${rows.summary.rssMB.toFixed(0)} MB)`,
  );
  if (rows.summary.rssMB > 120) failed = true;
}

// Merging a day of hourly summaries, the second step of FC's fan-out (one summary per LogFileCreated).
const logs = await import(dist.href);
if (typeof logs.mergeCdnLogSummaries !== "function") {
  console.log("\nmerge: skipped, fc-cdn-trigger/logs has no mergeCdnLogSummaries yet (rebuild the SDK)");
} else {
  const HOUR_LINES = Math.min(20_000, LINES);
  const day = Date.parse("2024-06-01T00:00:00+08:00");
  const texts = Array.from({ length: 24 }, (_, hour) => {
    const summarizer = new logs.CdnLogSummarizer();
    for (const record of logs.generateCdnLogRecords({
      lines: HOUR_LINES,
      seed: 100 + hour,
      start: new Date(day + hour * 3_600_000),
    })) {
      summarizer.add(record);
    }
    return JSON.stringify(logs.cdnLogSummaryToJson(summarizer.summary()));
  });
  const parsed = texts.map((text) => logs.cdnLogSummaryFromJson(text));
  const times = { merge: [], fromJson: [] };
  for (let run = 0; run < 21; run++) {
    let start = performance.now();
    const merged = logs.mergeCdnLogSummaries(parsed);
    times.merge.push(performance.now() - start);
    start = performance.now();
    logs.mergeCdnLogSummaries(texts.map((text) => logs.cdnLogSummaryFromJson(text)));
    times.fromJson.push(performance.now() - start);
    if (merged.requests !== 24 * HOUR_LINES)
      throw new Error(`merge: ${merged.requests} requests, not ${24 * HOUR_LINES}`);
  }
  const [merge, fromJson] = [median(times.merge), median(times.fromJson)];
  const kB = texts.reduce((sum, text) => sum + text.length, 0) / 24 / 1000;
  console.log(
    `\nmerge: 24 hourly summaries (${HOUR_LINES} lines each, ${kB.toFixed(0)} kB of JSON each), median of 21: mergeCdnLogSummaries ${merge.toFixed(2)} ms; read from JSON and merged ${fromJson.toFixed(2)} ms; goal ≤ 50 ms: ${fromJson <= 50 ? "met" : "NOT met"}`,
  );
}
console.log(`\nlogs: benchmark done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
console.log(
  "logs: the analyzer page in Chromium is measured by test/bench/logs-page.bench.mjs (next, with `npm run bench -- logs`)",
);
// Report, don't fail, on the time goals (they depend on the machine); fail if memory is not flat.
process.exit(failed ? 1 : 0);
