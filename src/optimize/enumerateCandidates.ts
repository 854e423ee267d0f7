/**
 * Every candidate of an optimization spec's space over the base scenario: settings
 * applied (layout parameters before a generator switch, so equal storage follows aisles
 * and bays), settings that do not apply marked `n/a`, invalid combinations rejected with
 * their reason, duplicates merged.
 */
import { InputError, type InputIssue, isInputError, showValue } from "../common/inputError.ts";
import { gridIndex, gridSize } from "../experiment/gridIndex.ts";
import { getPath, setPath, splitPath } from "../experiment/scenarioPath.ts";
import { checkScenario, type Scenario } from "../scenario/index.ts";
import { convertGenerator, GENERATOR_KEYS, type UnkeptField } from "./convertGenerator.ts";
import type { OptimizeSpec } from "./optimizeSpec.ts";
import type { SearchCandidate } from "./searchCandidate.ts";
import { checkSpace, WAVE_INTERVAL_KEY } from "./spaceCheck.ts";

/** Sets a path, creating missing objects on the way (layout paths may be new for a generator). */
function setCreating<T>(root: T, path: string, value: unknown): T {
  const parts = splitPath(path);
  let current: T = root;
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join(".");
    if (getPath(current, prefix) === undefined) current = setPath(current, prefix, {});
  }
  return setPath(current, path, value);
}

