// The event picker's choices, all read from the SDK's catalog: each event's sample envelope, an envelope
// with several events, and an invalid event (a catalog sample broken on purpose) to show the SDK's errors.

import { CDN_EVENT_CATALOG, CDN_EVENT_NAMES } from "fc-cdn-trigger";
import { en, type PlaygroundMessages } from "./i18n/en.js";

/** One choice of the event picker. */
export interface EventPreset {
  id: string;
  label: string;
  /** The envelope, pretty-printed JSON: what goes into the event editor. */
  json: string;
}

const sampleEvent = (name: (typeof CDN_EVENT_NAMES)[number]) =>
  CDN_EVENT_CATALOG[name].sample.events[0] as Record<string, unknown>;
const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Id of the envelope-with-several-events preset. */
export const SEVERAL_EVENTS = "several";
/** Id of the invalid-event preset. */
export const INVALID_EVENT = "invalid";
/**
 * Value of the event picker's hidden "custom" entry: what it shows when a share link, autosave or "Open in
 * playground" loads events that are no preset (e.g. several events picked in the code panel).
 */
export const CUSTOM_EVENT = "custom";

/**
 * Every preset, in picker order: the 8 events, then the two special ones, labelled in the language of `t` (the
 * playground part of a message table; English by default).
 *
 * @example
 * ```ts
 * const logFile = eventPresets().find((preset) => preset.id === "LogFileCreated");
 * ```
 */
export function eventPresets(t: PlaygroundMessages["playground"] = en.playground): EventPreset[] {
  const presets: EventPreset[] = CDN_EVENT_NAMES.map((name) => ({
    id: name,
    label: name,
    json: pretty(CDN_EVENT_CATALOG[name].sample),
  }));
  presets.push({
    id: SEVERAL_EVENTS,
    label: t.severalEvents,
    json: pretty({
      events: ["LogFileCreated", "CachedObjectsRefreshed", "CdnDomainAdded"].map((n) =>
        sampleEvent(n as "LogFileCreated"),
      ),
    }),
  });
  const broken = sampleEvent("LogFileCreated");
  const parameter = broken.eventParameter as Record<string, unknown>;
  const { eventTime: _dropped, ...withoutTime } = broken;
  presets.push({
    id: INVALID_EVENT,
    label: t.invalidEvent,
    // Three mistakes: eventTime missing, fileSize not a number, an empty filePath.
    json: pretty({
      events: [{ ...withoutTime, eventParameter: { ...parameter, fileSize: "about 2 MB", filePath: "" } }],
    }),
  });
  return presets;
}

/**
 * The preset for an id, or the first event's when the id is unknown.
 *
 * @example
 * ```ts
 * presetById("CdnDomainAdded").json;
 * ```
 */
export function presetById(id: string | undefined): EventPreset {
  const presets = eventPresets();
  return presets.find((preset) => preset.id === id) ?? (presets[0] as EventPreset);
}
