// JSON.parse reports no position for some errors (V8's "Unexpected token 'x'"), so on failure we
// rescan to find the offset: users need a line and column to fix a payload. Token by token with a
// sticky regex and an explicit stack, so a payload nested 10,000 levels deep cannot overflow.

const WHITESPACE = /[ \t\n\r]*/y;
// JSON forbids raw control characters (U+0000 to U+001F) inside strings, hence the range below.
const TOKEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /[ \t\n\r]*(?:("(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[\da-fA-F]{4}))*")|(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)|([{}[\],:]))/y;

/** The offset of the first JSON syntax error in `text`, or -1 when it finds none. */
export function findJsonErrorOffset(text: string): number {
  // What may come next: a value, an object key, ":", "," or the closing bracket, or nothing (end).
  let expect: "value" | "key" | ":" | "," | "end" = "value";
  const closers: string[] = [];
  let at = 0;
  let previous: string | undefined;
  TOKEN.lastIndex = 0;
  for (;;) {
    const match = TOKEN.exec(text);
    if (!match) {
      // A bad token, or the end: the offset is where the unmatched text starts, after whitespace.
      WHITESPACE.lastIndex = at;
      const start = at + (WHITESPACE.exec(text) as RegExpExecArray)[0].length;
      return start >= text.length && expect === "end" ? -1 : start;
    }
    const [whole, string, scalar, punct] = match;
    const start = match.index + whole.length - (string ?? scalar ?? punct ?? "").length;
    at = TOKEN.lastIndex;
    const opened = previous;
    previous = punct;
    const top = closers[closers.length - 1];
    if (expect === "key") {
      if (string !== undefined) expect = ":";
      else if (punct === "}" && opened === "{") {
        closers.pop();
        expect = closers.length ? "," : "end";
      } else return start;
    } else if (expect === ":") {
      if (punct !== ":") return start;
      expect = "value";
    } else if (expect === "value") {
      if (string !== undefined || scalar !== undefined) expect = closers.length ? "," : "end";
      else if (punct === "{" || punct === "[") {
        closers.push(punct === "{" ? "}" : "]");
        expect = punct === "{" ? "key" : "value";
      } else if (punct === "]" && opened === "[") {
        closers.pop();
        expect = closers.length ? "," : "end";
      } else return start;
    } else if (expect === ",") {
      if (punct === ",") expect = top === "}" ? "key" : "value";
      else if (punct === top) {
        closers.pop();
        expect = closers.length ? "," : "end";
      } else return start;
    } else return start;
  }
}

/** Converts an offset into a 1-based line and column. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split("\n");
  return { line: lines.length, column: (lines[lines.length - 1] as string).length + 1 };
}
