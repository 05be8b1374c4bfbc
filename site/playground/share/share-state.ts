// Share links: a playground's state in the URL hash, as `#share=<base64url of deflated JSON>`. The JSON carries a
// version (`v: 1`), so a link made by a later playground is recognised and refused with a clear message instead of
// being half-read. Decoding never throws: every failure says what is wrong (as a code and values, which the page words
// in its language), and the caller falls back to the default.

import { deflateSync, Inflate, strFromU8, strToU8 } from "fflate";
import { SHARE_PARAM } from "./saved-work.js";

// Where the hash parameter is read lives with the autosave key, in a module the mount script can afford.
export { SHARE_PARAM, shareParamOf } from "./saved-work.js";

/** The playground's handler languages (templates.ts's PlaygroundLanguage; repeated so Node tests can import this file). */
type PlaygroundLanguage = "typescript" | "javascript" | "python";

/**
 * Everything a share link restores: the handler, its language, the event picker's choice and the event JSON.
 *
 * @example
 * ```ts
 * const state: ShareState = { v: 1, language: "javascript", code: "exports.handler = async () => 1;", eventName: "LogFileCreated", event: "{}" };
 * ```
 */
export interface ShareState {
  v: 1;
  language: PlaygroundLanguage;
  /** The handler source, exactly as written. */
  code: string;
  /** The event picker's choice: an event name, "several", "invalid", or "custom" for an edited event. */
  eventName: string;
  /** The event editor's JSON text, exactly as written. */
  event: string;
}

/** Why a share link cannot be opened: each reason's values (the message tables word them, i18n/). */
export interface ShareProblemValues {
  empty: Record<string, never>;
  tooLong: { length: number; max: number };
  badCharacters: Record<string, never>;
  tooLarge: { kilobytes: number };
  corrupt: Record<string, never>;
  notState: Record<string, never>;
  newer: { version: number };
  noVersion: Record<string, never>;
  badLanguage: { language: string; languages: string };
  missingField: { field: string };
}

/** One reason a share link cannot be opened. */
export type ShareProblem = {
  [K in keyof ShareProblemValues]: { code: K; values: ShareProblemValues[K] };
}[keyof ShareProblemValues];

/** The result of {@link decodeShareState}: the state, or why the link cannot be opened. */
export type DecodedShare = { ok: true; state: ShareState } | { ok: false; problem: ShareProblem };

/** Thrown by {@link encodeShareState} for a state too large for a link. */
export class ShareTooLongError extends RangeError {
  constructor(
    readonly length: number,
    readonly max: number,
  ) {
    super(`the handler and event are too large for a link (${length} characters compressed, at most ${max})`);
    this.name = "ShareTooLongError";
  }
}

/** Longest encoded state accepted, in characters: longer URLs get cut by chat apps and some browsers. */
export const MAX_SHARE_CHARS = 60_000;
/** Most bytes a link may inflate to: refuses "zip bombs" before they fill memory. */
export const MAX_SHARE_BYTES = 400_000;

const LANGUAGES: readonly PlaygroundLanguage[] = ["typescript", "javascript", "python"];

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes;
}

/** Inflates at most `limit` bytes; throws a RangeError beyond it (checked chunk by chunk, not after the fact). */
function inflateLimited(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new RangeError(`it expands to more than ${limit / 1000} kB`);
    chunks.push(chunk);
  });
  inflate.push(data, true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Encodes a state for the URL hash: JSON, deflated (fflate), base64url. Throws a {@link ShareTooLongError} when the
 * result would be longer than {@link MAX_SHARE_CHARS}, so the caller can say so instead of making a broken link.
 *
 * @example
 * ```ts
 * location.hash = `${SHARE_PARAM}=${encodeShareState(state)}`;
 * ```
 */
export function encodeShareState(state: ShareState): string {
  const encoded = toBase64Url(deflateSync(strToU8(JSON.stringify(state)), { level: 9 }));
  if (encoded.length > MAX_SHARE_CHARS) {
    throw new ShareTooLongError(encoded.length, MAX_SHARE_CHARS);
  }
  return encoded;
}

/**
 * Decodes {@link encodeShareState}'s output. Never throws: a truncated, garbled, oversized or newer-version link
 * gives `{ ok: false, problem }` saying what is wrong.
 *
 * @example
 * ```ts
 * const decoded = decodeShareState(encoded);
 * if (decoded.ok) playground.setCode(decoded.state.code, decoded.state.language);
 * else showProblem(decoded.problem.code);
 * ```
 */
export function decodeShareState(encoded: string): DecodedShare {
  const fail = (problem: ShareProblem): DecodedShare => ({ ok: false, problem });
  const none = {};
  if (encoded.length === 0) return fail({ code: "empty", values: none });
  if (encoded.length > MAX_SHARE_CHARS) {
    return fail({ code: "tooLong", values: { length: encoded.length, max: MAX_SHARE_CHARS } });
  }
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return fail({ code: "badCharacters", values: none });
  let json: string;
  try {
    json = strFromU8(inflateLimited(fromBase64Url(encoded), MAX_SHARE_BYTES));
  } catch (error) {
    return fail(
      error instanceof RangeError
        ? { code: "tooLarge", values: { kilobytes: MAX_SHARE_BYTES / 1000 } }
        : { code: "corrupt", values: none },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail({ code: "notState", values: none });
  }
  if (typeof value !== "object" || value === null) return fail({ code: "notState", values: none });
  const state = value as Record<string, unknown>;
  if (state.v !== 1) {
    return fail(
      typeof state.v === "number" && state.v > 1
        ? { code: "newer", values: { version: state.v } }
        : { code: "noVersion", values: none },
    );
  }
  if (typeof state.language !== "string" || !LANGUAGES.includes(state.language as PlaygroundLanguage)) {
    return fail({
      code: "badLanguage",
      values: { language: JSON.stringify(state.language), languages: LANGUAGES.join(", ") },
    });
  }
  for (const field of ["code", "eventName", "event"] as const) {
    if (typeof state[field] !== "string") return fail({ code: "missingField", values: { field } });
  }
  return {
    ok: true,
    state: {
      v: 1,
      language: state.language as PlaygroundLanguage,
      code: state.code as string,
      eventName: state.eventName as string,
      event: state.event as string,
    },
  };
}

/**
 * A link to `page` (a path or URL) that opens `state` in its playground.
 *
 * @example
 * ```ts
 * shareLink("/playground/", state); // "/playground/#share=eNq…"
 * ```
 */
export function shareLink(page: string, state: ShareState): string {
  return `${page.replace(/#.*$/, "")}#${SHARE_PARAM}=${encodeShareState(state)}`;
}
