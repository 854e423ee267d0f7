/**
 * Demand-triggered replenishment: before a wave is released, every face that cannot cover
 * the wave's demand is topped up to its max, or by the shortfall if that is more.
 */
import { byUrgency, roundToMultiple } from "./roundToMultiple.ts";
import type { ReplenishmentRule, ReplenishmentTask } from "./types.ts";

/** Reads `waveDemandOf`; a face needs a task when onHand + pending < wave demand. */
export const demandTriggered: ReplenishmentRule = ({ faces, levelOf, waveDemandOf }) => {
  if (!waveDemandOf) throw new TypeError("replenishment demandTriggered: waveDemandOf is missing");
  const tasks: ReplenishmentTask[] = [];
  for (const face of faces) {
    const demand = waveDemandOf(face);
    const { onHand, pending } = levelOf(face);
    const level = onHand + pending;
    const shortfall = demand - level;
    if (shortfall <= 0) continue;
    const wanted = Math.max(shortfall, face.maxUnits - level);
    const multiple = face.multipleUnits ?? 1;
    // Round up when rounding down would leave the wave short.
    let quantity = roundToMultiple(wanted, multiple);
    if (quantity < shortfall) quantity = Math.ceil(shortfall / multiple) * multiple;
    tasks.push({
      sku: face.sku,
      toLocationId: face.locationId,
      quantity,
      reason: "waveDemand",
      cover: level / face.maxUnits,
    });
  }
  return byUrgency(tasks);
};
