/** Rounding replenishment quantities to handling units. */

/** `quantity` rounded down to a multiple of `multiple`, but at least one multiple. */
export function roundToMultiple(quantity: number, multiple = 1): number {
  if (multiple <= 1) return quantity;
  return Math.max(multiple, Math.floor(quantity / multiple) * multiple);
}

/** Sorts tasks most urgent first (lowest cover, then location id). */
export function byUrgency<T extends { cover: number; toLocationId: string }>(tasks: T[]): T[] {
  return tasks.sort(
    (a, b) =>
      a.cover - b.cover ||
      (a.toLocationId < b.toLocationId ? -1 : a.toLocationId > b.toLocationId ? 1 : 0),
  );
}
