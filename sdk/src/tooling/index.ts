// Build-time helpers: JSON Schema now; trigger config and codegen live here too.
export { type CdnJsonSchemaOptions, type CdnJsonSchemaTarget, cdnJsonSchema } from "./json-schema.js";
