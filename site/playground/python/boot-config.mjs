// How the Python worker starts CPython, shared by the worker (python-worker.ts) and the build's memory snapshot
// (snapshot.mjs): a snapshot restores the interpreter exactly as it was made, its environment, imported modules
// and the FC runtime (runner.py) included, so both must start it the same way.

/** FC's environment variables for a function, as a handler sees them in `os.environ`. */
export const PYTHON_ENV = {
  FC_FUNCTION_NAME: "cdn-handler",
  FC_FUNCTION_HANDLER: "index.handler",
  FC_FUNCTION_MEMORY_SIZE: "512",
  FC_REGION: "cn-hangzhou",
  FC_SERVICE_NAME: "cdn-service",
  FC_ACCOUNT_ID: "1234567890123456",
  // Set, not left to Emscripten, which takes it from where Python starts: the visitor's language in a browser,
  // the build machine's in the snapshot.
  LANG: "C.UTF-8",
};

/**
 * `sys.executable` (and `$_`): Emscripten's name for the program in a browser. Left unset, Node would put the
 * build's script path into the snapshot.
 */
export const SYS_EXECUTABLE = "./this.program";

/**
 * The standard library runner.py imports (at its top and when it answers a request) and the log template
 * imports, imported before a snapshot is taken: a restored worker has them, instead of reading and compiling
 * them from python_stdlib.zip on every start.
 */
export const PRELOAD = [
  "import ast, datetime, gzip, inspect, io, json, linecache, logging, os, random, re, sys, time, traceback, types, uuid",
  "import email.message, urllib.error, urllib.request, urllib.response",
].join("\n");

/** The file name the FC runtime's frames carry, so tracebacks can leave them out (runner.py's RUNNER_FILE). */
export const RUNNER_FILE = "<fc-playground-runner>";

/** The module the FC runtime is loaded as: `run` and `check` are its functions. */
export const RUNTIME_MODULE = "fc_runtime";

/**
 * Python code that loads the FC runtime, fc_context.py then runner.py in one namespace, as the module
 * `fc_runtime`. Plain Python (the sources are string literals): a snapshot cannot hold JavaScript objects.
 *
 * @example
 * ```js
 * pyodide.runPython(runtimeBootCode(fcContextSource, runnerSource));
 * const { run, check } = pyodide.pyimport("fc_runtime");
 * ```
 */
export function runtimeBootCode(fcContextSource, runnerSource) {
  // A JSON string is a valid Python string literal.
  const load = (source) =>
    `exec(compile(${JSON.stringify(source)}, ${JSON.stringify(RUNNER_FILE)}, "exec"), _m.__dict__)`;
  return [
    "import sys, types",
    `_m = sys.modules[${JSON.stringify(RUNTIME_MODULE)}] = types.ModuleType(${JSON.stringify(RUNTIME_MODULE)})`,
    load(fcContextSource),
    load(runnerSource),
    "del _m",
  ].join("\n");
}
