// Create a trigger: one event's trigger configuration, validated by the SDK and written for Terraform.
import { createTriggerConfig, renderTriggerConfig } from "fc-cdn-trigger/tooling";

const config = createTriggerConfig({
  eventName: "LogFileCreated",
  domains: ["example.com"],
  accountId: "1234567890123456",
});
console.log(renderTriggerConfig(config, "terraform", { functionName: "cdn-handler" }));
