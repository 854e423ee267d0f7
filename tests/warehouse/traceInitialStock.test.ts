/**
 * Initial stock in the trace: `stock` records at t = 0, right after the header, for every
 * stocked location, so the viewer shows on-hand stock from the start.
 */
import { describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { tinyScenario } from "./tiny.ts";

describe("simulate() trace: initial stock", () => {
  it("a 'stock' record at t = 0 for every stocked location, after the header", () => {
    // The single SKU starts with one pallet of 120 units in face L1; the reserve is empty.
    const trace: TraceRecord[] = [];
    simulate(tinyScenario(), { trace: (r) => trace.push(r) });
    expect(trace[0].kind).toBe("header");
    const initial = trace.filter((r) => r.kind === "stock" && r.t === 0);
    expect(initial).toEqual([
      { t: 0, kind: "stock", location: "L1", sku: initial[0].sku, onHand: 120 },
    ]);
    const firstOther = trace.findIndex((r, i) => i > 0 && r.kind !== "stock");
    expect(trace.slice(1, firstOther).every((r) => r.kind === "stock")).toBe(true);
    expect(firstOther).toBe(1 + initial.length);
  });
});
