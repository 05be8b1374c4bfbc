// How the Python worker starts CPython, shared by the worker (python-worker.ts) and the build's memory snapshot
// (snapshot.mjs): a snapshot restores the interpreter exactly as it was made, its environment and imported
// modules included, so both must start it the same way.

/** FC's environment variables for a function, as a handler sees them in `os.environ`. */
export const PYTHON_ENV = {
  FC_FUNCTION_NAME: "cdn-handler",
  FC_FUNCTION_HANDLER: "index.handler",
  FC_FUNCTION_MEMORY_SIZE: "512",
  FC_REGION: "cn-hangzhou",
  FC_SERVICE_NAME: "cdn-service",
  FC_ACCOUNT_ID: "1234567890123456",
};

/** The standard library runner.py uses, imported before a snapshot is taken (so a restored worker has it). */
export const PRELOAD =
  "import datetime, inspect, io, json, linecache, logging, os, random, sys, time, traceback, types, uuid";