/** The wave release times for an interval in minutes (0 = continuous). */
function releaseFor(intervalMin: number): Record<string, unknown> {
  if (intervalMin === 0) return { mode: "continuous" };
  const times: string[] = [];
  for (let m = 0; m < 24 * 60; m += intervalMin) {
    times.push(`${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
  }
  return { mode: "waves", times };
}

/** A readable candidate id from its settings (`generator=fishbone,routing=sShape`). */
function idOf(settings: Record<string, unknown>): string {
  const parts = Object.entries(settings).map(
    ([k, v]) => `${k.replace(/^layout\./, "").replace(/^outbound\.picking\./, "")}=${v}`,
  );
  return parts.join(",") || "base";
}

/** The settings of grid point `p`, in the order of the spec's space. */
function settingsAt(
  axes: readonly [string, readonly (number | string | boolean)[]][],
  p: number,
): Record<string, number | string | boolean> {
  const indices = gridIndex(
    p,
    axes.map(([, v]) => v.length),
  );
  const settings: Record<string, number | string | boolean> = {};
  axes.forEach(([path, values], i) => {
    settings[path] = values[indices[i]];
  });
  return settings;
}

/**
 * The candidate's layout: layout parameters apply before a generator switch, so equal
 * storage follows aisles and bays; the switch keeps what the target generator shares.
 */
function candidateLayout(
  base: Scenario,
  spec: OptimizeSpec,
  ordered: Record<string, number | string | boolean>,
  problems: { issues: InputIssue[]; file: string },
): { layout: Record<string, unknown>; storageFrom?: Record<string, unknown> } {
  let layout = structuredClone(base.layout) as Record<string, unknown>;
  const generator = ordered["layout.generator"] as string | undefined;
  for (const [path, v] of Object.entries(ordered)) {
    if (!path.startsWith("layout.") || path === "layout.generator") continue;
    layout = setCreating({ layout }, path, v).layout as Record<string, unknown>;
  }
  const storageFrom = generator && generator !== layout.generator ? layout : undefined;
  if (generator) {
    const converted = convertGenerator(layout, generator);
    layout = converted.layout;
    // The unit-load model simulates storage travel from the P&D point only: docks and the
    // rest do not apply, and an aisle design keeps its P&D point on the front wall.
    if (spec.model === "warehouse")
      for (const u of converted.unkept)
        unkeptIssue(problems.issues, problems.file, spec, generator, u);
    else if (generator !== "traditional") delete layout.docks;
    markNotApplicable(ordered, generator);
  }
  return { layout, ...(storageFrom ? { storageFrom } : {}) };
}

/** The candidate's scenario data: its layout, then every other setting. */
function candidateData(
  base: Scenario,
  ordered: Record<string, number | string | boolean>,
  layout: Record<string, unknown>,
): Record<string, unknown> {
  let data = { ...(structuredClone(base) as unknown as Record<string, unknown>), layout };
  for (const [path, v] of Object.entries(ordered)) {
    if (path.startsWith("layout.")) continue;
    if (path === WAVE_INTERVAL_KEY)
      data = setPath(data, "outbound.release", releaseFor(v as number));
    else data = setPath(data, path, v);
  }
  // Routing policies need an aisle grid (traditional); elsewhere every policy is the same
  // tour, so the setting does not apply and the variants merge.
  if (
    (layout.generator ?? "traditional") !== "traditional" &&
    "outbound.picking.routing" in ordered
  ) {
    ordered["outbound.picking.routing"] = NOT_APPLICABLE;
    data = setPath(data, "outbound.picking.routing", getPath(base, "outbound.picking.routing"));
  }
  return data;
}

/** A checked candidate, or one rejected with the scenario check's reasons. */
function checkedCandidate(
  id: string,
  settings: Record<string, number | string | boolean>,
  data: Record<string, unknown>,
): SearchCandidate {
  try {
    return { id, settings, scenario: checkScenario(data, `candidate ${id}`) };
  } catch (error) {
    if (!isInputError(error)) throw error;
    return {
      id,
      settings,
      scenario: data as unknown as Scenario,
      rejected: `invalid: ${error.issues
        .map((i) => `${i.path}: ${showValue(i.value)} (${i.expected})`)
        .join("; ")}`,
    };
  }
}

/**
 * Every candidate of the spec's space over `base`. Invalid combinations (the scenario
 * check fails) come back with `rejected` set; bad space keys throw InputError.
 */
export function enumerateCandidates(
  base: Scenario,
  spec: OptimizeSpec,
  file = "<spec>",
): SearchCandidate[] {
  const issues = checkSpace(base, spec.space, file);
  const axes = Object.entries(spec.space);
  const size = gridSize(axes.map(([, v]) => v.length));
  if (size > spec.maxCandidates) {
    issues.push({
      file,
      path: "space",
      value: size,
      expected: `at most maxCandidates (${spec.maxCandidates}) combinations`,
    });
  }
  if (issues.length > 0) throw new InputError(issues);
  const out: SearchCandidate[] = [];
  const seen = new Set<string>();
  for (let p = 0; p < size; p++) {
    const ordered = settingsAt(axes, p);
    const { layout, storageFrom } = candidateLayout(base, spec, ordered, { issues, file });
    const data = candidateData(base, ordered, layout);
    const candidate = checkedCandidate(idOf(ordered), ordered, data);
    if (!candidate.rejected) {
      // Different settings can give the same scenario (e.g. aisles for a fishbone): keep one.
      const key = JSON.stringify(candidate.scenario);
      if (seen.has(key)) continue;
      seen.add(key);
      if (storageFrom) candidate.storageFrom = storageFrom;
    }
    out.push(candidate);
  }
  if (issues.length > 0) throw new InputError(issues);
  return out;
}

/** The setting value of a space key that does not apply to a candidate. */
export const NOT_APPLICABLE = "n/a";

/** Layout keys that size a converted layout's storage, so they apply to every generator. */
const STORAGE_SIZING_KEYS = new Set(["aisles", "baysPerAisle", "slotsPerBay", "levels"]);

/** Marks layout settings the generator does not take as not applicable. */
function markNotApplicable(
  ordered: Record<string, number | string | boolean>,
  generator: string,
): void {
  for (const path of Object.keys(ordered)) {
    const parts = splitPath(path);
    if (parts[0] !== "layout" || parts[1] === "generator") continue;
    if (!GENERATOR_KEYS[generator].has(parts[1]) && !STORAGE_SIZING_KEYS.has(parts[1]))
      ordered[path] = NOT_APPLICABLE;
  }
}

/** Adds (once per generator and field) the issue of a field a generator switch cannot keep. */
function unkeptIssue(
  issues: InputIssue[],
  file: string,
  spec: OptimizeSpec,
  generator: string,
  u: UnkeptField,
): void {
  const index = (spec.space["layout.generator"] ?? []).indexOf(generator);
  const path = `space.layout.generator[${index}]`;
  const expected = `a generator that keeps layout.${u.field} = ${showValue(u.value)} of the base scenario (${u.why}); remove the field from the base layout or the generator from the space`;
  if (!issues.some((i) => i.path === path && i.expected === expected))
    issues.push({ file, path, value: generator, expected });
}
