// `npm run gen:log -- --lines N [--out file] [--seed S] [--protocol | --dcdn] [--level 0-9]`: writes a deterministic,
// realistic CDN access log. Gzipped when --out ends in .gz; plain text to stdout without --out. Needs `npm run build`
// first. The 14th field: --protocol writes the request protocol (Alibaba's documented field), --dcdn an IP address
// (as some real logs do); neither leaves it out, as older logs do.

import { once } from "node:events";
import { createWriteStream, realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { constants, createGzip } from "node:zlib";

const dist = new URL("../dist/logs/index.js", import.meta.url);

async function loadLogs() {
  try {
    return await import(dist.href);
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new Error("sdk/dist/logs is not built yet: run `npm run build` first");
  }
}

/**
 * Writes `lines` generated log lines to `out` (gzip when it ends in .gz) or to `stream`.
 * Lines are batched into ~1 MiB writes and backpressure is honoured, so memory stays flat for any size.
 */
export async function writeLog({ lines, out, seed = 1, dcdn = false, protocol = false, level = 6, stream }) {
  const { generateCdnLogLines } = await loadLogs();
  const file = out ? createWriteStream(out) : stream;
  const gzip = out?.endsWith(".gz") ? createGzip({ level, memLevel: 9, chunk: 256 * 1024 }) : null;
  if (gzip) gzip.pipe(file);
  const sink = gzip ?? file;
  let buffer = "";
  let bytes = 0;
  for (const line of generateCdnLogLines({ lines, seed, dcdn, protocol })) {
    buffer += `${line}\n`;
    if (buffer.length >= 1 << 20) {
      bytes += buffer.length;
      if (!sink.write(buffer)) await once(sink, "drain");
      buffer = "";
    }
  }
  bytes += buffer.length;
  sink.end(buffer);
  if (out) await once(file, "close");
  return { uncompressedBytes: bytes };
}

// Run as a script (through a symlinked checkout too: argv[1] may not be the real path import.meta.url holds).
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      lines: { type: "string", default: "1000" },
      out: { type: "string" },
      seed: { type: "string", default: "1" },
      dcdn: { type: "boolean", default: false },
      protocol: { type: "boolean", default: false },
      level: { type: "string", default: String(constants.Z_DEFAULT_COMPRESSION) },
    },
  });
  const lines = Number(values.lines);
  if (!Number.isSafeInteger(lines) || lines < 0) {
    console.error(`--lines must be a non-negative integer, got ${values.lines}`);
    process.exit(2);
  }
  if (values.dcdn && values.protocol) {
    console.error("--dcdn and --protocol both write the 14th field: pass one of them");
    process.exit(2);
  }
  try {
    const { uncompressedBytes } = await writeLog({
      lines,
      out: values.out,
      seed: Number(values.seed),
      dcdn: values.dcdn,
      protocol: values.protocol,
      level: Number(values.level),
      stream: process.stdout,
    });
    if (values.out) console.error(`wrote ${lines} lines (${uncompressedBytes} bytes uncompressed) to ${values.out}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
