import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planStaffing, workersNeeded } from "../../src/optimize/staffing.ts";

describe("planStaffing()", () => {
  it("planStaffing() finds the hand-solved least-cost cover", () => {
    // Needs 3, 5, 2; early covers morning+midday (8), late midday+evening (8), full all (12).
    // Any plan costs at least 40 + 4·full (see docs/experiments.md); optimum early 3, late 2.
    const plan = planStaffing({
      periods: ["morning", "midday", "evening"],
      shifts: [
        { id: "early", covers: ["morning", "midday"], costPerWorker: 8 },
        { id: "late", covers: ["midday", "evening"], costPerWorker: 8 },
        { id: "full", covers: ["morning", "midday", "evening"], costPerWorker: 12 },
      ],
      need: { picker: { morning: 3, midday: 5, evening: 2 } },
    });
    expect(plan.status).toBe("optimal");
    expect(plan.cost).toBe(40);
    expect(plan.headcount).toEqual({ picker: { early: 3, late: 2, full: 0 } });
  });

  it("planStaffing() returns integer headcounts where the LP relaxation is fractional", () => {
    // A cycle of three periods, each shift covers two: the LP optimum is 1.5 (½ each),
    // the integer optimum 2.
    const plan = planStaffing({
      periods: ["a", "b", "c"],
      shifts: [
        { id: "ab", covers: ["a", "b"], costPerWorker: 1 },
        { id: "bc", covers: ["b", "c"], costPerWorker: 1 },
        { id: "ca", covers: ["c", "a"], costPerWorker: 1 },
      ],
      need: { packer: { a: 1, b: 1, c: 1 } },
    });
    expect(plan.status).toBe("optimal");
    expect(plan.cost).toBe(2);
    const h = plan.headcount.packer;
    expect(h.ab + h.ca).toBeGreaterThanOrEqual(1);
    expect(h.ab + h.bc).toBeGreaterThanOrEqual(1);
    expect(h.bc + h.ca).toBeGreaterThanOrEqual(1);
  });

  it("planStaffing() covers several roles under a shared shift cap, or says infeasible", () => {
    const problem = {
      periods: ["day"],
      shifts: [
        { id: "cheap", covers: ["day"], costPerWorker: 5, maxHeadcount: 4 },
        { id: "dear", covers: ["day"], costPerWorker: 9 },
      ],
      need: { picker: { day: 3 }, packer: { day: 2 } },
    };
    const plan = planStaffing(problem);
    expect(plan.cost).toBe(4 * 5 + 1 * 9);
    expect(plan.headcount.picker.cheap + plan.headcount.packer.cheap).toBe(4);
    const capped = planStaffing({ ...problem, shifts: [problem.shifts[0]] });
    expect(capped.status).toBe("infeasible");
    const uncovered = planStaffing({
      ...problem,
      need: { picker: { night: 1 } },
      periods: ["day", "night"],
    });
    expect(uncovered.status).toBe("infeasible");
  });

  it("workersNeeded() rounds workload up to whole workers", () => {
    expect(workersNeeded(3600 * 8, 3600, 1)).toBe(8);
    expect(workersNeeded(3600 * 8 + 1, 3600, 1)).toBe(9);
    expect(workersNeeded(3600, 3600, 0.5)).toBe(2);
    expect(workersNeeded(0, 3600)).toBe(0);
  });

  it("planStaffing(): raising a shift cap or lowering a need never raises the cost (property)", () => {
    const arb = fc.record({
      needs: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }),
      costs: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 3, maxLength: 3 }),
      caps: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 3, maxLength: 3 }),
      which: fc.integer({ min: 0, max: 2 }),
      extra: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(arb, ({ needs, costs, caps, which, extra }) => {
        const periods = ["a", "b", "c"];
        const covers = [
          ["a", "b"],
          ["b", "c"],
          ["a", "b", "c"],
        ];
        const make = (capBoost: number, needCut: number) =>
          planStaffing({
            periods,
            shifts: covers.map((c, s) => ({
              id: `s${s}`,
              covers: c,
              costPerWorker: costs[s],
              maxHeadcount: caps[s] + (s === which ? capBoost : 0),
            })),
            need: {
              picker: Object.fromEntries(
                periods.map((p, i) => [p, Math.max(0, needs[i] - (i === which ? needCut : 0))]),
              ),
            },
          });
        const tight = make(0, 0);
        for (const loose of [make(extra, 0), make(0, extra)]) {
          if (tight.status === "optimal") {
            expect(loose.status).toBe("optimal");
            expect(loose.cost).toBeLessThanOrEqual(tight.cost);
          }
        }
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
