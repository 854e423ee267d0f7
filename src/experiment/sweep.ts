/**
 * What-if grids from `--set path=v1,v2` options: several --set options give the cartesian
 * product. Numeric values may be safe expressions (`3000*1.1^k`, `base*1.3`) where `base`
 * is the scenario's current value and plain names are sweep variables set by their own
 * --set (`--set k=0:3`). Ranges `a:b` and `a:step:b` expand to lists.
 */
import { InputError, type InputIssue } from "../common/inputError.ts";
import { gridIndex, gridSize } from "./gridIndex.ts";
import {
  compileExpression,
  createMathSandbox,
  type MathSandbox,
  type NumericExpression,
} from "./mathSandbox.ts";
import { checkPath, getPath, setPath } from "./scenarioPath.ts";

/** Grid size above which a sweep is refused. */
export const MAX_GRID_POINTS = 10_000;

/** One --set option as written: a path (or variable name) and its raw values. */
export interface SetOption {
  path: string;
  values: string[];
  /** The option text, for messages. */
  source: string;
}

/** An axis of the grid: a scenario path or a variable, with its values in order. */
export interface SweepAxis {
  path: string;
  /** True for a sweep variable (a plain name that is not a scenario field). */
  variable: boolean;
  values: (number | string | boolean)[];
}

/** A point of the grid: the values of every axis, and the scenario settings they give. */
export interface GridPoint<S> {
  /** `path=value,...` in axis order; also the candidate id. */
  id: string;
  /** Scenario path → value (variables excluded). */
  settings: Record<string, number | string | boolean>;
  /** Variable name → value. */
  variables: Record<string, number>;
  scenario: S;
}

/** Splits at commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** Adds an issue about one value (not a path), remembered in `values`. */
function badValue(issues: InputIssue[], values: Set<InputIssue>, issue: InputIssue): void {
  issues.push(issue);
  values.add(issue);
}

/** Adds an issue unless the same path and value is already reported (once per grid). */
function addOnce(issues: InputIssue[], issue: InputIssue): void {
  if (!issues.some((i) => i.path === issue.path && i.value === issue.value)) issues.push(issue);
}

/** Parses `path=v1,v2` (throws InputError naming the option when malformed). */
export function parseSetOption(text: string, source = "--set"): SetOption {
  const eq = text.indexOf("=");
  const path = eq > 0 ? text.slice(0, eq).trim() : "";
  const values = eq > 0 ? splitTopLevel(text.slice(eq + 1)) : [];
  if (!path || values.length === 0 || values.some((v) => v === "")) {
    throw new InputError({
      file: source,
      path: "",
      value: text,
      expected: "path=value1,value2,... with no empty value",
    });
  }
  return { path, values, source };
}

type Raw =
  | { kind: "literal"; value: string | boolean }
  | { kind: "expression"; expression: NumericExpression };

interface PlannedAxis {
  path: string;
  variable: boolean;
  raw: Raw[];
  base: unknown;
}

/**
 * Rounds `x` to 12 significant digits when that moves it by float noise only (a few units in
 * the last place: 3000*1.1^2 → 3630, not 3630.0000000000005); any other value, such as a
 * large integer, is kept exactly.
 */
export function dropFloatNoise(x: number): number {
  const rounded = Number(x.toPrecision(12));
  return Math.abs(rounded - x) <= 16 * Number.EPSILON * Math.abs(x) ? rounded : x;
}

/** Integer literals in an expression that a double cannot hold exactly (beyond 2^53 − 1). */
function inexactIntegers(source: string): string[] {
  return (source.match(/(?<![\d.eE])\d{16,}(?![\d.eE])/g) ?? []).filter(
    (token) => !Number.isSafeInteger(Number(token)),
  );
}

/** Expands a range `a:b` / `a:step:b` (numbers only) or returns undefined. */
function expandRange(value: string): number[] | undefined {
  const m =
    /^\s*(-?[\d.]+(?:e-?\d+)?)\s*:\s*(-?[\d.]+(?:e-?\d+)?)\s*(?::\s*(-?[\d.]+(?:e-?\d+)?)\s*)?$/i.exec(
      value,
    );
  if (!m) return undefined;
  const start = Number(m[1]);
  const step = m[3] === undefined ? 1 : Number(m[2]);
  const end = Number(m[3] === undefined ? m[2] : m[3]);
  if (![start, step, end].every(Number.isFinite) || step <= 0 || end < start) return undefined;
  const count = Math.floor((end - start) / step + 1e-9) + 1;
  if (count > MAX_GRID_POINTS) return undefined;
  // NOTE: start + i·step (not repeated addition) keeps 0.1-steps free of drift.
  return Array.from({ length: count }, (_, i) => dropFloatNoise(start + i * step));
}

