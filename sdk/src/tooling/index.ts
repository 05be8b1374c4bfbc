// Build-time helpers: JSON Schema, trigger configuration, code generation. No Node-only APIs.
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
  type CdnTriggerConfig,
  type CreateTriggerConfigInput,
  createTriggerConfig,
  createTriggerConfigs,
  type RenderTriggerConfigOptions,
  renderServerlessDevsYaml,
  renderTriggerConfig,
  type ServerlessDevsProject,
  TRIGGER_CONFIG_FORMATS,
  TriggerConfigError,
  type TriggerConfigFormat,
  type TriggerConfigIssue,
} from "./trigger-config.js";
