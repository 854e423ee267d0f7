/**
 * Class-based vs random storage (Hausman, Schwarz & Graves 1976): a square-in-time rack
 * with Chebyshev travel (round trip 2·max(x, y), the far corner at 1) and the 20/80 demand
 * curve G(x) = x^s. Loads are placed by the putaway rules themselves; single-command
 * retrievals are sampled by demand and their round trips compared with the closed forms.
 */
import { describe, expect, it } from "vitest";
import { createStream, type RandomStream } from "../../src/engine/index.ts";
import { classifyAbc } from "../../src/inventory/abc.ts";
import { putawayRules } from "../../src/inventory/putaway/index.ts";
import type { PutawayRule } from "../../src/inventory/putaway/types.ts";
import {
  abcCurveExponent,
  classBasedTime,
  fullTurnoverTime,
  randomStorageTime,
} from "../../src/inventory/theory/hausmanSchwarzGraves.ts";
import type { Sku, StorageLocation } from "../../src/inventory/types.ts";

const LONG = Boolean(process.env.WHSIM_LONG);
const SIDE = LONG ? 100 : 60; // slots per side of the rack face
const N = SIDE * SIDE; // one slot per SKU
const REQUESTS = LONG ? 200_000 : 20_000;
const S = abcCurveExponent(0.2, 0.8);
const G = (x: number) => x ** S;

const LOCATIONS: StorageLocation[] = [];
for (let i = 0; i < SIDE; i++) {
  for (let j = 0; j < SIDE; j++) {
    const x = (i + 0.5) / SIDE;
    const y = (j + 0.5) / SIDE;
    LOCATIONS.push({
      id: `L${i}.${j}`,
      x,
      y,
      distanceFromPdM: 2 * Math.max(x, y),
      capacity: { unitLoads: 1 },
    });
  }
}
const DISTANCE = new Map(LOCATIONS.map((l) => [l.id, l.distanceFromPdM!]));
// SKU k (fastest first) gets the demand share G((k+1)/N) − G(k/N).
const SHARE = Array.from({ length: N }, (_, k) => G((k + 1) / N) - G(k / N));
const CUMULATIVE = SHARE.reduce<number[]>((acc, p) => {
  acc.push((acc.at(-1) ?? 0) + p);
  return acc;
}, []);
const SKUS: Sku[] = SHARE.map((p, k) => ({
  id: `S${k}`,
  unitCubeM3: 1,
  unitWeightKg: 1,
  unitLoad: "pallet",
  unitsPerPallet: 1,
  picksPerDay: p * 10_000,
}));

function drawSku(stream: RandomStream): number {
  const u = stream.next() * CUMULATIVE[N - 1];
  let lo = 0;
  let hi = N - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Mean and standard error of the single-command round trip: each retrieval draws a SKU by
 * demand and finds its load where the rule stores it (in HSG's model each load's slot is
 * independent of the others, so the rule places it in an otherwise empty rack).
 */
function simulate(
  rule: PutawayRule,
  skus: readonly Sku[],
  seed: number,
): { mean: number; se: number } {
  const stream = createStream(seed, "requests");
  let sum = 0;
  let sumSq = 0;
  for (let r = 0; r < REQUESTS; r++) {
    const decision = rule({ sku: skus[drawSku(stream)], quantity: 1 }, () => []);
    if (decision.status !== "placed" || decision.overflow) throw new Error("rack full");
    const t = DISTANCE.get(decision.locationId)!;
    sum += t;
    sumSq += t * t;
  }
  const mean = sum / REQUESTS;
  const variance = (sumSq - REQUESTS * mean * mean) / (REQUESTS - 1);
  return { mean, se: Math.sqrt(variance / REQUESTS) };
}

/** |simulated − exact| ≤ max(relative tolerance, 3 standard errors) (REFERENCES.md). */
function expectMatches(sim: { mean: number; se: number }, exact: number, relTol: number): void {
  expect(Math.abs(sim.mean - exact)).toBeLessThanOrEqual(Math.max(relTol * exact, 3 * sim.se));
}

/** Zones by distance rank: the nearest `bounds[0]` share of slots is A, and so on. */
function classSetup(bounds: readonly number[]) {
  const names = ["A", "B", "C", "D"].slice(0, bounds.length);
  const classes = classifyAbc(
    SKUS.map((s, k) => ({ id: s.id, demand: SHARE[k] })),
    { basis: "items", cutoffs: bounds.slice(0, -1), classes: names },
  );
  const classOf = new Map(classes.map((c) => [c.id, c.velocityClass]));
  const ranked = [...LOCATIONS].sort(
    (a, b) => a.distanceFromPdM! - b.distanceFromPdM! || (a.id < b.id ? -1 : 1),
  );
  const zoned = ranked.map((l, rank) => {
    let c = 0;
    while (rank / N >= bounds[c] - 1e-12) c++;
    return { ...l, zone: names[c] };
  });
  return {
    skus: SKUS.map((s) => ({ ...s, velocityClass: classOf.get(s.id) })),
    rule: putawayRules.classBased({
      locations: zoned,
      classZones: Object.fromEntries(names.map((c) => [c, [c]])),
      random: createStream(7, "putaway"),
    }),
  };
}

describe(`storage assignment on a ${SIDE}×${SIDE} square-in-time rack (HSG 1976, 20/80)`, () => {
  it("random storage: simulated single command ≈ 4/3", () => {
    const rule = putawayRules.random({ locations: LOCATIONS, random: createStream(7, "putaway") });
    expectMatches(simulate(rule, SKUS, 1), randomStorageTime(), 0.01);
  });

  it("2-class storage (A = 20 %): simulated single command ≈ the class-based closed form", () => {
    const { rule, skus } = classSetup([0.2, 1]);
    const exact = classBasedTime(S, [0.2, 1]);
    expect(exact).toBeCloseTo(0.7805, 3);
    expectMatches(simulate(rule, skus, 2), exact, 0.01);
  });

  it("3-class storage (20 % / 30 % / 50 %): simulated single command ≈ the closed form", () => {
    const { rule, skus } = classSetup([0.2, 0.5, 1]);
    const exact = classBasedTime(S, [0.2, 0.5, 1]);
    expectMatches(simulate(rule, skus, 3), exact, 0.01);
  });

  it("full turnover (cube-per-order index, one slot per SKU): simulated ≈ 4s/(1+2s) = 0.4342", () => {
    const rule = putawayRules.cubePerOrderIndex({ locations: LOCATIONS, skus: SKUS });
    const exact = fullTurnoverTime(S);
    // A finite rack gives the top SKU a whole slot: +0.75 % at 60×60, +0.39 % at 100×100.
    expectMatches(simulate(rule, SKUS, 4), exact, 0.015);
  });

  it("ranking: full turnover < 3-class < 2-class < random, as the theory says", () => {
    const times = [
      simulate(putawayRules.cubePerOrderIndex({ locations: LOCATIONS, skus: SKUS }), SKUS, 5).mean,
      simulate(classSetup([0.2, 0.5, 1]).rule, classSetup([0.2, 0.5, 1]).skus, 5).mean,
      simulate(classSetup([0.2, 1]).rule, classSetup([0.2, 1]).skus, 5).mean,
      simulate(putawayRules.random({ locations: LOCATIONS, random: createStream(7, "p") }), SKUS, 5)
        .mean,
    ];
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
