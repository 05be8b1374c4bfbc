// Deploy: the s.yaml for the bundled handler, with one CDN trigger per event it handles, written by the SDK's tooling.
import { createTriggerConfigs, renderServerlessDevsYaml } from "fc-cdn-trigger/tooling";

export const sYaml = renderServerlessDevsYaml({
  name: "cdn-handler",
  description: "Handles CDN trigger events",
  runtime: "nodejs20",
  handler: "index.handler",
  code: "./dist",
  triggers: createTriggerConfigs({
    eventNames: ["LogFileCreated", "CachedObjectsRefreshed"],
    domains: ["example.com"],
  }),
});
