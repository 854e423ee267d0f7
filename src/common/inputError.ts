/**
 * Bad input (a scenario, a layout, a CSV, a CLI flag) is reported as a list of issues,
 * each naming the file, the path inside it, the bad value and what was expected.
 * The CLI prints them and exits with code 2; nothing else in whsim catches them.
 */
import { hasErrorShape } from "./hasErrorShape.ts";

/** One problem found in the user's input. */
export interface InputIssue {
  /** The file the value came from, or a pseudo-source such as `--seed` or `<inline>`. */
  file: string;
  /** Dotted path inside the file (`outbound.ordersPerDay`, `skus[3].cube`, `row 12, column qty`). */
  path: string;
  /** The offending value, as the user wrote it (stringified for display). */
  value: unknown;
  /** What was expected instead, in plain words. */
  expected: string;
}

/** Renders a value for a message: strings quoted, long values cut. */
export function showValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = "missing";
  else if (typeof value === "string") text = JSON.stringify(value);
  else if (typeof value === "number" && !Number.isFinite(value))
    text = String(value); // NaN, Infinity
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A noun with its indefinite article: "an array", "a number". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/** `file: path: value (expected)` — the one format every input problem is shown in. */
export function formatIssue(issue: InputIssue): string {
  const where = issue.path ? `${issue.file}: ${issue.path}` : issue.file;
  return `${where}: ${showValue(issue.value)} (${issue.expected})`;
}

/** Thrown when input is invalid; carries every issue found, not just the first. */
export class InputError extends Error {
  readonly issues: readonly InputIssue[];
  constructor(issues: InputIssue | readonly InputIssue[]) {
    const list = Array.isArray(issues) ? issues : [issues as InputIssue];
    super(list.map(formatIssue).join("\n"));
    this.name = "InputError";
    this.issues = list;
  }
}

/** True for an InputError, also across worker-thread or module boundaries. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError || hasErrorShape(error, "InputError", "issues");
}

/** Runs `fn`; bad input it throws adds its issues to `issues` and gives undefined. */
export function collectIssues<T>(issues: InputIssue[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (!isInputError(error)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The closest candidate to `word` if it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))
    ? best
    : undefined;
}
