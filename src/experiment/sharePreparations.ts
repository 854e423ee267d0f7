/**
 * sharePreparations(): wraps a Runner so that jobs of the same scenario share its
 * preparation (for the warehouse: layout, travel model and site, about 7–15% of a
 * replication's work and much of its garbage) instead of building it per job. The cache
 * belongs to the returned function (one per executor or thread), never to the module.
 */
import type { Preparation } from "./types.ts";

/** A function of a scenario (or a task holding one) whose preparation may be shared. */
export type Preparable<S, O extends { prepared?: unknown }, R> = ((input: S, options: O) => R) & {
  preparation?: Preparation<S>;
};

/**
 * A function that keeps the last `capacity` (default 4) preparations of `fn` by key and
 * passes the matching one as `options.prepared`. Results are identical to `fn`'s: a
 * preparation is a pure function of its key's inputs and a run only reads it. A function
 * without a preparation comes back unchanged.
 */
export function sharePreparations<S, O extends { prepared?: unknown }, R>(
  fn: Preparable<S, O, R>,
  capacity = 4,
): Preparable<S, O, R> {
  const preparation = fn.preparation;
  if (!preparation) return fn;
  const kept = new Map<string, unknown>();
  const shared = (input: S, options: O): R => {
    const key = preparation.key(input);
    let prepared = kept.get(key);
    if (prepared === undefined) {
      prepared = preparation.prepare(input);
      if (kept.size >= capacity) kept.delete(kept.keys().next().value as string);
    } else {
      kept.delete(key); // re-inserted below: the map's order is least recently used first
    }
    kept.set(key, prepared);
    return fn(input, { ...options, prepared });
  };
  return Object.assign(shared, { preparation });
}