/**
 * Plans one --set axis. Path problems go to `issues`; a bad value goes to `valueIssues`
 * and is left out, so the other values can still be checked against the scenario.
 */
function planAxis(
  scenario: unknown,
  option: SetOption,
  issues: InputIssue[],
  valueIssues: Set<InputIssue>,
  math: MathSandbox,
): PlannedAxis | undefined {
  const isName = /^[A-Za-z_][A-Za-z0-9_]*$/.test(option.path);
  const exists = getPath(scenario, option.path) !== undefined;
  const variable = isName && !exists;
  if (!variable) {
    const pathIssues = checkPath(scenario, option.path, option.source);
    if (pathIssues.length > 0) {
      issues.push(...pathIssues);
      return undefined;
    }
  }
  const base = variable ? undefined : getPath(scenario, option.path);
  const raw: Raw[] = [];
  const values = option.values.flatMap((v) =>
    typeof base === "string" || typeof base === "boolean"
      ? [v]
      : (expandRange(v)?.map(String) ?? [v]),
  );
  for (const value of values) {
    if (typeof base === "string") raw.push({ kind: "literal", value });
    else if (typeof base === "boolean") {
      if (value === "true" || value === "false")
        raw.push({ kind: "literal", value: value === "true" });
      else
        badValue(issues, valueIssues, {
          file: option.source,
          path: option.path,
          value,
          expected: "true or false",
        });
    } else if (inexactIntegers(value).length > 0) {
      badValue(issues, valueIssues, {
        file: option.source,
        path: option.path,
        value,
        expected: `integers up to ${Number.MAX_SAFE_INTEGER} (a larger one, ${inexactIntegers(value)[0]}, would be rounded)`,
      });
    } else {
      const compiled = compileExpression(value, math);
      if (compiled.ok) raw.push({ kind: "expression", expression: compiled.expression });
      else
        badValue(issues, valueIssues, {
          file: option.source,
          path: option.path,
          value,
          expected: `a number or arithmetic expression: ${compiled.reason}`,
        });
    }
  }
  return { path: option.path, variable, raw, base };
}

/** Plans every --set axis; a path set twice is refused. */
function planAxes(
  scenario: unknown,
  options: readonly SetOption[],
  issues: InputIssue[],
  valueIssues: Set<InputIssue>,
  math: MathSandbox,
): PlannedAxis[] {
  const planned: PlannedAxis[] = [];
  const seen = new Set<string>();
  for (const option of options) {
    if (seen.has(option.path)) {
      issues.push({
        file: option.source,
        path: option.path,
        value: option.path,
        expected: "each path set once (list its values after one =)",
      });
      continue;
    }
    seen.add(option.path);
    const axis = planAxis(scenario, option, issues, valueIssues, math);
    if (axis) planned.push(axis);
  }
  return planned;
}

/** Leaves out, as bad values, expressions naming something that is not a sweep variable. */
function dropUnknownNames(
  planned: PlannedAxis[],
  issues: InputIssue[],
  valueIssues: Set<InputIssue>,
): void {
  const variableNames = new Set(planned.filter((a) => a.variable).map((a) => a.path));
  for (const axis of planned) {
    axis.raw = axis.raw.filter((raw) => {
      if (raw.kind !== "expression") return true;
      const unknown = raw.expression.variables.filter(
        (name) => axis.variable || (!(name === "base") && !variableNames.has(name)),
      );
      for (const name of unknown.slice(0, 1)) {
        badValue(issues, valueIssues, {
          file: "--set",
          path: axis.path,
          value: raw.expression.source,
          expected: axis.variable
            ? "a sweep variable defined by numbers, not by other names"
            : `a number, or an expression of base and sweep variables (${[...variableNames].join(", ") || "none defined"}); ${name} is unknown`,
        });
      }
      return unknown.length === 0;
    });
  }
}

