/**
 * readYaml(): linear-time YAML reading: 100,000 keys read in seconds, duplicate keys and
 * nesting too deep for the composer's recursion reported as input issues with a line, for
 * scenarios and layouts alike.
 */
import { describe, expect, it } from "vitest";
import { formatIssue, InputError } from "../../src/common/inputError.ts";
import { MAX_YAML_DEPTH, readYaml } from "../../src/common/readYaml.ts";
import { parseLayoutText } from "../../src/layout/index.ts";
import { parseDataText } from "../../src/scenario/index.ts";

function problems(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues.map(formatIssue);
  }
  throw new Error("expected an InputError");
}

const options = { file: "s.yaml", maxAliasCount: 100 };

describe("readYaml()", () => {
  it("reads 100,000 keys under one key in seconds (the duplicate check is linear)", () => {
    const lines = ["name: x", "junk:"];
    for (let i = 0; i < 100_000; i++) lines.push(`  k${i}: ${i}`);
    const started = performance.now();
    const data = parseDataText(`${lines.join("\n")}\n`, "s.yaml") as { junk: object };
    expect(Object.keys(data.junk)).toHaveLength(100_000);
    // The quadratic check took minutes here; the bound leaves room for a busy machine.
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it("names a duplicate key with its line", () => {
    expect(problems(() => readYaml("name: x\nseed: 1\nname: y\n", options))).toEqual([
      's.yaml: line 3, column 1: "Map keys must be unique" (valid YAML)',
    ]);
  });

  it("finds duplicates in nested mappings, in flow mappings and among keys 1 and '1'", () => {
    const found = problems(() =>
      readYaml("a:\n  b: 1\n  c: 2\n  b: 3\nd: { e: 1, e: 2 }\nf: { 1: a, '1': b }\n", options),
    );
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^s\.yaml: line 4, column 3: "Map keys must be unique"/);
    expect(found[1]).toMatch(/^s\.yaml: line 5, column 12: "Map keys must be unique"/);
    expect(found[2]).toMatch(/^s\.yaml: line 6, column 12: "Map keys must be unique"/);
  });

  it("accepts the same key in different mappings", () => {
    expect(readYaml("a: { x: 1 }\nb: { x: 2 }\n", options)).toEqual({ a: { x: 1 }, b: { x: 2 } });
  });

  it.each([
    ["flow lists", `x: ${"[".repeat(5000)}${"]".repeat(5000)}\n`],
    ["flow mappings", `x: ${"{a: ".repeat(5000)}1${"}".repeat(5000)}\n`],
    ["block mappings", Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n")],
  ])("refuses %s nested too deep with a clear message", (_, text) => {
    const found = problems(() => readYaml(text, options));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`nesting deeper than ${MAX_YAML_DEPTH} levels`);
    expect(found[0]).not.toMatch(/call stack/);
  });

  it("accepts nesting up to the limit", () => {
    const depth = MAX_YAML_DEPTH;
    const data = readYaml(`${"[".repeat(depth)}${"]".repeat(depth)}\n`, options);
    expect(Array.isArray(data)).toBe(true);
  });

  it("layout files get the same checks (duplicates, depth)", () => {
    expect(problems(() => parseLayoutText("name: a\nname: b\n", "l.yaml"))[0]).toMatch(
      /^l\.yaml: line 2, column 1: "Map keys must be unique"/,
    );
    expect(
      problems(() => parseLayoutText(`{"a": ${"[".repeat(3000)}${"]".repeat(3000)}}`, "l.json"))[0],
    ).toContain("nesting deeper than");
  });
});
