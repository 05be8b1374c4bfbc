/** FC's environment variables for a function, as a handler sees them in `os.environ`. */
export declare const PYTHON_ENV: Readonly<Record<string, string>>;
/** `sys.executable` (and `$_`), the same in a restored interpreter and a fresh one. */
export declare const SYS_EXECUTABLE: string;
/** The standard library runner.py and the log template import, imported before a snapshot is taken. */
export declare const PRELOAD: string;
/** The file name the FC runtime's frames carry, so tracebacks can leave them out (runner.py's RUNNER_FILE). */
export declare const RUNNER_FILE: string;
/** The module the FC runtime is loaded as: `run` and `check` are its functions. */
export declare const RUNTIME_MODULE: string;
/** Python code that loads the FC runtime (fc_context.py, then runner.py) as the module `fc_runtime`. */
export declare function runtimeBootCode(fcContextSource: string, runnerSource: string): string;
