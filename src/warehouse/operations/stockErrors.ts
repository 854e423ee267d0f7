/**
 * Record-vs-physical drift on the pick faces: shrinkage (units vanish unrecorded, a Poisson
 * process), misplaced putaways (a load put to a face lands in the neighbouring face of the
 * same aisle) and, through pickFace.ts, mispicks and short picks. Samples the faces' record
 * accuracy over time.
 */
import { TimeWeighted } from "../../engine/index.ts";
import {
  drawMisplacedPutaway,
  nextShrinkageS,
  type StockErrorRates,
  shrinkOneUnit,
} from "../../inventory/index.ts";
import type { SkuState, World } from "../world.ts";

/** Live state of the drift processes. */
export interface StockDrift {
  rates: StockErrorRates;
  /** True when any error rate is above 0. */
  on: boolean;
  /** Face accuracy (share of faces whose record matches), time-weighted after the warm-up. */
  accuracy: TimeWeighted;
  /** Accuracy at the last sample, 0..1. */
  lastAccuracy: number;
  /** Units moved to a wrong face (whole run). */
  misplacedUnits: number;
  /** Share of faces whose record matches the physical stock now. */
  faceAccuracy(): number;
}

/** Neighbours of each face: the faces before and after it along its aisle. */
export function faceNeighbours(world: World): Map<string, string[]> {
  const byAisle = new Map<string, { id: string; p: number }[]>();
  for (const f of world.site.faces.slice(0, world.skus.length)) {
    const list = byAisle.get(f.aisle) ?? [];
    list.push({ id: f.id, p: f.access.positionM });
    byAisle.set(f.aisle, list);
  }
  const out = new Map<string, string[]>();
  for (const list of byAisle.values()) {
    list.sort((a, b) => a.p - b.p || (a.id < b.id ? -1 : 1));
    list.forEach((f, i) => {
      const nb: string[] = [];
      if (i > 0) nb.push(list[i - 1].id);
      if (i + 1 < list.length) nb.push(list[i + 1].id);
      out.set(f.id, nb);
    });
  }
  return out;
}

/** Installs shrinkage, misplaced putaways and the accuracy sampler (nothing when all rates are 0). */
export function installStockDrift(world: World): StockDrift {
  const { sim, scenario, ledger } = world;
  const spec = scenario.operations.stockErrors;
  const rates: StockErrorRates = {
    mispickProbability: spec.mispickProbability,
    misplacedPutawayProbability: spec.misplacedPutawayProbability,
    shrinkageUnitsPerDay: spec.shrinkageUnitsPerDay,
    wrongLocationShare: 0,
  };
  const on =
    spec.mispickProbability > 0 ||
    spec.misplacedPutawayProbability > 0 ||
    spec.shrinkageUnitsPerDay > 0;
  const faceIds = world.site.faces.slice(0, world.skus.length).map((f) => f.id);
  const seen = new Float64Array(world.skus.length);
  const drift: StockDrift = {
    rates,
    on,
    accuracy: new TimeWeighted(sim, 1),
    lastAccuracy: 1,
    misplacedUnits: 0,
    faceAccuracy() {
      return ledger.recordAccuracy(faceIds);
    },
  };
  for (const sku of world.skus) seen[sku.info.rank] = sku.faceUnits;
  // Re-slotting moves faces: the accuracy and shrinkage follow them.
  world.listeners.faceMoved.push((sku) => {
    faceIds[sku.info.rank] = sku.face;
  });
  if (!on) return drift;
  if (spec.misplacedPutawayProbability > 0) misplacePutaways(world, drift, seen);
  if (spec.shrinkageUnitsPerDay > 0) startShrinkage(world, rates, faceIds);
  sampleAccuracy(world, drift);
  return drift;
}

/**
 * Misplaced putaways: part of a load put to a face may land in a neighbouring face of the
 * same aisle; the record still says it is on its face. `seen` holds each face as last seen,
 * to tell how much a restock brought.
 */
function misplacePutaways(world: World, drift: StockDrift, seen: Float64Array): void {
  const { sim, ledger } = world;
  let neighbours = faceNeighbours(world);
  world.listeners.faceMoved.push(() => {
    neighbours = faceNeighbours(world);
  });
  const random = sim.random("ops.misplaced");
  world.listeners.faceRestocked.push((sku) => {
    const gained = sku.faceUnits - seen[sku.info.rank];
    seen[sku.info.rank] = sku.faceUnits;
    if (gained <= 0) return;
    const wrong = drawMisplacedPutaway(
      drift.rates,
      random,
      sku.face,
      neighbours.get(sku.face) ?? [],
    );
    if (!wrong?.to) return;
    const there = ledger.onHand({ locationId: sku.face, sku: sku.id, lot: "" }, "physical");
    const units = Math.min(gained, there);
    if (units <= 0) return;
    // The record says the load is on its face; physically it stands in the neighbour.
    ledger.move({
      timeS: sim.now,
      sku: sku.id,
      from: sku.face,
      to: sku.face,
      quantity: units,
      actual: { to: wrong.to },
      cause: "misplacedPutaway",
    });
    drift.misplacedUnits += units;
  });
  const observe = (sku: SkuState) => {
    seen[sku.info.rank] = sku.faceUnits;
  };
  world.listeners.faceDrawn.push(observe);
  world.listeners.faceCorrected.push(observe);
}

/** Shrinkage: single units vanish from random faces, unrecorded, as a Poisson process. */
function startShrinkage(world: World, rates: StockErrorRates, faceIds: readonly string[]): void {
  const { sim, ledger } = world;
  const random = sim.random("ops.shrinkage");
  sim.process(
    (function* () {
      for (;;) {
        const gapS = nextShrinkageS(rates, random);
        if (!(sim.now + gapS < world.horizonS)) return;
        yield gapS;
        shrinkOneUnit(ledger, sim.now, random, faceIds);
      }
    })(),
  );
}

/** Samples the faces' accuracy at the scenario's sample interval (the `sample` record reads it). */
function sampleAccuracy(world: World, drift: StockDrift): void {
  const { sim } = world;
  sim.process(
    (function* () {
      for (;;) {
        drift.lastAccuracy = drift.faceAccuracy();
        drift.accuracy.update(drift.lastAccuracy);
        yield world.scenario.sampleIntervalS;
      }
    })(),
  );
}
