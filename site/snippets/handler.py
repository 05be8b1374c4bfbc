# Write a handler (Python): no dependency, so it can be pasted into the FC console as is.
# FC's Python runtime calls handler(event, context) with the body as bytes.
import json
import logging

logger = logging.getLogger()


def handler(event, context):
    results = []
    # One invocation may carry several events: handle all of them, not only events[0].
    for cdn_event in json.loads(event)["events"]:
        name = cdn_event["eventName"]
        param = cdn_event["eventParameter"]
        domain = cdn_event["resource"]["domain"]
        if name == "LogFileCreated":
            info = param["filePath"]
        elif name in ("CachedObjectsRefreshed", "CachedObjectsPushed", "CachedObjectsBlocked"):
            # Documented as a String but sent as a list; accept both.
            paths = param["objectPath"]
            info = ",".join([paths] if isinstance(paths, str) else paths)
        elif name in ("CdnDomainStarted", "CdnDomainStopped"):
            info = param["status"]
        else:
            info = ""
        results.append({"eventName": name, "domain": domain, "info": info})
    logger.info("request %s: handled %d event(s)", context.request_id, len(results))
    return json.dumps(results)
