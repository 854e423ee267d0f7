/**
 * Reads and sets scenario values by dotted path (`outbound.ordersPerDay`,
 * `workforce.roles[2].headcount` or `workforce.roles.2.headcount`). Setting never mutates:
 * it returns a copy. A path must name an existing value of a scalar type.
 */
import { didYouMean, type InputIssue } from "../common/inputError.ts";

/** Splits `a.b[2].c` into ["a", "b", "2", "c"]. */
export function splitPath(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((part) => part.length > 0);
}

/** The value at `path`, or undefined when any step is missing. */
export function getPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const part of splitPath(path)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * Problems with setting `path` in `root` (the path does not exist, or names an object or
 * list rather than a number, string or boolean). Empty when the path can be set.
 */
export function checkPath(root: unknown, path: string, source = "--set"): InputIssue[] {
  const parts = splitPath(path);
  if (parts.length === 0 || !/^[A-Za-z0-9_.[\]-]+$/.test(path)) {
    return [
      {
        file: source,
        path,
        value: path,
        expected: "a dotted path into the scenario, e.g. outbound.ordersPerDay",
      },
    ];
  }
  let node: unknown = root;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const at = parts.slice(0, i).join(".");
    if (part === "__proto__" || part === "constructor" || part === "prototype") {
      return [{ file: source, path, value: part, expected: "a scenario field name" }];
    }
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, part)) {
      const keys = node !== null && typeof node === "object" ? Object.keys(node) : [];
      const hint = didYouMean(part, keys);
      const where = at ? `a field of ${at}` : "a top-level scenario field";
      return [
        {
          file: source,
          path,
          value: part,
          expected: hint
            ? `${where}; did you mean ${hint}?`
            : keys.length
              ? `${where}: ${keys.join(", ")}`
              : where,
        },
      ];
    }
    node = (node as Record<string, unknown>)[part];
  }
  if (node !== null && typeof node === "object") {
    return [
      {
        file: source,
        path,
        value: "(object)",
        expected: "a path to a number, string or boolean, not an object or list",
      },
    ];
  }
  return [];
}

/** A copy of `root` with `value` at `path` (the path must exist; see checkPath()). */
export function setPath<T>(root: T, path: string, value: unknown): T {
  const parts = splitPath(path);
  const copy = structuredClone(root) as unknown as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (let i = 0; i < parts.length - 1; i++) node = node[parts[i]] as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
  return copy as unknown as T;
}
