// JSON.parse reports no position for "Unexpected token" errors, so on failure we
// rescan to find the offset: users need a line and column to fix a payload.

const WS = new Set([" ", "\t", "\n", "\r"]);

/** The offset of the first JSON syntax error in `text`, or -1 when it finds none. */
export function findJsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && WS.has(text[i] as string)) i++;
  };
  const fail = (at = i): never => {
    throw at;
  };
  const literal = (word: string) => {
    for (const ch of word) if (text[i++] !== ch) fail(i - 1);
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === 34) return void i++;
      if (ch < 32) fail();
      if (ch === 92) {
        i++;
        const esc = text[i];
        if (esc === "u") {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? "")) fail(i + k);
          i += 5;
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i++;
        else fail();
      } else i++;
    }
    fail();
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "-") fail();
    i += (m as RegExpExecArray)[0].length;
  };
  // Iterative, so a payload nested 10,000 levels deep cannot overflow the stack.
  const stack: string[] = [];
  const value = () => {
    ws();
    const ch = text[i];
    if (ch === "{" || ch === "[") {
      stack.push(ch === "{" ? "}" : "]");
      i++;
      ws();
      if (text[i] === stack[stack.length - 1]) {
        stack.pop();
        i++;
        return after();
      }
      if (ch === "{") key();
      return;
    }
    if (ch === '"') string();
    else if (ch === "t") literal("true");
    else if (ch === "f") literal("false");
    else if (ch === "n") literal("null");
    else if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) number();
    else fail();
    after();
  };
  const key = () => {
    ws();
    if (text[i] !== '"') fail();
    string();
    ws();
    if (text[i] !== ":") fail();
    i++;
  };
  let done = false;
  const after = () => {
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (i < text.length) fail();
        done = true;
        return;
      }
      if (text[i] !== top) break;
      stack.pop();
      i++;
    }
    if (text[i] !== ",") fail();
    i++;
    if (stack[stack.length - 1] === "}") key();
  };
  try {
    // Each step parses one value and the punctuation after it.
    while (!done) {
      if (i >= text.length) fail();
      value();
    }
    return -1;
  } catch (at) {
    if (typeof at === "number") return at;
    return -1;
  }
}

/** Converts an offset into a 1-based line and column. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
