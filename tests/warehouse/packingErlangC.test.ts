/**
 * Packing on its own is an M/M/c queue, and its simulated wait matches Erlang C. Orders
 * arrive as a Poisson process at a constant rate (flat hourly and weekly patterns), pickers
 * are plentiful and the aisle wide (a pick is an M/G/∞ delay, whose output is again Poisson),
 * c packers are on shift all day at c stations, and the pack time is close to exponential:
 * 1.2 s per unit for one line of Geometric(p = 0.02) units, mean 60 s, squared coefficient
 * of variation 1 − p = 0.98, so the theory is Erlang C times the Allen–Cunneen factor
 * (1 + 0.98)/2 = 0.99. Stock never runs short (the face holds it all). Measured with
 * WHSIM_LONG=1 (20 replications × 10 days): M/M/3 at ρ 0.8 64.4 ± 2.0 s (95 %) against
 * Erlang C 64.7 s; M/M/2 at ρ 0.7 56.2 ± 1.4 s against 57.6 s (57.0 s with the factor).
 */
import { describe, expect, it } from "vitest";
import { erlangC } from "../../src/report/erlangC.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { tinyAisle, tinyScenario } from "./tiny.ts";

const allDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/** A departure every hour at minute `mm`. */
const everyHourAt = (mm: string) =>
  Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, "0")}:${mm}`);

/** Packing as M/M/c: `packers` packers and stations, offered load `rho` per packer. */
function mmcScenario(packers: number, rho: number, days: number) {
  const packS = 1.2 / 0.02; // 60 s
  const lambdaPerS = (rho * packers) / packS;
  const crew = (n: number) => ({ crews: [{ shift: "all", headcount: n }], speedMps: 1 });
  return tinyScenario({
    horizonDays: days + 1,
    warmupDays: 1,
    layout: {
      aisles: [tinyAisle({ narrow: false })],
    },
    skus: { unitCubeM3: { dist: "constant", value: 1e-6 } },
    outbound: {
      ordersPerDay: lambdaPerS * 86400,
      hourlyPattern: Array(24).fill(1),
      weeklyPattern: Array(7).fill(1),
      linesPerOrder: { dist: "constant", value: 1 },
      unitsPerLine: { dist: "geometric", p: 0.02 },
      picking: { setupS: 0, timePerLineS: 5, timePerUnitS: 0 },
      packing: { baseS: 0, perItemS: 1.2, stations: packers },
      carriers: [
        {
          name: "c",
          departures: everyHourAt("30"),
          days: allDays,
          cutoffMin: 10,
          loadSPerOrder: 0,
          ordersPerTrip: 1000,
        },
      ],
    },
    storage: { initialStockDays: days + 3 },
    workforce: {
      shifts: { all: { start: "00:00", end: "00:00", days: allDays } },
      roles: { picker: crew(12), packer: crew(packers), loader: crew(2) },
    },
  });
}

/** Mean and 99 % half-width (Student t) of the waitPack phase over replications. */
function waitPack(packers: number, rho: number, days: number, replications: number) {
  const scenario = mmcScenario(packers, rho, days);
  const w: number[] = [];
  for (let r = 0; r < replications; r++) {
    const result = simulate(scenario, { replication: r });
    // Packing in isolation: no short picks, pickers never the bottleneck.
    expect(result.kpis.fillRateLines).toBe(1);
    expect(result.breakdown.order.waitPicker).toBeLessThan(1);
    w.push(result.breakdown.order.waitPack);
  }
  const mean = w.reduce((a, b) => a + b, 0) / w.length;
  const sd = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / (w.length - 1));
  return { mean, half: (T995[replications - 1] * sd) / Math.sqrt(w.length) };
}

/** Student t 0.995 quantiles by degrees of freedom. */
const T995: Record<number, number> = { 7: 3.499, 19: 2.861 };

/**
 * Mean wait for packing in theory: Erlang C for the M/M/c queue, times the Allen–Cunneen
 * factor (1 + cv²)/2 = (2 − p)/2 = 0.99 for the near-exponential pack time (exact for c = 1).
 */
function theoryWaitS(c: number, rho: number): number {
  return erlangC((rho * c) / 60, 1 / 60, c).wq * ((1 + (1 - 0.02)) / 2);
}

if (!process.env.WHSIM_LONG) {
  console.log(
    "skipped: Erlang C against 20 replications × 10 days at two loads (long); run with WHSIM_LONG=1",
  );
}

describe("packing as M/M/c", () => {
  // Erlang C, c = 3, a = λ/μ = 0.04 × 60 = 2.4, ρ = 0.8: P_W = (2.4³/3!/(1 − 0.8)) /
  // (1 + 2.4 + 2.88 + 11.52) = 11.52 / 17.8 = 0.6472; Wq = P_W / (cμ − λ) = 0.6472 / 0.01 = 64.7 s.
  it("erlangC(0.04, 1/60, 3).wq is 64.7 s by hand", () => {
    expect(erlangC(0.04, 1 / 60, 3).wq).toBeCloseTo(64.72, 1);
  });

  it("3 packers at ρ = 0.8: Erlang C lies in the 99 % interval of waitPack (8 replications × 5 days)", () => {
    const theory = theoryWaitS(3, 0.8);
    const sim = waitPack(3, 0.8, 5, 8);
    expect(sim.half).toBeLessThan(0.15 * theory);
    expect(Math.abs(sim.mean - theory)).toBeLessThan(sim.half);
  });

  it.runIf(process.env.WHSIM_LONG)(
    "long: 3 packers at ρ = 0.8 and 2 packers at ρ = 0.7 (20 replications × 10 days)",
    () => {
      for (const [c, rho] of [
        [3, 0.8],
        [2, 0.7],
      ]) {
        const theory = theoryWaitS(c, rho);
        const sim = waitPack(c, rho, 10, 20);
        console.log(
          `M/M/${c} ρ ${rho}: simulated waitPack ${sim.mean.toFixed(1)} ± ${sim.half.toFixed(1)} s (99 %), Erlang C × 0.99 ${theory.toFixed(1)} s`,
        );
        expect(sim.half).toBeLessThan(0.08 * theory);
        expect(Math.abs(sim.mean - theory)).toBeLessThan(sim.half);
      }
    },
    300_000,
  );
});
