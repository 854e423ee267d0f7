import { describe, expect, it } from "vitest";
import { classifyAbc } from "../../src/inventory/abc.ts";

describe("classifyAbc()", () => {
  it("cuts at cumulative demand shares 80/95 by default; the item crossing a cut-off stays faster", () => {
    const items = [
      { id: "e", demand: 2 },
      { id: "a", demand: 50 },
      { id: "b", demand: 25 },
      { id: "c", demand: 15 },
      { id: "d", demand: 8 },
    ];
    // Shares before each: a 0, b 0.50, c 0.75, d 0.90, e 0.98.
    const result = classifyAbc(items);
    expect(result.map((r) => [r.id, r.velocityClass])).toEqual([
      ["a", "A"],
      ["b", "A"],
      ["c", "A"],
      ["d", "B"],
      ["e", "C"],
    ]);
    expect(result[3].cumulativeShareBefore).toBeCloseTo(0.9, 12);
  });

  it("basis 'items' cuts at shares of the item count (the top 20 % are A)", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, demand: 100 - i }));
    const result = classifyAbc(items, { basis: "items", cutoffs: [0.2, 0.5] });
    expect(result.filter((r) => r.velocityClass === "A").map((r) => r.id)).toEqual(["s0", "s1"]);
    expect(result.filter((r) => r.velocityClass === "B")).toHaveLength(3);
    expect(result.filter((r) => r.velocityClass === "C")).toHaveLength(5);
  });

  it("rejects cut-offs out of order and a class list of the wrong length", () => {
    expect(() => classifyAbc([], { cutoffs: [0.9, 0.8] })).toThrow(/cutoffs\[1\] 0.8/);
    expect(() => classifyAbc([], { cutoffs: [0.8], classes: ["A", "B", "C"] })).toThrow(
      /3 classes for 1 cut-offs/,
    );
  });
});
