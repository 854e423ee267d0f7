/**
 * Error processes that make the physical stock drift from the record: mispicks (a wrong
 * quantity, or a neighbouring location's stock), misplaced putaways (the load lands in a
 * neighbouring location) and shrinkage (units vanish unrecorded). Each returns what
 * physically happens; the ledger applies it. Counts find and correct the drift.
 */
import type { InputIssue } from "../common/inputError.ts";
import type { StockLedger } from "./stockLedger.ts";
import type { PhysicalActual, Transaction } from "./transaction.ts";
import type { UniformSource } from "./types.ts";

/** Error rates; all default to 0 (a perfect warehouse). */
export interface StockErrorRates {
  /** Probability that a pick line is mispicked. */
  mispickProbability?: number;
  /** Share of mispicks that take from a neighbouring location; the rest take one unit too many or too few. Defaults to 0.5. */
  wrongLocationShare?: number;
  /** Probability that a putaway lands in a neighbouring location instead of the planned one. */
  misplacedPutawayProbability?: number;
  /** Units lost to shrinkage per day across the warehouse (a Poisson process). */
  shrinkageUnitsPerDay?: number;
}

/** Problems in the rates, each naming `path.field` (empty when valid). */
export function checkStockErrorRates(
  rates: StockErrorRates,
  file: string,
  path: string,
): InputIssue[] {
  const issues: InputIssue[] = [];
  const share = (key: keyof StockErrorRates) => {
    const v = rates[key];
    if (v !== undefined && !(typeof v === "number" && v >= 0 && v <= 1)) {
      issues.push({ file, path: `${path}.${key}`, value: v, expected: "a probability in [0, 1]" });
    }
  };
  share("mispickProbability");
  share("wrongLocationShare");
  share("misplacedPutawayProbability");
  const s = rates.shrinkageUnitsPerDay;
  if (s !== undefined && !(typeof s === "number" && Number.isFinite(s) && s >= 0)) {
    issues.push({
      file,
      path: `${path}.shrinkageUnitsPerDay`,
      value: s,
      expected: "a number >= 0",
    });
  }
  return issues;
}

const pickOne = <T>(items: readonly T[], random: UniformSource): T =>
  items[Math.min(items.length - 1, Math.floor(random.next() * items.length))];

/**
 * Draws whether a pick of `quantity` units of `sku` from `from` goes wrong, and how.
 * A wrong-location mispick takes the same quantity of whatever a neighbour physically
 * holds enough of (falling back to a wrong quantity when none does); a wrong quantity is
 * one unit more (if physically there) or one fewer. Undefined: the pick goes right.
 */
export function drawMispick(
  rates: StockErrorRates,
  random: UniformSource,
  pick: { sku: string; lot?: string; from: string; quantity: number },
  context: { ledger: StockLedger; neighbours: (locationId: string) => readonly string[] },
): PhysicalActual | undefined {
  const p = rates.mispickProbability ?? 0;
  if (p <= 0 || random.next() >= p) return undefined;
  if (random.next() < (rates.wrongLocationShare ?? 0.5)) {
    const options: PhysicalActual[] = [];
    for (const nb of context.neighbours(pick.from)) {
      if (nb === pick.from) continue;
      for (const c of context.ledger.contentsOf(nb, "physical")) {
        if (c.quantity >= pick.quantity) options.push({ from: nb, sku: c.sku, lot: c.lot });
      }
    }
    if (options.length > 0) return pickOne(options, random);
  }
  const there = context.ledger.onHand(
    { locationId: pick.from, sku: pick.sku, lot: pick.lot ?? "" },
    "physical",
  );
  const over = random.next() < 0.5 && there >= pick.quantity + 1;
  return { quantity: over ? pick.quantity + 1 : Math.max(0, pick.quantity - 1) };
}

/** Draws whether a putaway to `to` lands in a neighbouring location instead (undefined: it does not). */
export function drawMisplacedPutaway(
  rates: StockErrorRates,
  random: UniformSource,
  to: string,
  neighbours: readonly string[],
): PhysicalActual | undefined {
  const p = rates.misplacedPutawayProbability ?? 0;
  const others = neighbours.filter((n) => n !== to);
  if (p <= 0 || others.length === 0 || random.next() >= p) return undefined;
  return { to: pickOne(others, random) };
}

/** Seconds to the next shrinkage event (exponential), Infinity when there is no shrinkage. */
export function nextShrinkageS(rates: StockErrorRates, random: UniformSource): number {
  const perDay = rates.shrinkageUnitsPerDay ?? 0;
  if (perDay <= 0) return Number.POSITIVE_INFINITY;
  return (-Math.log(1 - random.next()) * 86_400) / perDay;
}

/**
 * One unit vanishes: drawn uniformly over all physical units in `locationIds` (default every
 * location), and recorded by the ledger as shrinkage (physical only). Undefined when empty.
 */
export function shrinkOneUnit(
  ledger: StockLedger,
  timeS: number,
  random: UniformSource,
  locationIds?: readonly string[],
): Transaction | undefined {
  const units: { locationId: string; sku: string; lot: string; quantity: number }[] = [];
  let total = 0;
  for (const locationId of locationIds ?? ledger.locationIds()) {
    for (const c of ledger.contentsOf(locationId, "physical")) {
      if (c.quantity < 1) continue;
      units.push({ locationId, ...c });
      total += c.quantity;
    }
  }
  if (units.length === 0) return undefined;
  let u = random.next() * total;
  let chosen = units[units.length - 1];
  for (const c of units) {
    if (u < c.quantity) {
      chosen = c;
      break;
    }
    u -= c.quantity;
  }
  return ledger.shrink({
    timeS,
    sku: chosen.sku,
    lot: chosen.lot,
    from: chosen.locationId,
    quantity: 1,
    cause: "shrinkage",
  });
}
