/**
 * sharePreparations(): wraps a Runner so that jobs of the same scenario share its
 * preparation (for the warehouse: layout, travel model and site, about 7–15% of a
 * replication's work and much of its garbage) instead of building it per job. The cache
 * belongs to the returned function (one per executor or thread), never to the module.
 */
import type { Runner } from "./types.ts";

/**
 * A runner that keeps the last `capacity` (default 4) preparations of `runner` by key and
 * passes the matching one as `prepared`. Outcomes are identical to `runner`'s: a
 * preparation is a pure function of its key's inputs and a run only reads it. A runner
 * without a preparation comes back unchanged.
 */
export function sharePreparations<S>(runner: Runner<S>, capacity = 4): Runner<S> {
  const preparation = runner.preparation;
  if (!preparation) return runner;
  const kept = new Map<string, unknown>();
  const shared: Runner<S> = (scenario, options) => {
    const key = preparation.key(scenario);
    let prepared = kept.get(key);
    if (prepared === undefined) {
      prepared = preparation.prepare(scenario);
      if (kept.size >= capacity) kept.delete(kept.keys().next().value as string);
    } else {
      kept.delete(key); // re-inserted below: the map's order is least recently used first
    }
    kept.set(key, prepared);
    return runner(scenario, { ...options, prepared });
  };
  shared.preparation = preparation;
  return shared;
}
