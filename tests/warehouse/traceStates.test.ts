/**
 * Worker states in the trace: `picking` while a picker picks at a location, `handling` for
 * other handling. Times are computed by hand on the tiny warehouse
 * (depot (0,0), face L1 10 m up the aisle, walking 1 m/s).
 */
import { describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { tinyScenario } from "./tiny.ts";

function run(overrides: Record<string, unknown>): TraceRecord[] {
  const trace: TraceRecord[] = [];
  simulate(tinyScenario(overrides), { trace: (r) => trace.push(r) });
  return trace;
}

describe("simulate() trace: worker states", () => {
  it("state 'picking' while the picker picks at the location, 'handling' for the setup", () => {
    // Order at 3600: setup 30 s (handling) → 3630; walk 10 m → 3640; pick 10 + 2 × 3 = 16 s
    // (picking) → 3656; walk back → 3666.
    const trace = run({ outbound: { orderList: [{ timeS: 3600, lines: [{ sku: 1, qty: 2 }] }] } });
    const states = trace
      .filter((r) => r.kind === "state" && r.id === "picker-1" && (r.t as number) >= 3600)
      .map((r) => [r.t, r.state]);
    expect(states).toEqual([
      [3600, "handling"],
      [3630, "travelling"],
      [3640, "picking"],
      [3656, "travelling"],
      [3666, "idle"],
    ]);
    // Nobody but the picker picks; the packer handles.
    const picking = trace.filter((r) => r.kind === "state" && r.state === "picking");
    expect(picking.map((r) => r.id)).toEqual(["picker-1"]);
    expect(
      trace.some((r) => r.kind === "state" && r.id === "packer-1" && r.state === "handling"),
    ).toBe(true);
  });
});
