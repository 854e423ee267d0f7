import { describe, expect, it } from "vitest";
import { comparisonTable } from "../../src/cli/commands/compare.ts";
import { compareOutcomes } from "../../src/experiment/compare.ts";
import type { ReplicationOutcome } from "../../src/experiment/types.ts";

function outcome(candidate: string, replication: number, kpis: Record<string, number>) {
  return {
    candidate,
    replication,
    kpis,
    breakdown: { order: { consolidate: kpis.orderCycleTimeS / 10 }, worker: {} },
  } as unknown as ReplicationOutcome;
}

describe("comparisonTable()", () => {
  it("comparisonTable() has a unit column and shows rounding noise as 0, no difference", () => {
    // 19649.9 + 0.2 is 3.6e-12 above 19650.1 in binary floating point: rounding noise.
    const c = compareOutcomes(
      [
        outcome("a", 0, { orderCycleTimeS: 19649.9 + 0.2, "utilization.picker": 0.5 }),
        outcome("a", 1, { orderCycleTimeS: 19700, "utilization.picker": 0.6 }),
        outcome("b", 0, { orderCycleTimeS: 19650.1, "utilization.picker": 0.5 }),
        outcome("b", 1, { orderCycleTimeS: 19700, "utilization.picker": 0.6 }),
      ],
      ["a", "b"],
    );
    expect(19649.9 + 0.2 - 19650.1).not.toBe(0);
    const lines = comparisonTable(c).split("\n");
    expect(lines[0]).toMatch(/^KPI\s+unit\s+a \(±95%\)/);
    const cycle = lines.find((l) => l.startsWith("orderCycleTimeS"))!;
    // A mean of 19,675 s reads in hours: 5.47 h.
    expect(cycle).toMatch(/^orderCycleTimeS\s+h\s+5\.47 ± /);
    expect(cycle).toMatch(/0 \[0, 0\]\s+no significant difference$/);
    // Shares in %, their differences in percentage points.
    expect(lines.find((l) => l.startsWith("utilization.picker"))).toMatch(
      /\s%\s+55 ± .*0 pp \[0, 0\]/,
    );
    expect(comparisonTable(c)).not.toMatch(/e-1\d/);
  });
});
