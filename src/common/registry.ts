/**
 * Registries of named strategies (putaway rules, removal rules, equipment kinds): a plain
 * object whose keys are the names a scenario uses, in declaration order, so adding an entry
 * is one line and the schema's enum follows from the keys.
 */

/** The names of a registry. */
export type NameOf<R> = keyof R & string;

/**
 * Declares a registry whose entries are all `V`s, keeping each entry's own type:
 * `registryOf<RemovalRuleFactory>()({ fifo, lifo })`.
 */
export function registryOf<V>() {
  return <const R extends Record<string, V>>(entries: R): R => entries;
}

/** A registry's names in declaration order, as a non-empty tuple (what `z.enum` takes). */
export function namesOf<R extends Record<string, unknown>>(
  registry: R,
): [NameOf<R>, ...NameOf<R>[]] {
  return Object.keys(registry) as [NameOf<R>, ...NameOf<R>[]];
}
