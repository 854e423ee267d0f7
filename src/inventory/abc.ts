/**
 * ABC classification by velocity: items ranked by demand, cut into classes at cumulative
 * shares of demand (classic 80/15/5) or of items (the 20 % fastest). Re-run it on a
 * schedule with recent demand to re-slot.
 */
import type { VelocityClass } from "./types.ts";

/** An item (a SKU) and its demand over the classification window (picks or units). */
export interface AbcItem {
  id: string;
  demand: number;
}

/** Options; all optional. */
export interface AbcOptions {
  /** Cumulative shares where each class ends, ascending, in (0, 1). Defaults to [0.8, 0.95]. */
  cutoffs?: readonly number[];
  /** Class names, one more than the cut-offs. Defaults to A, B, C, D, ... */
  classes?: readonly VelocityClass[];
  /** What the cut-offs are shares of: "demand" (the default) or "items". */
  basis?: "demand" | "items";
}

/** One item's class. */
export interface AbcResult {
  id: string;
  velocityClass: VelocityClass;
  /** 0-based rank, fastest first. */
  rank: number;
  /** Share of total demand of the items ranked before this one. */
  cumulativeShareBefore: number;
}

/**
 * Classifies items, fastest first (ties by id): an item belongs to the first class whose
 * cut-off exceeds the cumulative share (of demand or of items) of the items ranked before
 * it, so the item that crosses a cut-off stays in the faster class.
 */
export function classifyAbc(items: readonly AbcItem[], options: AbcOptions = {}): AbcResult[] {
  const cutoffs = options.cutoffs ?? [0.8, 0.95];
  const classes =
    options.classes ??
    Array.from({ length: cutoffs.length + 1 }, (_, i) => String.fromCharCode(65 + i));
  if (classes.length !== cutoffs.length + 1) {
    throw new RangeError(
      `classifyAbc: ${classes.length} classes for ${cutoffs.length} cut-offs: expected one class more than cut-offs`,
    );
  }
  cutoffs.forEach((c, i) => {
    if (!(c > 0 && c < 1) || (i > 0 && c <= cutoffs[i - 1])) {
      throw new RangeError(`classifyAbc: cutoffs[${i}] ${c}: expected ascending shares in (0, 1)`);
    }
  });
  for (const item of items) {
    if (!(Number.isFinite(item.demand) && item.demand >= 0)) {
      throw new RangeError(
        `classifyAbc: demand ${item.demand} of ${JSON.stringify(item.id)}: expected >= 0`,
      );
    }
  }
  const ranked = [...items].sort(
    (a, b) => b.demand - a.demand || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const total = ranked.reduce((s, i) => s + i.demand, 0);
  const basis = options.basis ?? "demand";
  let before = 0;
  return ranked.map((item, rank) => {
    const demandShare = total > 0 ? before / total : rank / ranked.length;
    const share = basis === "items" ? rank / ranked.length : demandShare;
    let c = 0;
    while (c < cutoffs.length && share >= cutoffs[c]) c++;
    before += item.demand;
    return { id: item.id, velocityClass: classes[c], rank, cumulativeShareBefore: demandShare };
  });
}
