/** FC's environment variables for a function, as a handler sees them in `os.environ`. */
export declare const PYTHON_ENV: Readonly<Record<string, string>>;
/** The standard library runner.py uses, imported before a snapshot is taken (so a restored worker has it). */
export declare const PRELOAD: string;
