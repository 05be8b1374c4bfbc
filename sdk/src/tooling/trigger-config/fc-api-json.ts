// FC API JSON: the body of FC 3.0's CreateTrigger (CreateTriggerInput), where triggerConfig is a JSON string.
import { type CdnTriggerConfig, ROLE_NAME } from "./model.js";

/** One trigger's CreateTriggerInput, with `account` where the account ID belongs. */
export function apiBody(config: CdnTriggerConfig, account: string): Record<string, string> {
  const { triggerConfig } = config;
  return {
    triggerName: config.triggerName,
    triggerType: config.triggerType,
    qualifier: config.qualifier,
    ...(config.description !== undefined ? { description: config.description } : {}),
    sourceArn: `acs:cdn:*:${account}`,
    invocationRole: `acs:ram::${account}:role/${ROLE_NAME}`,
    triggerConfig: JSON.stringify({
      eventName: triggerConfig.eventName,
      eventVersion: triggerConfig.eventVersion,
      notes: triggerConfig.notes,
      filter: { domain: [...triggerConfig.filter.domain] },
    }),
  };
}

/** The request body of each trigger: one object, or an array when `asList`. */
export function renderFcApiJson(configs: readonly CdnTriggerConfig[], placeholder: string, asList: boolean): string {
  const bodies = configs.map((config) => apiBody(config, config.accountId ?? placeholder));
  return `${JSON.stringify(asList ? bodies : bodies[0], null, 2)}\n`;
}
