/**
 * Periodic re-slotting: every `storage.slotting.reslot.periodDays` the lines released in
 * the last period rank the SKUs; a SKU with more lines than the one in a nearer face swaps
 * places with it through a spare forward location — two move tasks for the replenishers
 * (the cold SKU out to the spare location, then the hot one in), at most `maxMoves` a
 * period. A move waits in the replenisher queue like any task and is skipped when its SKU
 * is busy as it starts (orders allocated, stock on its way, a count holding the face); its
 * labour books as handling and travel of the worker who does it. The mover takes what the
 * ledger holds at the face on arrival — the record and, with stock errors, the physical
 * units — so returns put back before and counts made before travel with it, and the face's
 * record mirror is read again where the stock lands.
 */
import type { Location } from "../../layout/index.ts";
import type { Operation } from "../operation.ts";
import { acquire, casesS, release, traceTask, workAt } from "../workforce/activities.ts";
import { DAY_S } from "../workforce/calendar.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { SkuState, World } from "../world.ts";
import { faceCapacityUnits, faceCases } from "./faceCapacity.ts";
import { setFaceUnits } from "./pickFace.ts";

/** One planned move: a SKU's face stock to another location, then maybe the next move. */
interface FaceMove {
  sku: SkuState;
  to: Location;
  /** The move that waits for this one (the hot SKU into the face this one leaves). */
  next?: FaceMove;
}

/** Re-slotting state of one replication. */
interface Reslotter {
  world: World;
  maxMoves: number;
  /** Lines released per SKU rank since the last re-slotting. */
  lines: Float64Array;
  /** Forward locations holding no face, and each location's distance from the depot, m. */
  spare: Location[];
  distanceM: Map<string, number>;
  /** Moves made after the warm-up, and moves skipped because their SKU was busy. */
  moves: number;
  skipped: number;
}

/** Installs re-slotting when the scenario asks for it; its KPIs are the moves made. */
export const reslottingOperation: Operation = {
  name: "reslotting",
  install(world) {
    const spec = world.scenario.storage.slotting.reslot;
    if (!spec) return {};
    const state = createReslotter(world, spec.maxMoves);
    world.listeners.orderReleased.push((order) => {
      for (const line of order.lines) state.lines[line.sku]++;
    });
    world.sim.process(reslotEvery(state, spec.periodDays * DAY_S));
    return { kpis: () => ({ reslotMoves: state.moves, reslotMovesSkipped: state.skipped }) };
  },
};

function createReslotter(world: World, maxMoves: number): Reslotter {
  const { site } = world;
  const distanceM = new Map<string, number>();
  const distance = (loc: Location) => {
    let d = distanceM.get(loc.id);
    if (d === undefined) {
      d = site.travel.distanceM(site.depot, loc.id);
      distanceM.set(loc.id, d);
    }
    return d;
  };
  for (const face of site.faces) distance(face);
  for (const loc of site.spareFaces) distance(loc);
  return {
    world,
    maxMoves,
    lines: new Float64Array(world.skus.length),
    spare: [...site.spareFaces],
    distanceM,
    moves: 0,
    skipped: 0,
  };
}

/** Plans a re-slotting at the end of every period. */
function* reslotEvery(state: Reslotter, periodS: number) {
  for (;;) {
    yield periodS;
    for (const move of planMoves(state)) queueMove(state, move);
    state.lines.fill(0);
  }
}

/**
 * The swaps of one re-slotting, as chained moves: walking the faces nearest first, the
 * SKU that should hold the k-th face (k-th most lines) takes it when it has more lines than
 * the SKU there and stands farther; that SKU goes to the spare location nearest in distance
 * to the one the hot SKU leaves.
 */
export function planMoves(state: Reslotter): FaceMove[] {
  const { world, lines, distanceM } = state;
  const faces = world.site.faces;
  const dist = (loc: Location) => distanceM.get(loc.id) ?? 0;
  const ranks = world.skus.map((s) => s.info.rank);
  const hot = [...ranks].sort((a, b) => lines[b] - lines[a] || dist(faces[a]) - dist(faces[b]));
  const nearest = [...ranks].sort((a, b) => dist(faces[a]) - dist(faces[b]) || a - b);
  const planned: FaceMove[] = [];
  const taken = new Set<number>();
  for (let k = 0; k < hot.length && 2 * (planned.length + 1) <= state.maxMoves; k++) {
    const x = hot[k];
    const y = nearest[k];
    if (x === y || taken.has(x) || taken.has(y) || lines[x] <= lines[y]) continue;
    if (dist(faces[x]) <= dist(faces[y])) continue;
    const spare = closestSpare(state, dist(faces[x]), world.skus[y]);
    if (!spare || faceCases(faces[y], world.skus[x].info) < 1) continue;
    state.spare.splice(state.spare.indexOf(spare), 1);
    taken.add(x);
    taken.add(y);
    const into: FaceMove = { sku: world.skus[x], to: faces[y] };
    planned.push({ sku: world.skus[y], to: spare, next: into });
  }
  return planned;
}

