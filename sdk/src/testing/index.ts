// Helpers for tests and local runs: event factories, a realistic FC context, local invoke.
export {
  type CapturedFcLogger,
  createFcContext,
  type FcContextOverrides,
  type FcLogLine,
  type TestFcContext,
} from "./context.js";
export { type CdnEventOverrides, createCdnEnvelope, createCdnEvent } from "./factories.js";
export {
  type FcHandler,
  FcTimeoutError,
  type InvokeHandlerOptions,
  type InvokeResult,
  invokeHandler,
} from "./invoke.js";
