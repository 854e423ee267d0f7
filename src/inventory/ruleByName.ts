/** Looks a rule up by the name a scenario gives, with a "did you mean" on a typo. */
import { didYouMean, InputError } from "../common/inputError.ts";

/**
 * Returns `registry[name]`, or throws InputError naming the bad value, the known names and
 * the closest one. `where` says where the name came from ({ file, path }).
 */
export function ruleByName<R extends Record<string, unknown>>(
  registry: R,
  name: string,
  where: { file: string; path: string; kind: string },
): R[keyof R] {
  if (Object.hasOwn(registry, name)) return registry[name as keyof R];
  const names = Object.keys(registry);
  const guess = didYouMean(name, names);
  throw new InputError({
    file: where.file,
    path: where.path,
    value: name,
    expected: `a ${where.kind} rule: one of ${names.join(", ")}${guess ? ` (did you mean "${guess}"?)` : ""}`,
  });
}
