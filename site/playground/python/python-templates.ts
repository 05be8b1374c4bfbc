// The playground's Python templates: the SDK's generated Python (generateHandlerCode, for the events in the
// event editor) for the "SDK" and "plain" templates, and the playground's own handlers for "like the
// official sample" and "summarise the log file". Written for the playground; nothing is copied from the seed docs.

import { CDN_EVENT_NAMES, type CdnEventName, isCdnEventName } from "fc-cdn-trigger";
import { generateHandlerCode } from "fc-cdn-trigger/tooling";

// The if/elif shape of the Python sample in FC's "Configure a CDN trigger" page (first event, branch on its
// name, a one-line summary), as an FC Python handler of our own.
const OFFICIAL_PY = `# -*- coding: utf-8 -*-
# A Function Compute Python handler for CDN events, shaped like the sample in FC's
# "Configure a CDN trigger" page: read the first event, branch on its name, return a summary.
# FC calls index.handler(event, context) with the request body as bytes.
import json
import logging

logger = logging.getLogger()


def handler(event, context):
    body = json.loads(event)
    first = body["events"][0]
    name = first["eventName"]
    params = first["eventParameter"]
    domain = params["domain"]
    logger.info("request %s: %s for %s", context.request_id, name, domain)

    info = ""
    if name in ("CachedObjectsRefreshed", "CachedObjectsPushed", "CachedObjectsBlocked"):
        paths = params["objectPath"]
        info = ",".join(paths if isinstance(paths, list) else [paths])
    elif name == "LogFileCreated":
        info = params["filePath"]
    elif name in ("CdnDomainStarted", "CdnDomainStopped"):
        info = params.get("status", "")  # your start/stop logic here
    elif name in ("CdnDomainAdded", "CdnDomainDeleted"):
        pass  # your add/delete logic here

    print(f"{name} for {domain}")
    return f"eventName:{name}, domain: {domain}, info: {info}"
`;

// The "Summarise the log file" template in Python: the same summary as the JavaScript version, written with
// the standard library (urllib, gzip, re). On FC it downloads the event's file; in the playground, the Python
// runtime answers that request with the same generated sample log the JavaScript runtime serves (runner.py).
const LOGS_PY = `# -*- coding: utf-8 -*-
# Summarise the gzip access log of a LogFileCreated event: requests, bytes, cache hit ratio,
# status classes and top URLs, streamed line by line (flat memory).
# FC calls index.handler(event, context) with the request body as bytes.
import gzip
import json
import re
import urllib.request
from collections import Counter
from datetime import datetime
from functools import lru_cache

# [time] client-ip proxy-ip response-ms "referer" "METHOD url" status request-bytes response-bytes cache-status ...
LINE = re.compile(r'^\\[([^\\]]*)\\] \\S+ \\S+ \\d+ "(?:[^"\\\\]|\\\\.)*" "\\S+ (\\S+)[^"]*" (\\d{3}) \\d+ (\\d+) (\\S+)')


@lru_cache(maxsize=4096)  # an hourly file has at most 3600 distinct timestamps
def is_log_time(text):
    """True for a real time like 1/Jun/2024:08:00:00 +0800 (a line stamped 32/Jun is not a log line)."""
    try:
        datetime.strptime(text, "%d/%b/%Y:%H:%M:%S %z")
        return True
    except ValueError:
        return False


def summarize(lines, top=5):
    requests = hits = total_bytes = 0
    statuses, urls = Counter(), Counter()
    for line in lines:
        match = LINE.match(line)
        if not match or not is_log_time(match.group(1)):
            continue  # not an access-log line
        _, url, status, size, cache = match.groups()
        requests += 1
        total_bytes += int(size)
        hits += cache.upper().startswith("HIT")
        statuses[status[0] + "xx"] += 1
        urls[url] += 1
    return {
        "requests": requests,
        "bytes": total_bytes,
        "cacheHitRatio": hits / requests if requests else 0,
        "statusClasses": dict(statuses),
        "topUrls": [{"url": url, "count": count} for url, count in urls.most_common(top)],
    }


def handler(event, context):
    results = []
    for cdn_event in json.loads(event)["events"]:
        if cdn_event["eventName"] != "LogFileCreated":
            print(f"{cdn_event['eventName']}: not a log file, skipped")
            continue
        params = cdn_event["eventParameter"]
        domain, file_path = params["domain"], params["filePath"]
        url = file_path if "://" in file_path else "https://" + file_path
        print(f"LogFileCreated for {domain}: {params['fileSize']} bytes at {url}")
        # Download, gunzip and parse one line at a time: flat memory.
        with urllib.request.urlopen(url) as response, gzip.open(response, "rt", errors="replace") as log:
            summary = summarize(log)
        print(f"{summary['requests']} requests, {summary['bytes'] / 1e6:.1f} MB, "
              f"cache hit ratio {summary['cacheHitRatio']:.1%}")
        results.append({"domain": domain, **summary})
    # FC's Python runtime sends a list or dict as JSON.
    return results
`;

/**
 * The CDN event names in an event editor's JSON, in order and without repeats; every event when there are
 * none (invalid JSON, or no known event), so generated code always has something to route.
 *
 * @example
 * ```ts
 * eventNamesIn('{"events":[{"eventName":"LogFileCreated"}]}'); // ["LogFileCreated"]
 * ```
 */
export function eventNamesIn(eventJson: string): CdnEventName[] {
  let names: CdnEventName[] = [];
  try {
    const events = (JSON.parse(eventJson) as { events?: unknown })?.events;
    if (Array.isArray(events)) {
      names = events
        .map((event) => (event as { eventName?: unknown } | null)?.eventName)
        .filter((name): name is CdnEventName => isCdnEventName(name));
    }
  } catch {
    // Not JSON (yet): fall back to every event.
  }
  const unique = [...new Set(names)];
  return unique.length > 0 ? unique : [...CDN_EVENT_NAMES];
}

/**
 * The Python source of a template: "sdk" and "plain" are generated by the SDK for the given events, "logs"
 * is the playground's log summariser (urllib, gzip, re), "official" (and any other) is the playground's
 * FC-style handler.
 *
 * @example
 * ```ts
 * pythonTemplate("plain", ["LogFileCreated"]); // def handler(event, context): ...
 * ```
 */
export function pythonTemplate(id: string, events: readonly CdnEventName[]): string {
  if (id === "sdk" || id === "plain") return generateHandlerCode({ language: "python", events, style: id });
  if (id === "logs") return LOGS_PY;
  return OFFICIAL_PY;
}
