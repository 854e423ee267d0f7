import { describe, expect, it } from "vitest";
import { reorderRule } from "../../src/inventory/reorder/index.ts";

describe("reorder policies", () => {
  it("sQ: orders Q at the reorder point, enough multiples of Q after a big drop, nothing above s", () => {
    const rule = reorderRule({ kind: "sQ", s: 12, Q: 20 });
    expect(rule.reviewPeriodS).toBe(0);
    expect(rule.orderQuantity(13, false)).toBe(0);
    expect(rule.orderQuantity(12, false)).toBe(20);
    // Position −10: 20 lifts it to 10 (still ≤ 12), 40 to 30.
    expect(rule.orderQuantity(-10, false)).toBe(40);
  });

  it("sS: orders up to S at or below s", () => {
    const rule = reorderRule({ kind: "sS", s: 10, S: 50 });
    expect(rule.orderQuantity(11, false)).toBe(0);
    expect(rule.orderQuantity(7, false)).toBe(43);
  });

  it("RS: orders up to S only at a review", () => {
    const rule = reorderRule({ kind: "RS", reviewPeriodS: 604_800, S: 80 });
    expect(rule.reviewPeriodS).toBe(604_800);
    expect(rule.orderQuantity(30, false)).toBe(0);
    expect(rule.orderQuantity(30, true)).toBe(50);
    expect(rule.orderQuantity(80, true)).toBe(0);
  });

  it("minMax: at or below min orders up to max, rounded up to the order multiple", () => {
    const rule = reorderRule({ kind: "minMax", min: 20, max: 100, orderMultiple: 24 });
    expect(rule.orderQuantity(21, false)).toBe(0);
    // 100 − 20 = 80 → 96 (4 cases of 24).
    expect(rule.orderQuantity(20, false)).toBe(96);
  });
});
