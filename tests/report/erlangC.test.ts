import { describe, expect, it } from "vitest";
import { erlangC } from "../../src/report/erlangC.ts";

describe("erlangC()", () => {
  it("erlangC(0.9, 1, 1) gives the M/M/1 case of REFERENCES.md", () => {
    const q = erlangC(0.9, 1, 1);
    expect(q.pWait).toBeCloseTo(0.9, 10);
    expect(q.lq).toBeCloseTo(8.1, 10);
    expect(q.wq).toBeCloseTo(9.0, 10);
  });

  it("erlangC(4, 1.25, 4) gives P_W 0.596432, Lq 2.385730, Wq 0.596432", () => {
    const q = erlangC(4, 1.25, 4);
    expect(q.rho).toBeCloseTo(0.8, 12);
    expect(q.pWait).toBeCloseTo(0.596432, 6);
    expect(q.lq).toBeCloseTo(2.38573, 5);
    expect(q.wq).toBeCloseTo(0.596432, 6);
  });

  it("erlangC() of an overloaded queue has infinite waits", () => {
    expect(erlangC(2, 1, 2).wq).toBe(Number.POSITIVE_INFINITY);
  });

  it("erlangC() rejects a non-integer server count", () => {
    expect(() => erlangC(1, 1, 1.5)).toThrow(/invalid M\/M\/c/);
  });
});