/** The spare location whose distance is nearest `d` that holds at least a case of `sku`. */
function closestSpare(state: Reslotter, d: number, sku: SkuState): Location | undefined {
  let best: Location | undefined;
  let gap = Number.POSITIVE_INFINITY;
  for (const loc of state.spare) {
    const g = Math.abs((state.distanceM.get(loc.id) ?? 0) - d);
    if (g < gap && faceCases(loc, sku.info) >= 1) {
      best = loc;
      gap = g;
    }
  }
  return best;
}

/** Puts a move in the replenisher queue, due one period from now. */
function queueMove(state: Reslotter, move: FaceMove): void {
  const { world } = state;
  const dueS = world.sim.now + (world.scenario.storage.slotting.reslot?.periodDays ?? 1) * DAY_S;
  world.queues.replenisher.push(
    { kind: "reslot", at: move.sku.face, run: (worker) => moveFace(state, worker, move) },
    dueS,
  );
}

/**
 * Whether nothing is under way at the SKU's face (no allocation, stock coming, waiting
 * order) and no operation holds it.
 */
function idle(world: World, sku: SkuState): boolean {
  return (
    sku.faceAllocated === 0 &&
    sku.faceIncoming === 0 &&
    !sku.replenishing &&
    !sku.moving &&
    sku.waiting.length === 0 &&
    !world.listeners.faceMoveAsked.some((held) => held(sku))
  );
}

/** Units of a SKU at a location in the record and physically (lot ""). */
interface Load {
  record: number;
  physical: number;
}

/** What the mover takes at a location: the record's units and the physical ones with them. */
function loadAt(world: World, sku: SkuState, locationId: string): Load {
  const at = { locationId, sku: sku.id, lot: "" };
  const record = world.ledger.onHand(at, "record");
  // Stock the record does not show stays where it is (a count finds it there).
  return { record, physical: record > 0 ? world.ledger.onHand(at, "physical") : 0 };
}

/** Books `load` from one location to another (nothing when the record holds none). */
function shift(world: World, sku: SkuState, from: string, to: string, load: Load): void {
  if (load.record <= 0) return;
  world.ledger.move({
    timeS: world.sim.now,
    sku: sku.id,
    from,
    to,
    quantity: load.record,
    ...(load.physical === load.record ? {} : { actual: { quantity: load.physical } }),
  });
}

/**
 * A worker moves the SKU's face stock case by case to `move.to`, which becomes its face;
 * then the chained move is queued. A busy SKU skips the move (and its chain).
 */
function* moveFace(state: Reslotter, worker: Worker, move: FaceMove) {
  const { world } = state;
  const { sku, to } = move;
  const from = world.site.faces[sku.info.rank];
  if (!idle(world, sku)) {
    state.skipped++;
    state.spare.push(to);
    if (move.next) state.skipped++;
    return;
  }
  sku.moving = true;
  traceTask(world, "reslot", worker, "start");
  const equipment = yield* acquire(world, worker, "replenish");
  const pool = world.equipmentFor.replenish;
  const truck = `truck:${worker.id}`;
  const pickS = () => casesS(world, from.id, sku, loadAt(world, sku, from.id).physical);
  yield* workAt(world, worker, pool, from.id, false, pickS);
  const load = loadAt(world, sku, from.id);
  shift(world, sku, from.id, truck, load);
  yield* workAt(world, worker, pool, to.id, true, () => casesS(world, to.id, sku, load.physical));
  shift(world, sku, truck, to.id, load);
  setFace(world, sku, to);
  release(world, worker, "replenish", equipment);
  traceTask(world, "reslot", worker, "end");
  if (world.sim.now >= world.warmupS) state.moves++;
  if (move.next) queueMove(state, move.next);
  else state.spare.push(from);
  for (const listener of world.listeners.faceMoved) listener(sku, from.id);
  for (const listener of world.listeners.faceCorrected) listener(sku);
  for (const listener of world.listeners.faceRestocked) listener(sku);
  for (const listener of world.listeners.faceNeeded) listener(sku);
}

/** Makes `to` the SKU's face, with its capacity by the new location and its record there. */
function setFace(world: World, sku: SkuState, to: Location): void {
  const { site } = world;
  const rank = sku.info.rank;
  const zoneOfAisle = site.faces.findIndex((f, i) => i !== rank && f.aisle === to.aisle);
  site.faces[rank] = to;
  site.facePlace[rank] = site.travel.placeIndex(to.id);
  if (zoneOfAisle >= 0) site.faceZone[rank] = site.faceZone[zoneOfAisle];
  sku.face = to.id;
  // The record mirror follows the ledger: what landed, plus any record a count set there.
  setFaceUnits(
    world,
    sku,
    world.ledger.onHand({ locationId: to.id, sku: sku.id, lot: "" }, "record"),
  );
  const capacity = faceCapacityUnits(to, sku.info, world.scenario.storage.faceCapacityPallets);
  sku.faceCapacity = Math.max(capacity, sku.faceUnits);
  sku.moving = false;
}
