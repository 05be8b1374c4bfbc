// The triggers the "Create a CDN trigger" guide renders at build time, in every language of the site: one place, so
// the English and Chinese pages show the same configuration.
import {
  type CdnTriggerConfig,
  createTriggerConfig,
  createTriggerConfigs,
  renderTriggerConfig,
  type TriggerConfigFormat,
} from "fc-cdn-trigger/tooling";

/** One event (`LogFileCreated`) on two domains. */
export const single = createTriggerConfig({
  eventName: "LogFileCreated",
  domains: ["example.com", "static.example.com"],
  notes: "archive CDN logs",
});

/** A function for two events: one trigger per event, same domain. */
export const several = createTriggerConfigs({
  eventNames: ["CdnDomainStarted", "CdnDomainStopped"],
  domains: ["example.com"],
});

/** The configuration as the given tool takes it, for the guide's example function. */
export const render = (config: CdnTriggerConfig | readonly CdnTriggerConfig[], format: TriggerConfigFormat) =>
  renderTriggerConfig(config, format, { functionName: "cdn-handler", region: "cn-hangzhou" });
