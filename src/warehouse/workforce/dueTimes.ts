/**
 * Due times: the one priority unit of every task queue. A task's priority is the simulated
 * time, in seconds, by which it should be done; every queue takes the earliest due first,
 * so a cross-trained worker weighs a pick against a replenishment by urgency alone.
 *
 * - pick, pack, load, line feed: the order's due time (its carrier's cut-off or the line's
 *   need time);
 * - replenishment: when orders wait for the face, the earliest due time among them; else
 *   when the face's free units run out at the SKU's mean demand;
 * - unload and inspection: the trailer's docking (or the pallet's check) plus
 *   `workforce.taskDue.unloadS`;
 * - putaway and cross-dock: the pallet's arrival plus `workforce.taskDue.putawayS`;
 * - counts: a full inventory is due at once (it holds picks), an opportunity count after
 *   `countS` / 24, a cycle count after `countS`; returns after `returnS`.
 */
import type { Order, Pallet, SkuState, World } from "../world.ts";
import { DAY_S } from "./calendar.ts";

/** Due time of a face's replenishment created now. */
export function replenishDueS(world: World, sku: SkuState): number {
  const now = world.sim.now;
  if (sku.waiting.length > 0) return earliestDueS(sku.waiting, now);
  const free = sku.faceUnits + sku.faceIncoming - sku.faceAllocated;
  if (!(sku.dailyUnits > 0)) return now + DAY_S;
  return now + (Math.max(0, free) / sku.dailyUnits) * DAY_S;
}

function earliestDueS(orders: readonly Order[], fallbackS: number): number {
  let due = Number.POSITIVE_INFINITY;
  for (let i = 0; i < orders.length; i++) if (orders[i].dueS < due) due = orders[i].dueS;
  return Number.isFinite(due) ? due : fallbackS;
}

/** Due time of a receiving task (unload, inspection) created now. */
export function receiveDueS(world: World): number {
  return world.sim.now + world.scenario.workforce.taskDue.unloadS;
}

/** Due time of a pallet's putaway or cross-dock move. */
export function putawayDueS(world: World, pallet: Pallet): number {
  return pallet.arrivedS + world.scenario.workforce.taskDue.putawayS;
}

/** Due time of a count created now, by why it is counted. */
export function countDueS(world: World, reason: "full" | "opportunity" | "abc"): number {
  const now = world.sim.now;
  if (reason === "full") return now;
  const countS = world.scenario.workforce.taskDue.countS;
  return now + (reason === "opportunity" ? countS / 24 : countS);
}

/** Due time of a customer return that arrived at `arrivedS`. */
export function returnDueS(world: World, arrivedS: number): number {
  return arrivedS + world.scenario.workforce.taskDue.returnS;
}
