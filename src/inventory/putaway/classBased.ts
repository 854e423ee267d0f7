/**
 * Class-based storage (Hausman, Schwarz & Graves 1976): each velocity class has its zones;
 * a load goes to a location of its class's zones, chosen at random (or the closest). When
 * they are full it overflows to the next slower classes' zones, then the faster ones.
 */
import { byDistance } from "../location.ts";
import type { StorageLocation } from "../types.ts";
import { firstFit, prepareSetup, randomFit } from "./capacity.ts";
import type { PutawayRuleFactory } from "./types.ts";

/**
 * Reads `setup.classZones` (class → zones, classes in alphabetical order fastest first),
 * `setup.withinClass` and `setup.random`. A SKU without a velocity class counts as the slowest.
 */
export const classBased: PutawayRuleFactory = (setup) => {
  const { locations, fits } = prepareSetup(setup);
  const classZones = setup.classZones ?? {};
  const classes = Object.keys(classZones).sort();
  if (classes.length === 0) throw new TypeError("putaway classBased: setup.classZones is empty");
  const within = setup.withinClass ?? "random";
  const stream = setup.random;
  if (within === "random" && !stream) {
    throw new TypeError('putaway classBased: withinClass "random" needs setup.random');
  }
  const pool = new Map<string, StorageLocation[]>();
  for (const c of classes) {
    const zones = new Set(classZones[c]);
    const mine = locations.filter((l) => l.zone !== undefined && zones.has(l.zone));
    pool.set(c, within === "closest" ? byDistance(mine, setup) : mine);
  }
  return (request, contentsOf) => {
    const own = request.sku.velocityClass;
    const start =
      own !== undefined && classes.includes(own) ? classes.indexOf(own) : classes.length - 1;
    // Own class, then slower classes, then faster ones.
    const order = [...classes.slice(start), ...classes.slice(0, start).reverse()];
    for (const [i, c] of order.entries()) {
      const candidates = pool.get(c)!;
      const hit =
        within === "closest"
          ? firstFit(candidates, fits, request, contentsOf)
          : randomFit(candidates, fits, request, contentsOf, stream!);
      if (hit) return { status: "placed", locationId: hit.id, overflow: i > 0 };
    }
    return { status: "noSpace" };
  };
};
