/**
 * Taking stock from a pick face: the plain pick of the core flow, and the pick with stock
 * errors — a picker who finds less than the record says searches, takes what is there and
 * records a short pick (the order line ships short); a pick may take one unit too many or
 * too few (a mispick); picking waits while a full physical inventory freezes the face.
 */
import type { ProcessGenerator } from "../../engine/index.ts";
import { drawMispick, type StockErrorRates } from "../../inventory/index.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { SkuState, StopLine, World } from "../world.ts";

/** Units asked for at a stop. */
function stopUnits(lines: readonly StopLine[]): number {
  let units = 0;
  for (let k = 0; k < lines.length; k++) units += lines[k].qty;
  return units;
}

/**
 * The core flow's pick: record and physical both lose the stop's units; never short and
 * takes no simulated time, so it is a plain function (no generator per stop).
 */
export function plainPick(world: World, sku: SkuState, lines: readonly StopLine[]): void {
  const units = stopUnits(lines);
  world.ledger.apply({
    kind: "pick",
    timeS: world.sim.now,
    sku: sku.id,
    from: sku.face,
    quantity: units,
  });
  setFaceUnits(world, sku, sku.faceUnits - units);
  sku.faceAllocated -= units;
}

/** Sets a face's units, keeping the world's count of stocked faces. */
export function setFaceUnits(world: World, sku: SkuState, units: number): void {
  const was = sku.faceUnits > 0;
  sku.faceUnits = units;
  if (was !== units > 0) world.stockedFaces += was ? -1 : 1;
}

/** What the error-aware pick needs from the operations around it. */
export interface PickFaceContext {
  rates: StockErrorRates;
  shortPickSearchS: number;
  /** Resolves when picking at the face may go on (a full inventory is under way), else undefined. */
  frozen(face: string): ProcessGenerator<void> | undefined;
  /** Called after a short pick, and after every pick with the face's record (opportunity counts). */
  afterPick(sku: SkuState, short: boolean): void;
  /** Short picks and units short so far (whole run). */
  shorts: { picks: number; units: number; lines: number };
}

/** Builds the error-aware pick (mispick draws from the "ops.mispick" stream). */
export function errorPickFace(world: World, context: PickFaceContext) {
  const { sim, ledger } = world;
  const random = sim.random("ops.mispick");
  return function* pickFace(
    worker: Worker,
    sku: SkuState,
    lines: readonly StopLine[],
  ): ProcessGenerator<number> {
    const wait = context.frozen(sku.face);
    if (wait) {
      worker.setState("waiting", sim.now, "count");
      yield* wait;
    }
    const units = stopUnits(lines);
    const at = { locationId: sku.face, sku: sku.id, lot: "" };
    const record = ledger.onHand(at, "record");
    const physical = ledger.onHand(at, "physical");
    if (physical < units || record < units)
      return yield* shortPick(world, context, worker, sku, lines);
    const actual = drawMispick(
      context.rates,
      random,
      { sku: sku.id, from: sku.face, quantity: units },
      { ledger, neighbours: noNeighbours },
    );
    ledger.apply({ kind: "pick", timeS: sim.now, sku: sku.id, from: sku.face, quantity: units });
    const extra = actual?.quantity === undefined ? 0 : actual.quantity - units;
    if (extra !== 0) settleMispick(world, context, sku, lines, extra);
    setFaceUnits(world, sku, sku.faceUnits - units);
    sku.faceAllocated -= units;
    context.afterPick(sku, false);
    return 0;
  };
}

/** No neighbouring faces: a mispick takes from the face itself. */
function noNeighbours(): string[] {
  return [];
}

/**
 * A short pick: the picker searches, then takes what is physically there; the record keeps
 * its error and the stop's lines ship short. Returns the search time, s.
 */
function* shortPick(
  world: World,
  context: PickFaceContext,
  worker: Worker,
  sku: SkuState,
  lines: readonly StopLine[],
): ProcessGenerator<number> {
  const { sim, ledger } = world;
  const units = stopUnits(lines);
  const at = { locationId: sku.face, sku: sku.id, lot: "" };
  let shortS = 0;
  if (context.shortPickSearchS > 0) {
    worker.setState("handling", sim.now, "other", "picking");
    yield context.shortPickSearchS;
    shortS = context.shortPickSearchS;
  }
  const now = ledger.onHand(at, "physical");
  const taken = Math.min(units, now, ledger.onHand(at, "record"));
  if (taken > 0)
    ledger.apply({
      kind: "pick",
      timeS: sim.now,
      sku: sku.id,
      from: sku.face,
      quantity: taken,
    });
  setFaceUnits(world, sku, sku.faceUnits - taken);
  sku.faceAllocated -= units;
  shipShort(lines, units - taken, context);
  context.shorts.picks++;
  context.afterPick(sku, true);
  return shortS;
}

/** Books a mispick of `extra` units (positive: too many taken, negative: too few). */
function settleMispick(
  world: World,
  context: PickFaceContext,
  sku: SkuState,
  lines: readonly StopLine[],
  extra: number,
): void {
  const { sim, ledger } = world;
  if (extra > 0) {
    // One unit too many leaves with the order, unrecorded: a loss the record does not see.
    ledger.shrink({
      timeS: sim.now,
      sku: sku.id,
      from: sku.face,
      quantity: extra,
      cause: "mispick",
    });
    return;
  }
  // One unit too few: it stays on the face, the order ships short, the record thinks it left.
  ledger.apply({
    kind: "move",
    timeS: sim.now,
    sku: sku.id,
    from: "picked",
    to: sku.face,
    quantity: -extra,
    actual: { to: sku.face },
    cause: "mispick",
  });
  ledger.adjust({
    timeS: sim.now,
    sku: sku.id,
    at: sku.face,
    quantity: extra,
    cause: "mispick",
  });
  shipShort(lines, -extra, context);
}

/** Takes `short` units off the stop's order lines, last line first; lines at 0 are dropped. */
function shipShort(lines: readonly StopLine[], short: number, context: PickFaceContext): void {
  let left = short;
  context.shorts.units += short;
  for (let i = lines.length - 1; i >= 0 && left > 0; i--) {
    const { line, part } = lines[i];
    const cut = Math.min(left, line.qty);
    if (cut <= 0) continue;
    line.qty -= cut;
    part.order.units -= cut;
    left -= cut;
    context.shorts.lines++;
    if (line.qty === 0) part.order.lines = part.order.lines.filter((l) => l.qty > 0);
  }
}
