// The exact part of a summary, shared by both counting paths (CdnLogSummarizer on records, ByteSummarizer on
// bytes) so that they count alike: totals, status classes, cache hits, per-hour rows, the response-time histogram
// and the time range. The top lists are each path's own (string or byte sketches). Everything is plain numbers and
// arrays, so the byte path's figures can be posted from its worker.
import { emptyLatencyCounts, latencyBucket } from "./latency-histogram.js";

export const HOUR_MS = 3_600_000;

/**
 * One hour's row: `[hour since the epoch, requests, bytes, hit requests, hit bytes, then requests by status class
 * (other, 1xx … 5xx)]`. A flat array: the hot loop adds to it without looking up property names.
 */
export type HourRow = number[];
// An enum, as Char in char-codes.ts: bundlers inline its members as literals.
export enum Row {
  HOUR = 0,
  REQUESTS = 1,
  BYTES = 2,
  HIT_REQUESTS = 3,
  HIT_BYTES = 4,
  /** Index of status class `other`; class `k` (1-5) is at CLASSES + k. */
  CLASSES = 5,
  LENGTH = 11,
}

/** The exact figures of a summary, as plain data. */
export interface SummaryCountsState {
  requests: number;
  bytes: number;
  requestBytes: number;
  hitRequests: number;
  hitBytes: number;
  /** Requests by status class: index 0 is `other`, 1-5 are 1xx-5xx. */
  classes: number[];
  /** Rows of {@link HourRow}, in no particular order. */
  hours: HourRow[];
  latency: { counts: Float64Array; count: number; max: number; sum: number };
  first: number;
  last: number;
}

/** Counts requests one at a time into the exact figures of a summary. */
export class SummaryCounts {
  private requests = 0;
  private bytes = 0;
  private requestBytes = 0;
  private hitRequests = 0;
  private hitBytes = 0;
  private readonly classes = [0, 0, 0, 0, 0, 0];
  private readonly latency = emptyLatencyCounts();
  private latencyMax = 0;
  private latencySum = 0;
  private readonly hours = new Map<number, HourRow>();
  private lastHour = Number.NaN;
  private lastRow: HourRow = [];
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;

  /**
   * Counts one request; returns its status class (0 for other, 1-5 for 1xx-5xx). `responseTimeMs` is a whole
   * number of milliseconds, 0 or more (the byte scanner reads only digits; CdnLogSummarizer truncates).
   */
  add(
    timeMs: number,
    status: number,
    requestBytes: number,
    responseBytes: number,
    hit: boolean,
    responseTimeMs: number,
  ): number {
    this.requests++;
    this.bytes += responseBytes;
    this.requestBytes += requestBytes;
    const cls = (status / 100) | 0;
    const k = cls >= 1 && cls <= 5 ? cls : 0;
    this.classes[k] = (this.classes[k] as number) + 1;
    const bucket = latencyBucket(responseTimeMs);
    this.latency[bucket] = (this.latency[bucket] as number) + 1;
    this.latencySum += responseTimeMs;
    if (responseTimeMs > this.latencyMax) this.latencyMax = responseTimeMs;
    if (timeMs < this.first) this.first = timeMs;
    if (timeMs > this.last) this.last = timeMs;
    // Lines come in time order, so the hour rarely changes: keep the current row at hand.
    const hour = Math.floor(timeMs / HOUR_MS);
    let row = this.lastRow;
    if (hour !== this.lastHour) {
      let found = this.hours.get(hour);
      if (found === undefined) {
        found = [hour, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        this.hours.set(hour, found);
      }
      this.lastHour = hour;
      this.lastRow = row = found;
    }
    row[Row.REQUESTS] = (row[Row.REQUESTS] as number) + 1;
    row[Row.BYTES] = (row[Row.BYTES] as number) + responseBytes;
    row[Row.CLASSES + k] = (row[Row.CLASSES + k] as number) + 1;
    if (hit) {
      this.hitRequests++;
      this.hitBytes += responseBytes;
      row[Row.HIT_REQUESTS] = (row[Row.HIT_REQUESTS] as number) + 1;
      row[Row.HIT_BYTES] = (row[Row.HIT_BYTES] as number) + responseBytes;
    }
    return k;
  }

  /** The figures so far, as a copy. */
  state(): SummaryCountsState {
    return {
      requests: this.requests,
      bytes: this.bytes,
      requestBytes: this.requestBytes,
      hitRequests: this.hitRequests,
      hitBytes: this.hitBytes,
      classes: [...this.classes],
      hours: [...this.hours.values()].map((row) => [...row]),
      latency: { counts: this.latency.slice(), count: this.requests, max: this.latencyMax, sum: this.latencySum },
      first: this.first,
      last: this.last,
    };
  }
}