/** The value of one raw axis value; an expression that gives no finite number is reported. */
function evaluateRaw(
  raw: Raw,
  axis: PlannedAxis,
  variables: Record<string, number>,
  issues: InputIssue[],
): { value: number | string | boolean; finite: boolean } {
  if (raw.kind === "literal") return { value: raw.value, finite: true };
  let value: number;
  try {
    value = raw.expression.evaluate({
      ...variables,
      ...(typeof axis.base === "number" ? { base: axis.base } : {}),
    });
  } catch (error) {
    value = Number.NaN;
    addOnce(issues, {
      file: "--set",
      path: axis.path,
      value: raw.expression.source,
      expected: `a computable number: ${(error as Error).message}`,
    });
  }
  const finite = Number.isFinite(value);
  if (!finite) {
    addOnce(issues, {
      file: "--set",
      path: axis.path,
      value: raw.expression.source,
      expected: "an expression giving a finite number",
    });
  }
  return { value: dropFloatNoise(value), finite };
}

/** One combination's values by axis, variables evaluated first so that settings can use them. */
function combinationValues(
  planned: readonly PlannedAxis[],
  combination: readonly Raw[],
  issues: InputIssue[],
): { values: (number | string | boolean)[]; evaluated: boolean } {
  const values = new Array<number | string | boolean>(planned.length);
  const variables: Record<string, number> = {};
  let evaluated = true;
  const order = [...planned.keys()].sort(
    (a, b) => Number(!planned[a].variable) - Number(!planned[b].variable),
  );
  for (const i of order) {
    const axis = planned[i];
    const { value, finite } = evaluateRaw(combination[i], axis, variables, issues);
    if (!finite) evaluated = false;
    values[i] = value;
    if (axis.variable) variables[axis.path] = value as number;
  }
  return { values, evaluated };
}

/**
 * Builds the grid of scenarios for `options` over `scenario` (never mutated). `validate`
 * (e.g. the scenario schema) checks each resulting scenario. All problems are collected
 * and thrown together as one InputError. `math` may be shared between calls.
 */
export function buildGrid<S>(
  scenario: S,
  options: readonly SetOption[],
  validate?: (scenario: S, pointId: string) => InputIssue[],
  math: MathSandbox = createMathSandbox(),
): { axes: SweepAxis[]; points: GridPoint<S>[] } {
  const issues: InputIssue[] = [];
  const valueIssues = new Set<InputIssue>();
  const planned = planAxes(scenario, options, issues, valueIssues, math);
  dropUnknownNames(planned, issues, valueIssues);
  const sizes = planned.map((a) => a.raw.length);
  const size = gridSize(sizes);
  if (size > MAX_GRID_POINTS) {
    issues.push({
      file: "--set",
      path: "",
      value: size,
      expected: `at most ${MAX_GRID_POINTS} grid points`,
    });
  }
  // Path and name problems stop here; bad values do not: the remaining values are still
  // built and validated so that every problem is reported at once.
  if (issues.some((i) => !valueIssues.has(i))) throw new InputError(issues);
  const points: GridPoint<S>[] = [];
  const axesValues = planned.map(() => [] as (number | string | boolean)[]);
  const total = planned.length === 0 ? 0 : size;
  const indices = new Array<number>(planned.length);
  for (let p = 0; p < total; p++) {
    // The first --set varies slowest, as in nested loops.
    gridIndex(p, sizes, indices);
    const combination = planned.map((axis, i) => axis.raw[indices[i]]);
    const { values, evaluated } = combinationValues(planned, combination, issues);
    const variables: Record<string, number> = {};
    const settings: Record<string, number | string | boolean> = {};
    planned.forEach((axis, i) => {
      if (axis.variable) variables[axis.path] = values[i] as number;
      else settings[axis.path] = values[i];
      if (!axesValues[i].includes(values[i])) axesValues[i].push(values[i]);
    });
    const id = planned.map((a, i) => `${a.path}=${values[i]}`).join(",");
    let next = scenario;
    for (const [path, value] of Object.entries(settings)) next = setPath(next, path, value);
    // A value that could not be computed is reported above; validating it adds nothing.
    if (validate && evaluated) issues.push(...validate(next, id));
    points.push({ id, settings, variables, scenario: next });
  }
  if (issues.length > 0) throw new InputError(issues);
  return {
    axes: planned.map((a, i) => ({ path: a.path, variable: a.variable, values: axesValues[i] })),
    points,
  };
}
