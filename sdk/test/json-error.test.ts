// The scanner that finds where JSON is broken (JSON.parse does not always say), and line/column conversion.
import { describe, expect, it } from "vitest";
import { findJsonErrorOffset, lineAndColumn } from "../src/json-error.js";

describe("findJsonErrorOffset", () => {
  it("finds nothing wrong in valid JSON", () => {
    for (const text of [
      "{}",
      "[]",
      '"s"',
      "0",
      "-1.5e+3",
      "true",
      "null",
      ' { "a" : [1, -2.5e3, true, false, null, "x\\u00e9\\n\\"", {}], "b": {"c": []} } ',
      "[[[[]]]]",
    ]) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonErrorOffset(text), text).toBe(-1);
    }
  });
  it("points at the first offending character", () => {
    const cases: [string, number][] = [
      ["", 0],
      ["   ", 3],
      ["{", 1],
      ['{"a"', 4],
      ['{"a":', 5],
      ['{"a":1,}', 7],
      ["[1,]", 3],
      ["[,1]", 1],
      ['{"a" 1}', 5],
      ['{"a":1}}', 7],
      ["01", 1],
      ["1 2", 2],
      ["tru", 0],
      ['"abc', 0],
      ["{a:1}", 1],
      ["{'a':1}", 1],
      ["[1 2]", 3],
      ['{"a":1 "b":2}', 7],
      ["[}", 1],
      ["{]", 1],
      ['{"a":[}', 6],
      ['{"a": undefined}', 6],
      ['{"a": NaN}', 6],
      ['["\u0001"]', 1],
    ];
    for (const [text, offset] of cases) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(findJsonErrorOffset(text), JSON.stringify(text)).toBe(offset);
    }
  });
  it("handles 100,000 levels of nesting without recursion", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(99_999)}`;
    expect(findJsonErrorOffset(deep)).toBe(199_999);
    expect(findJsonErrorOffset(`${deep}]`)).toBe(-1);
  });
});

describe("lineAndColumn", () => {
  it("is 1-based and counts lines by \\n", () => {
    const text = '{\n  "a": 1,\n  b\n}';
    expect(lineAndColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn(text, text.indexOf("b"))).toEqual({ line: 3, column: 3 });
    expect(lineAndColumn(text, text.length)).toEqual({ line: 4, column: 2 });
  });
});
