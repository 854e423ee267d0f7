/** Min/max replenishment: a face at or below its min is topped up to its max. */
import { byUrgency, roundToMultiple } from "./roundToMultiple.ts";
import type { ReplenishmentRule, ReplenishmentTask } from "./types.ts";

/** One task per face with onHand + pending ≤ minUnits, for maxUnits − (onHand + pending). */
export const minMax: ReplenishmentRule = ({ faces, levelOf }) => {
  const tasks: ReplenishmentTask[] = [];
  for (const face of faces) {
    const { onHand, pending } = levelOf(face);
    const level = onHand + pending;
    if (level > face.minUnits) continue;
    const quantity = roundToMultiple(face.maxUnits - level, face.multipleUnits);
    if (quantity <= 0) continue;
    tasks.push({
      sku: face.sku,
      toLocationId: face.locationId,
      quantity,
      reason: "belowMin",
      cover: level / face.maxUnits,
    });
  }
  return byUrgency(tasks);
};
