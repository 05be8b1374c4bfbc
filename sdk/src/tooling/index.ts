// Build-time helpers: JSON Schema, trigger configuration, code generation. No Node-only APIs.

// The catalog's Chinese prose lives here, not in the runtime entry: docs need it, a deployed handler never does.
export type { CdnCatalogTranslation, CdnEventTranslation } from "./catalog-translation.js";
export { CDN_CATALOG_ZH_CN } from "./catalog-zh-cn.js";
export {
  CODEGEN_LANGUAGES,
  CODEGEN_STYLES,
  type CodegenLanguage,
  type CodegenStyle,
  type GenerateHandlerCodeOptions,
  generateHandlerCode,
} from "./codegen.js";
export { type CdnJsonSchemaOptions, type CdnJsonSchemaTarget, cdnJsonSchema } from "./json-schema.js";
export {
  TRIGGER_CONFIG_ISSUE_CODES,
  TriggerConfigError,
  type TriggerConfigIssue,
  type TriggerConfigIssueCode,
} from "./trigger-config/issues.js";
export {
  type CdnTriggerConfig,
  type CreateTriggerConfigInput,
  createTriggerConfig,
  createTriggerConfigs,
} from "./trigger-config/model.js";
export {
  type RenderTriggerConfigOptions,
  renderTriggerConfig,
  TRIGGER_CONFIG_FORMATS,
  type TriggerConfigFormat,
} from "./trigger-config/render.js";
export { renderServerlessDevsYaml, type ServerlessDevsProject } from "./trigger-config/s-yaml.js";
