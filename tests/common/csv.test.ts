import { describe, expect, it } from "vitest";
import { csvField, csvLine, csvUnquote, formatCsv } from "../../src/common/csv.ts";

/** Payloads from the OWASP CSV injection page and the ones found in whsim's own files. */
const FORMULAS = [
  '=HYPERLINK("http://x","a")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "-",
  "+",
  "=",
  "@",
  "-x",
];

describe("csvField()", () => {
  it.each(FORMULAS)("neutralises %j with a leading quote", (text) => {
    const field = csvField(text);
    const unquoted = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
    expect(unquoted).toBe(`'${text}`);
  });

  it("leaves numbers alone, as numbers and as text", () => {
    expect(csvLine([-2, 0.5, -1e-7, 3])).toBe("-2,0.5,-1e-7,3");
    expect(csvLine(["-2", "+0.5", "-.5", "1e-3", "-4.2E+3"])).toBe("-2,+0.5,-.5,1e-3,-4.2E+3");
  });

  it("writes missing values as empty cells", () => {
    expect(csvLine([undefined, null, Number.NaN, Number.POSITIVE_INFINITY, "x"])).toBe(",,,,x");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField("a\rb")).toBe('"a\rb"');
    expect(csvField("\r=1")).toBe('"\'\r=1"');
  });

  it("csvUnquote() restores every text csvField() was given, even one starting with '", () => {
    for (const text of [...FORMULAS, "'=x", "''-1", "'", "'abc", "plain", "-2", ""]) {
      const field = csvField(text);
      const cell = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
      expect(csvUnquote(cell)).toBe(text);
    }
  });

  it("formatCsv() ends every line with \\n", () => {
    expect(
      formatCsv([
        ["a", "b"],
        [1, "=x"],
      ]),
    ).toBe("a,b\n1,'=x\n");
  });
});
