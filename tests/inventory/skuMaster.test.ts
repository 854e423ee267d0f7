import { describe, expect, it } from "vitest";
import { checkSkus } from "../../src/inventory/skuMaster.ts";
import type { Sku } from "../../src/inventory/types.ts";

describe("checkSkus()", () => {
  it("accepts a valid master and lists every problem of a bad one by index and field", () => {
    const good: Sku = {
      id: "A",
      unitCubeM3: 0.01,
      unitWeightKg: 1,
      unitLoad: "case",
      unitsPerCase: 12,
    };
    expect(checkSkus([good], "skus.csv")).toEqual([]);
    const issues = checkSkus(
      [
        good,
        { ...good, unitCubeM3: 0, unitLoad: "crate" as never },
        { ...good, unitsPerCase: 1.5 },
      ],
      "skus.csv",
    );
    expect(issues.map((i) => `${i.path}=${JSON.stringify(i.value)}`)).toEqual([
      'skus[1].id="A"',
      "skus[1].unitCubeM3=0",
      'skus[1].unitLoad="crate"',
      'skus[2].id="A"',
      "skus[2].unitsPerCase=1.5",
    ]);
  });
});
