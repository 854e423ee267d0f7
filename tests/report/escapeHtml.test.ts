import { describe, expect, it } from "vitest";
import { formatCsv } from "../../src/common/csv.ts";
import { parseCsv, parseWhsimCsv } from "../../src/report/csv.ts";
import { escapeHtml, jsonForScript, scriptText } from "../../src/report/escapeHtml.ts";

describe("escaping", () => {
  it("escapeHtml() turns markup into text", () => {
    expect(escapeHtml(`<script>alert("1")</script> & 'x'`)).toBe(
      "&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;",
    );
  });

  it("jsonForScript() cannot close its script element and parses back", () => {
    const value = { name: "</script><script>alert(1)</script><!--", s: "\u2028" };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/<\/script/i);
    expect(text).not.toContain("<!--");
    expect(JSON.parse(text)).toEqual(value);
  });

  it("scriptText() breaks up </script inside code", () => {
    expect(scriptText('var a = "</script>";')).toBe('var a = "<\\/script>";');
  });

  it("formatCsv() quotes and neutralises formulas; parseCsv() reads it back", () => {
    const text = formatCsv([
      ["name", "value"],
      ['a "b", c', 1],
      ["=HYPERLINK(1)", -2],
    ]);
    expect(text).toBe('name,value\n"a ""b"", c",1\n\'=HYPERLINK(1),-2\n');
    expect(parseCsv(text).rows).toEqual([
      ['a "b", c', "1"],
      ["'=HYPERLINK(1)", "-2"],
    ]);
    expect(parseWhsimCsv(text).rows[1]).toEqual(["=HYPERLINK(1)", "-2"]);
  });
});
