/**
 * Recognises an error by its name and a list it carries, so an error rebuilt by a worker
 * thread or thrown by a second copy of a module (where `instanceof` fails) still counts.
 */

/** True for an object named `name` whose field `list` is an array. */
export function hasErrorShape(error: unknown, name: string, list: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const fields = error as Record<string, unknown>;
  return fields.name === name && Array.isArray(fields[list]);
}
