// Spawns the built CLI (sdk/dist/cli.js) with Node 22, as a user would run `fc-cdn-trigger`.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Each test spawns the CLI several times; give them room under a loaded parallel run.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 300_000 });

import { parse as parseYaml } from "yaml";
import { OPTIONS_SCRIPT_ID } from "../src/cli/report-ids.js";
import { CDN_EVENT_NAMES } from "../src/index.js";
import {
  cdnLogSummaryFromJson,
  cdnLogSummaryToJson,
  generateCdnLog,
  mergeCdnLogSummaries,
  readCdnLog,
  summarizeCdnLog,
} from "../src/logs/index.js";
import { completeLinesOf } from "./gzip-prefix.js";
import { barFrames, screenLine } from "./terminal-output.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = join(repo, "sdk/dist/cli.js");
let work = "";

beforeAll(() => {
  if (!existsSync(CLI)) execFileSync("npm", ["run", "build"], { cwd: repo, stdio: "ignore" });
  const cache = join(repo, "node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  work = mkdtempSync(join(cache, "fc-cdn-trigger-cli-"));
  writeFileSync(join(work, "package.json"), '{ "type": "commonjs" }\n');
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const run = (args: string[], input?: string) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: work, input, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const file = (name: string, text: string) => {
  writeFileSync(join(work, name), text);
  return name;
};

describe("fc-cdn-trigger", () => {
  it("lists the commands, and exits 2 without one", () => {
    const bare = run([]);
    expect(bare.code).toBe(2);
    for (const name of ["event", "validate", "invoke", "trigger", "codegen", "schema"])
      expect(bare.stdout).toContain(`  ${name} `);
    expect(run(["--help"]).code).toBe(0);
    expect(run(["--version"]).stdout.trim()).toBe(
      JSON.parse(readFileSync(join(repo, "sdk/package.json"), "utf8")).version,
    );
  });

  it("runs through the package's bin launcher, which npm links as node_modules/.bin/fc-cdn-trigger", () => {
    const bin = join(
      repo,
      "sdk",
      JSON.parse(readFileSync(join(repo, "sdk/package.json"), "utf8")).bin["fc-cdn-trigger"],
    );
    const result = spawnSync(process.execPath, [bin, "event", "CdnDomainAdded"], { cwd: work, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).events[0].eventName).toBe("CdnDomainAdded");
    const bad = spawnSync(process.execPath, [bin, "valdate"], { cwd: work, encoding: "utf8" });
    expect(bad.status).toBe(2);
  });

  it("suggests the closest command for a typo", () => {
    const result = run(["valdate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "valdate" (did you mean validate?)');
  });

  it.each(["event", "validate", "invoke", "trigger", "codegen", "schema"])("%s --help prints its usage", (name) => {
    const result = run([name, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: fc-cdn-trigger ${name}`);
    expect(run(["help", name]).stdout).toBe(result.stdout);
  });

  it("reports an unknown option with a pointer to --help, exit 2", () => {
    const result = run(["schema", "--draft7"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--draft7'");
    expect(result.stderr).toContain("Run fc-cdn-trigger schema --help for usage.");
  });
});

describe("event", () => {
  it("prints a sample envelope for one or more events", () => {
    const result = run(["event", "CdnDomainAdded", "LogFileCreated"]);
    expect(result.code).toBe(0);
    const envelope = JSON.parse(result.stdout);
    expect(envelope.events.map((e: { eventName: string }) => e.eventName)).toEqual([
      "CdnDomainAdded",
      "LogFileCreated",
    ]);
  });

  it("applies --set: JSON values as JSON, others as strings, array indexes too", () => {
    const result = run([
      "event",
      "CachedObjectsRefreshed",
      "--set",
      "eventParameter.objectPath[1]=/b.png",
      "--set",
      "eventParameter.createTime=1700000000",
      "--set",
      "resource.domain=cdn.example.com",
      "--compact",
    ]);
    expect(result.code).toBe(0);
    const [event] = JSON.parse(result.stdout).events;
    expect(event.eventParameter.objectPath[1]).toBe("/b.png");
    expect(event.eventParameter.createTime).toBe(1700000000);
    expect(event.resource.domain).toBe("cdn.example.com");
  });

  it("refuses a --set that breaks the event (exit 1, with the path) and bad names or paths (exit 2)", () => {
    const broken = run(["event", "CdnDomainStarted", "--set", "eventParameter.status=false"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("events[0].eventParameter.status");
    const typo = run(["event", "CdnDomainStart"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('"CdnDomainStart" is not a CDN event (did you mean CdnDomainStarted?)');
    expect(run(["event", "LogFileCreated", "--set", "__proto__.x=1"]).code).toBe(2);
    expect(run(["event", "LogFileCreated", "--set", "novalue"]).stderr).toContain("expected path=value");
    expect(run(["event"]).stderr).toContain("give at least one event name");
  });

  it("refuses a --set path that is not a documented field, with did you mean, unless --allow-unknown", () => {
    const typo = run(["event", "LogFileCreated", "--set", "eventParameter.fileSiz=42"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      "--set eventParameter.fileSiz=42: eventParameter.fileSiz is not a field of the event (did you mean eventParameter.fileSize?)",
    );
    expect(typo.stderr).toContain("fields here: domain, startTime, endTime, fileSize, filePath");
    expect(run(["event", "LogFileCreated", "--set", "resorce.domain=x.com"]).stderr).toContain(
      "did you mean resource?",
    );
    const drift = run(["event", "CdnDomainStarted", "--set", "eventParameter.reason=test", "--allow-unknown"]);
    expect(drift.code).toBe(0);
    expect(JSON.parse(drift.stdout).events[0].eventParameter.reason).toBe("test");
    // An unknown value of a documented field needs no flag: it is valid, and reported as drift by validate.
    expect(run(["event", "CdnDomainStarted", "--set", "eventParameter.status=paused"]).code).toBe(0);
    expect(run(["event", "CachedObjectsPushed", "--set", "eventParameter.objectPath[1]=/b.png"]).code).toBe(0);
  });
});

describe("exit codes", () => {
  it("are 1 for unreadable or invalid input, missing files included, and 2 for a wrong command line, in every command", () => {
    const handler = file("exit-handler.mjs", "export const handler = async () => 1;\n");
    const badInput = [
      ["validate", "missing.json"],
      ["validate", file("exit-bad.json", "{")],
      ["invoke", "missing.js", "--event", "LogFileCreated"],
      ["invoke", handler, "--event", "missing.json"],
      ["logs", "summarize", "missing.log.gz"],
    ];
    for (const args of badInput) expect(run(args).code, args.join(" ")).toBe(1);
    const badCommandLine = [
      ["validate"],
      ["validate", "a.json", "--nope"],
      ["invoke", handler],
      ["event", "LogFileCreatd"],
      ["logs", "summarize"],
      ["schema", "Nope"],
      ["nope"],
    ];
    for (const args of badCommandLine) expect(run(args).code, args.join(" ")).toBe(2);
  });
});

describe("invoke's verdict", () => {
  it("a handler that rejects with no reason failed (exit 1), not succeeded", () => {
    const handler = file("reject-nothing.mjs", "export const handler = () => Promise.reject();\n");
    const result = run(["invoke", handler, "--event", "CdnDomainAdded"]);
    expect(result.code).toBe(1);
  });
});

describe("validate", () => {
  it("accepts a valid file and reports drift", () => {
    const envelope = JSON.parse(run(["event", "LogFileCreated"]).stdout);
    envelope.events[0].eventParameter.fileSize = "123";
    const result = run(["validate", file("drift.json", JSON.stringify(envelope))]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("✓ drift.json is valid: 1 event (LogFileCreated)");
    expect(result.stderr).toContain("events[0].eventParameter.fileSize was sent as a string");
  });

  it("prints every path error and exits 1 on an invalid payload", () => {
    const result = run([
      "validate",
      file("bad.json", '{"events": [{"eventName": "LogFileCreated", "eventSource": 7}]}'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("✗ bad.json is not a valid CDN event payload");
    expect(result.stderr).toContain("events[0].eventSource: expected eventSource as a string such as cdn, got number");
    expect(result.stderr).toContain("events[0].eventParameter: required");
  });

  it("says where JSON is broken, reads stdin with -, and has --json", () => {
    const broken = run(["validate", "-"], '{\n  "events": [,]\n}');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("line 2, column 14");
    const piped = run(["validate", "-", "--json"], run(["event", "CdnDomainDeleted"]).stdout);
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toEqual({ valid: true, events: ["CdnDomainDeleted"], drift: [] });
    const missing = run(["validate", "nope.json"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("cannot read nope.json: no such file");
  });
});

describe("invoke", () => {
  const cjsHandler = `const { defineCdnHandler } = require("fc-cdn-trigger");
exports.handler = defineCdnHandler({
  LogFileCreated: (event, context) => {
    console.log("log file", event.eventParameter.fileSize);
    context.logger.info("request", context.requestId);
    return { size: event.eventParameter.fileSize };
  },
  CdnDomainAdded: () => { throw new Error("cannot add"); },
});
exports.slow = () => new Promise(() => {});
`;

  it("runs a CommonJS handler the way FC does and prints logs, result and duration", () => {
    const handler = file("handler.js", cjsHandler);
    const result = run(["invoke", handler, "--event", "LogFileCreated"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Logs:\n {2}\S+ \S+ \[INFO\] log file 1788115\n/);
    expect(result.stdout).toContain("[INFO] request ");
    expect(result.stdout).toContain('Result:\n[\n  {\n    "size": 1788115\n  }\n]');
    expect(result.stdout).toMatch(/Duration: \d+\.\d ms/);
  });

  it("exits 1 and lists the failing events when the handler fails, and --json has the details", () => {
    const handler = file("handler2.js", cjsHandler);
    const result = run(["invoke", handler, "--event", "LogFileCreated,CdnDomainAdded"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("1 of 2 CDN events failed");
    expect(result.stderr).toContain("events[1] (CdnDomainAdded): Error: cannot add");
    const asJson = JSON.parse(run(["invoke", handler, "--event", "CdnDomainAdded", "--json"]).stdout);
    expect(asJson).toMatchObject({ timedOut: false, result: null });
    expect(asJson.error).toContain("cannot add");
  });

  it("times out like FC, picks --export, and reads an event file", () => {
    const handler = file("handler3.js", cjsHandler);
    const slow = run(["invoke", handler, "--export", "slow", "--event", "LogFileCreated", "--timeout", "0.05"]);
    expect(slow.code).toBe(1);
    expect(slow.stderr).toContain("Timed out: FcTimeoutError: Function timed out after 0.05 seconds");
    const eventFile = file("event.json", run(["event", "LogFileCreated", "--set", "eventParameter.fileSize=7"]).stdout);
    expect(run(["invoke", handler, "--event", eventFile]).stdout).toContain('"size": 7');
    const bad = file("invalid.json", '{"events": [{}]}');
    const parseFailed = run(["invoke", handler, "--event", bad]);
    expect(parseFailed.code).toBe(1);
    expect(parseFailed.stderr).toContain("events[0].eventName: required");
  });

  it("runs an ESM handler and gives clear errors for a missing export, file or event", () => {
    const esm = file(
      "handler.mjs",
      'import { defineCdnHandler } from "fc-cdn-trigger";\nexport const main = defineCdnHandler({ default: (e) => e.eventName });\n',
    );
    expect(run(["invoke", esm, "--export", "main", "--event", "CdnDomainStopped"]).stdout).toContain(
      '"CdnDomainStopped"',
    );
    const noExport = run(["invoke", esm, "--event", "CdnDomainStopped"]);
    expect(noExport.code).toBe(2);
    expect(noExport.stderr).toContain('has no exported function "handler"; it exports main (use --export)');
    expect(run(["invoke", "missing.js", "--event", "LogFileCreated"]).stderr).toContain(
      "cannot load missing.js: no such file",
    );
    const noEvent = run(["invoke", esm, "--export", "main", "--event", "LogFile"]);
    expect(noEvent.code).toBe(2);
    expect(noEvent.stderr).toContain('"LogFile" is neither a CDN event nor a file');
    expect(run(["invoke", esm]).stderr).toContain("--event is required");
    expect(run(["invoke", esm, "--event", "LogFileCreated", "--timeout", "soon"]).stderr).toContain("--timeout");
  });
});

describe("invoke: loading", () => {
  it("reports a handler that throws while loading, with exit 1 and no crash", () => {
    const broken = file("broken.cjs", 'throw new Error("boom at load");\n');
    const result = run(["invoke", broken, "--event", "LogFileCreated"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("cannot load broken.cjs: Error: boom at load");
  });

  it("runs a TypeScript handler where Node can strip its types, and says what to do where it cannot", () => {
    const source = "export const handler = async (event: Buffer): Promise<number> => event.length;\n";
    const outside = mkdtempSync(join(tmpdir(), "fc-cdn-trigger-ts-"));
    try {
      writeFileSync(join(outside, "typed.mts"), source);
      const result = run(["invoke", join(outside, "typed.mts"), "--event", "CdnDomainAdded"]);
      if ((process.features as { typescript?: unknown }).typescript) {
        expect(result.stderr).toBe("");
        expect(result.stdout).toMatch(/Result:\n\d+\n/);
      } else expect(result.stderr).toContain("build it to JavaScript first");
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    // Node never strips types under node_modules (where this test's work folder is).
    const inside = run(["invoke", file("typed.mts", source), "--event", "CdnDomainAdded"]);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toContain(
      "cannot load typed.mts: this Node cannot run it as TypeScript; build it to JavaScript first",
    );
  });
});

describe("trigger", () => {
  it("prints every format, one trigger per event", () => {
    const args = [
      "trigger",
      "--event",
      "CdnDomainStarted,CdnDomainStopped",
      "--domain",
      "example.com",
      "--account-id",
      "1234567890123456",
    ];
    const api = JSON.parse(run([...args, "--format", "fc-api-json"]).stdout);
    expect(api.map((t: { triggerName: string }) => t.triggerName)).toEqual([
      "cdn-domain-started",
      "cdn-domain-stopped",
    ]);
    const yaml = parseYaml(run([...args, "--format", "s-yaml"]).stdout);
    expect(yaml.triggers).toHaveLength(2);
    expect(run([...args, "--format", "terraform"]).stdout.match(/resource "alicloud_fcv3_trigger"/g)).toHaveLength(2);
    expect(
      run([...args, "--format", "aliyun-cli", "--function-name", "fn"]).stdout.match(/aliyun fc POST/g),
    ).toHaveLength(2);
    const single = JSON.parse(
      run(["trigger", "--event", "LogFileCreated", "--domain", "a.example.com", "--trigger-name", "logs"]).stdout,
    );
    expect(single.triggerName).toBe("logs");
  });

  it("names the flag that is wrong", () => {
    const result = run([
      "trigger",
      "--event",
      "LogFileCreated",
      "--domain",
      "example.com",
      "--domain",
      "https://x.example.com",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--domain #2: "https://x.example.com" has a URL scheme');
    expect(
      run(["trigger", "--event", "LogFileCreated", "--domain", "example.com", "--format", "yml"]).stderr,
    ).toContain('--format: "yml" is not a format');
    expect(run(["trigger", "--domain", "example.com"]).stderr).toContain("--event is required");
    expect(run(["trigger", "--event", "LogFileCreated"]).stderr).toContain("--domain is required");
    expect(
      run(["trigger", "--event", "LogFileCreated", "--domain", "example.com", "--account-id", "abc"]).stderr,
    ).toContain("--account-id:");
    // A renderer's issue names the flag, once for all the triggers that share it.
    const templated = run([
      "trigger",
      "--event",
      "CdnDomainAdded,CdnDomainDeleted",
      "--domain",
      "example.com",
      "--notes",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the text a user would type
      "cost ${x}",
      "--format",
      "s-yaml",
    ]);
    expect(templated.code).toBe(2);
    expect(templated.stderr).toMatch(/^fc-cdn-trigger trigger: --notes: "cost \$\{x\}" contains .*Serverless Devs/);
    expect(templated.stderr.match(/--notes:/g)).toHaveLength(1);
  });
});

describe("codegen", () => {
  it("prints code, accepts language aliases and --events all, and writes --out", () => {
    const ts = run(["codegen", "--lang", "ts", "--events", "LogFileCreated"]);
    expect(ts.code).toBe(0);
    expect(ts.stdout).toContain('import { defineCdnHandler } from "fc-cdn-trigger";');
    const all = run(["codegen", "--lang", "py", "--events", "all", "--style", "plain"]);
    for (const name of CDN_EVENT_NAMES) expect(all.stdout).toContain(`event_name == "${name}"`);
    const written = run([
      "codegen",
      "--lang",
      "javascript",
      "--events",
      "CdnDomainAdded",
      "--style",
      "plain",
      "--out",
      "out.js",
    ]);
    expect(written.stderr).toBe("wrote out.js\n");
    expect(readFileSync(join(work, "out.js"), "utf8")).toContain("exports.handler = async (event, context) =>");
  });

  it("refuses bad arguments", () => {
    expect(run(["codegen", "--events", "LogFileCreated"]).stderr).toContain("--lang is required");
    expect(run(["codegen", "--lang", "rust", "--events", "LogFileCreated"]).stderr).toContain(
      '--lang: "rust" is not a language',
    );
    expect(run(["codegen", "--lang", "ts", "--events", "LogFileCreatd"]).stderr).toContain(
      "did you mean LogFileCreated?",
    );
    expect(run(["codegen", "--lang", "ts", "--events", "LogFileCreated", "--style", "fancy"]).code).toBe(2);
  });
});

describe("schema", () => {
  it("prints an event's schema, the envelope's by default, and draft-07 on request", () => {
    const event = JSON.parse(run(["schema", "LogFileCreated"]).stdout);
    expect(event.title).toBe("LogFileCreated");
    expect(event.$schema).toContain("2020-12");
    const envelope = JSON.parse(run(["schema", "--draft-07"]).stdout);
    expect(envelope.$schema).toContain("draft-07");
    expect(envelope.title).toBe("CDN trigger event envelope");
    const typo = run(["schema", "LogFile"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("expected one of envelope, LogFileCreated");
  });
});

// util-linux `script` runs the CLI on a real pseudo-terminal, so the CLI's own isTTY check decides.
const hasScript = spawnSync("script", ["--version"]).status === 0;
if (!hasScript) console.warn("[cli tests] skipping the terminal test: `script` (util-linux) is not installed");

describe("logs", () => {
  it.skipIf(!hasScript)("draws its progress bar on a real terminal and erases it; stdout keeps only the report", () => {
    // Stored (gzip level 0) so the file is over a megabyte and reading it takes a while.
    writeFileSync(join(work, "stored.gz"), gzipSync(generateCdnLog({ lines: 5000, seed: 4 }), { level: 0 }));
    const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
    // stdout goes to a file, so the terminal receives stderr alone.
    const command = `${quote(process.execPath)} ${quote(CLI)} logs summarize stored.gz > report.txt`;
    const pty = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: work, input: "", encoding: "utf8" });
    expect(pty.status, pty.stdout + pty.stderr).toBe(0);
    // The real clock: the first progress event always draws, later ones within 100 ms do not.
    const frames = barFrames(pty.stdout);
    expect(frames.length).toBeGreaterThan(0);
    expect(screenLine(pty.stdout)).toBe("");
    const plain = run(["logs", "summarize", "stored.gz"]);
    expect(plain.stderr).toBe("");
    expect(readFileSync(join(work, "report.txt"), "utf8")).toBe(plain.stdout);
  });
});

describe("logs on a truncated gzip file", () => {
  // Cut inside a gzip block and inside a line, as an interrupted download leaves a file.
  const gz = gzipSync(generateCdnLog({ lines: 6000, seed: 17, malformedRate: 0.01 }));
  const cut = gz.subarray(0, Math.floor(gz.length * 0.55));
  const complete = completeLinesOf(cut);
  /** The summary of the complete lines before the cut, given to the SDK as a whole log, marked partial. */
  const expectedJson = async () => ({
    ...cdnLogSummaryToJson(await summarizeCdnLog(readCdnLog(complete.bytes, { gzip: false }))),
    partial: true,
  });

  it("summarize prints the summary of the lines read, marked partial, warns, and exits 3", async () => {
    expect(complete.cutMidLine).toBe(true);
    writeFileSync(join(work, "cut.log.gz"), cut);
    const expected = await expectedJson();
    const lines = expected.stats?.lines ?? 0;
    const warning = new RegExp(
      `^warning: partial result: cut\\.log\\.gz was read only up to line ${lines.toLocaleString("en-US")} \\(${cut.length.toLocaleString("en-US")} bytes\\): The gzip data of \\S*cut\\.log\\.gz is truncated or corrupt \\(unexpected end of file\\): read ${cut.length} of ${cut.length} bytes and ${lines} lines before it ended\\. Download the file again.*\\n {2}Only those .* lines are counted \\(exit code 3\\)\\. Get the whole file and run again for a complete summary\\.\\n$`,
    );
    const asJson = run(["logs", "summarize", "cut.log.gz", "--json"]);
    expect(asJson.code).toBe(3);
    expect(JSON.parse(asJson.stdout)).toEqual(expected);
    expect(asJson.stderr).toMatch(warning);
    const asText = run(["logs", "summarize", "cut.log.gz"]);
    expect(asText.code).toBe(3);
    expect(asText.stdout).toMatch(
      new RegExp(
        `^cut\\.log\\.gz: ${expected.requests.toLocaleString("en-US")} requests\\n {2}PARTIAL {5}the log was cut: `,
      ),
    );
    expect(asText.stderr).toMatch(warning);
  });

  it("report merges the other files, notes the cut one in the report, and exits 3", async () => {
    writeFileSync(join(work, "cut.log.gz"), cut);
    const whole = generateCdnLog({ lines: 800, seed: 18 });
    writeFileSync(join(work, "whole.log"), whole);
    const result = run(["logs", "report", "whole.log", "cut.log.gz", "-o", "cut.html", "--json", "cut.json"]);
    expect(result.code).toBe(3);
    const partial = cdnLogSummaryFromJson(await expectedJson());
    const merged = mergeCdnLogSummaries([await summarizeCdnLog(readCdnLog(Buffer.from(whole))), partial]);
    expect(JSON.parse(readFileSync(join(work, "cut.json"), "utf8"))).toEqual(cdnLogSummaryToJson(merged));
    expect(result.stdout).toBe(
      `wrote cut.html: ${merged.requests.toLocaleString("en-US")} requests from 2 files; summary in cut.json (partial: see the warning)\n`,
    );
    expect(result.stderr).toMatch(/^warning: partial result: cut\.log\.gz was read only up to line /);
    // The page shows the note from the sources it embeds (logs-report-page.test.ts shows it in Chromium).
    const options = new RegExp(`<script type="application/json" id="${OPTIONS_SCRIPT_ID}">([^<]*)</script>`).exec(
      readFileSync(join(work, "cut.html"), "utf8"),
    );
    expect(JSON.parse(options?.[1] ?? "null").sources).toEqual([
      { name: "whole.log", stats: { lines: 800, parsed: 800, malformed: 0, malformedLineNumbers: [] } },
      { name: "cut.log.gz", stats: partial.stats, partial: true },
    ]);
  });
});
