/**
 * Turns zod issues into whsim input issues (`file: path: value (expected)`), with the bad
 * value read back from the input and "did you mean" suggestions for unknown keys.
 */
import type { z } from "zod";
import { didYouMean, type InputIssue, withArticle } from "../common/inputError.ts";

type Key = PropertyKey;

/** Dotted display path: `outbound.carriers[0].departures`. */
export function formatPath(path: readonly Key[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function valueAt(data: unknown, path: readonly Key[]): unknown {
  let here: unknown = data;
  for (const key of path) {
    if (here === null || typeof here !== "object") return undefined;
    here = (here as Record<Key, unknown>)[key as string];
  }
  return here;
}

/** The object schemas reachable at `path` (several through unions), unwrapping defaults. */
function objectsAt(schema: z.ZodType, path: readonly Key[], data: unknown): z.ZodType[] {
  const def = (schema as any)._zod.def;
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
    case "readonly":
    case "nonoptional":
      return objectsAt(def.innerType, path, data);
    case "pipe":
      return objectsAt(def.in, path, data);
    case "union":
      return def.options.flatMap((option: z.ZodType) => objectsAt(option, path, data));
    default:
      break;
  }
  if (path.length === 0) return def.type === "object" ? [schema] : [];
  const [head, ...rest] = path;
  const child = (data as Record<Key, unknown> | undefined)?.[head as string];
  if (def.type === "object") {
    const shape = def.shape as Record<string, z.ZodType>;
    const next = shape[head as string];
    return next ? objectsAt(next, rest, child) : [];
  }
  if (def.type === "array") return objectsAt(def.element, rest, child);
  if (def.type === "record") return objectsAt(def.valueType, rest, child);
  return [];
}

/** The keys an object at `path` accepts, for suggestions. */
export function keysAt(schema: z.ZodType, path: readonly Key[], data: unknown): string[] {
  const keys = new Set<string>();
  for (const object of objectsAt(schema, path, data)) {
    for (const key of Object.keys((object as any)._zod.def.shape)) keys.add(key);
  }
  return [...keys];
}

function describeExpected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "object" ? "a mapping" : withArticle(issue.expected);
    case "too_small": {
      const bound = Number(issue.minimum);
      if (issue.origin === "array") return `at least ${bound} item${bound === 1 ? "" : "s"}`;
      if (issue.origin === "string") return "a non-empty text";
      return issue.inclusive ? `a number >= ${bound}` : `a number > ${bound}`;
    }
    case "too_big": {
      const bound = Number(issue.maximum);
      if (issue.origin === "array") return `at most ${bound} items`;
      if (issue.origin === "string") return `at most ${bound} characters`;
      return issue.inclusive ? `a number <= ${bound}` : `a number < ${bound}`;
    }
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return issue.message.startsWith("Invalid") ? `format ${issue.format}` : issue.message;
    case "not_multiple_of":
      return `a multiple of ${issue.divisor}`;
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (options) return `one of ${options.map((v) => JSON.stringify(v)).join(", ")}`;
      return "one of the allowed forms";
    }
    default:
      return issue.message;
  }
}

/** Converts zod issues on `data` (validated with `schema`) into input issues for `file`. */
export function zodToInputIssues(
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  file: string,
  prefix: readonly Key[] = [],
): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const known = keysAt(schema, issue.path, data);
      for (const key of issue.keys) {
        const guess = didYouMean(key, known);
        out.push({
          file,
          path: formatPath([...prefix, ...issue.path, key]),
          value: valueAt(data, [...issue.path, key]),
          expected: guess
            ? `unknown key; did you mean "${guess}"?`
            : `unknown key; expected one of ${known.join(", ")}`,
        });
      }
      continue;
    }
    if (issue.code === "invalid_union" && (issue as any).errors?.length > 0) {
      // Undiscriminated union: report the branch that got furthest (fewest issues).
      const branches = ((issue as any).errors as z.core.$ZodIssue[][]).filter(
        (branch) =>
          !(
            branch.length === 1 &&
            branch[0].code === "invalid_type" &&
            branch[0].path.length === 0
          ),
      );
      if (branches.length === 0) {
        out.push({
          file,
          path: formatPath([...prefix, ...issue.path]),
          value: valueAt(data, issue.path),
          expected: "one of the allowed forms",
        });
        continue;
      }
      const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
      out.push(
        ...zodToInputIssues(
          schema,
          best.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })),
          data,
          file,
          prefix,
        ),
      );
      continue;
    }
    out.push({
      file,
      path: formatPath([...prefix, ...issue.path]),
      value: valueAt(data, issue.path),
      expected: describeExpected(issue),
    });
  }
  return out;
}
