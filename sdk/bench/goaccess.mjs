// GoAccess, the access-log analyzer people already use, as a peer in `npm run bench -- logs`: finding (or
// installing) it, the format string for Alibaba CDN's offline log layout, and a check that it parses every line.
import { spawnSync } from "node:child_process";

/**
 * Alibaba CDN's layout, field by field (see sdk/src/logs/line-parser.ts):
 * `[time] client-ip proxy-ip response-time-ms "referer" "method url" status request-bytes response-bytes
 * cache-status "user-agent" "content-type"`, then optional extra fields, which GoAccess stops reading before.
 * The request field holds no protocol, so it is `%m %U`, not `%r`; the proxy IP and request size have no GoAccess
 * panel and are skipped (`%^`); `%L` is the response time in milliseconds; `%C` the cache status (HIT/MISS).
 */
export const GOACCESS_FORMAT = {
  logFormat: '[%x] %h %^ %L "%R" "%m %U" %s %^ %b %C "%u" "%M"',
  // `%x` reads the whole bracketed time; CDN writes the day without a leading zero, which strptime's %d accepts.
  datetimeFormat: "%d/%b/%Y:%H:%M:%S %z",
};

/** The arguments for one run over `file`, ignoring any system-wide config: JSON to stdout, or to `output`. */
export const goaccessArgs = (file, output = "json") => [
  "--no-global-config",
  `--log-format=${GOACCESS_FORMAT.logFormat}`,
  `--datetime-format=${GOACCESS_FORMAT.datetimeFormat}`,
  `--output=${output}`,
  "--no-progress",
  file,
];

const installed = () => spawnSync("goaccess", ["--version"], { encoding: "utf8" }).status === 0;

/**
 * GoAccess's path on PATH, installing the Debian package when it is missing and we are root. Returns
 * `{ skip: reason }` instead when it cannot be had, so the bench prints why and goes on.
 */
export function ensureGoaccess() {
  if (installed()) return { ok: true };
  if (process.getuid?.() !== 0) {
    return { skip: "goaccess is not installed and installing needs root: run `sudo apt-get install -y goaccess`" };
  }
  console.log("logs: installing goaccess (apt-get install -y goaccess)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let install = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "goaccess"], { env, stdio: "pipe" });
  if (install.status !== 0) {
    // A fresh machine may have no package lists yet.
    spawnSync("apt-get", ["update"], { env, stdio: "pipe" });
    install = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "goaccess"], { env, stdio: "pipe" });
  }
  if (install.status !== 0 || !installed()) {
    return {
      skip: `apt-get install goaccess failed:\n${String(install.stderr).trim().split("\n").slice(-3).join("\n")}`,
    };
  }
  return { ok: true };
}

/** Runs GoAccess on a plain-text log and returns its parsed JSON report. */
export function runGoaccess(file) {
  const out = spawnSync("goaccess", goaccessArgs(file), { encoding: "utf8", maxBuffer: 1 << 30 });
  if (out.status !== 0) throw new Error(`goaccess ${file} failed (exit ${out.status}):\n${out.stderr}`);
  return JSON.parse(out.stdout);
}

/**
 * Throws unless GoAccess's `report` counts every one of the `lines` lines of `file` as a valid request: a format
 * that silently skips lines would make GoAccess look faster than it is.
 */
export function checkAllParsed(report, lines, file) {
  const { general } = report;
  if (general.total_requests !== lines || general.valid_requests !== lines || general.failed_requests !== 0) {
    throw new Error(
      `goaccess read ${general.valid_requests} of ${lines} lines of ${file} as valid (${general.failed_requests} failed, ${general.total_requests} in total): the log format in sdk/bench/goaccess.mjs does not match the generated log`,
    );
  }
}

/** Runs GoAccess on `file` and checks it read all its `lines` lines. */
export const checkGoaccessParsesAll = (file, lines) => checkAllParsed(runGoaccess(file), lines, file);
