/**
 * Layout and policy search: enumerates the candidates of an optimization spec over the
 * layout generators (traditional / fishbone / flying-V with equal storage, aisles, cross
 * aisles, dock flow, forward area, pack stations) and policies (routing, putaway, batching,
 * wave interval), screens them by constraints and the analytic single-command travel
 * estimate, then races and selects by simulation on common random numbers.
 */
import {
  didYouMean,
  InputError,
  type InputIssue,
  isInputError,
  showValue,
  withArticle,
} from "../common/inputError.ts";
import { checkPath, getPath, setPath, splitPath } from "../experiment/scenarioPath.ts";
import type { Executor, ReplicationOutcome } from "../experiment/types.ts";
import {
  buildLayout,
  createTravelModel,
  fishboneSpecSchema,
  flyingVSpecSchema,
  type LayoutSpec,
  type LayoutSpecInput,
  traditionalSpecSchema,
} from "../layout/index.ts";
import { avgSingleCommandDistanceM } from "../layout/layoutStats.ts";
import { checkScenario, type Scenario } from "../scenario/index.ts";
import { scenarioLayout } from "../warehouse/simulate.ts";
import { type Answer, buildAnswer } from "./answer.ts";
import { type CostEstimate, estimateAnnualCost } from "./costEstimate.ts";
import { type Crew, crewDifference, crewOf, crewSentence, withCrews } from "./crewSearch.ts";
import { objectiveFor } from "./objective.ts";
import { type OptimizeSpec, objectiveKpi, targetInputs } from "./optimizeSpec.ts";
import {
  type RankedCandidate,
  type SearchStatus,
  type SelectResult,
  selectBest,
} from "./selectBest.ts";
import { parseServiceTargets, type ServiceTarget } from "./serviceTargets.ts";

/** Special space key: minutes between waves (0 = continuous release). */
export const WAVE_INTERVAL_KEY = "waveIntervalMin";
const GENERATORS = ["traditional", "fishbone", "flyingV"] as const;
const LAYOUT_KEYS = new Set([
  ...Object.keys(traditionalSpecSchema.shape),
  ...Object.keys(fishboneSpecSchema.shape),
  ...Object.keys(flyingVSpecSchema.shape),
]);
/** The parameters each generator takes (from its schema), so a switch keeps only those. */
const GENERATOR_KEYS: Record<string, Set<string>> = {
  traditional: new Set(Object.keys(traditionalSpecSchema.shape)),
  fishbone: new Set(Object.keys(fishboneSpecSchema.shape)),
  flyingV: new Set(Object.keys(flyingVSpecSchema.shape)),
};

/** Layout facts used for screening. */
export interface LayoutMetrics {
  widthM: number;
  depthM: number;
  areaM2: number;
  locations: number;
  /** Storage locations (positions at every level) by location type. */
  locationsByType: Record<string, number>;
  /** Mean P&D → location → P&D distance under random storage, metres (Gue & Meller's measure). */
  avgSingleCommandDistanceM: number;
}

/** One point of the search space. */
export interface SearchCandidate {
  id: string;
  settings: Record<string, number | string | boolean>;
  scenario: Scenario;
  metrics?: LayoutMetrics;
  /** Why it was not simulated (constraint, invalid combination, screened out). */
  rejected?: string;
  /** The layout before a generator switch, whose storage the candidate must keep. */
  storageFrom?: Record<string, unknown>;
  /** The crew planned for the candidate's layout (headcount per role per shift). */
  crew?: Crew;
  /** The analytic annual cost estimate the screen ranked it by (cost objectives). */
  costEstimate?: CostEstimate;
}

/** The JS types (`number`, `string`, `boolean`) a zod schema accepts; empty when unknown. */
function primitiveTypes(schema: unknown): Set<string> {
  const def = (schema as any)?._zod?.def;
  const out = new Set<string>();
  if (!def) return out;
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
    case "readonly":
      return primitiveTypes(def.innerType);
    case "pipe":
      return primitiveTypes(def.in);
    case "union":
      for (const o of def.options) for (const t of primitiveTypes(o)) out.add(t);
      return out;
    case "number":
    case "int":
    case "string":
    case "boolean":
      out.add(def.type === "int" ? "number" : def.type);
      return out;
    case "enum":
      out.add("string");
      return out;
    case "literal":
      for (const v of def.values) out.add(typeof v);
      return out;
    default:
      return out;
  }
}

/** The value types a space path takes: from the generator schemas or the base scenario. */
function expectedTypes(base: Scenario, parts: string[], path: string): Set<string> {
  if (parts[0] === "layout" && parts.length === 2) {
    const out = new Set<string>();
    for (const schema of [traditionalSpecSchema, fishboneSpecSchema, flyingVSpecSchema]) {
      const field = (schema.shape as Record<string, unknown>)[parts[1]];
      for (const t of primitiveTypes(field)) out.add(t);
    }
    return out;
  }
  const current = getPath(base, path);
  return ["number", "string", "boolean"].includes(typeof current)
    ? new Set([typeof current])
    : new Set();
}

/** Reports space values of the wrong type (a text where a number is expected). */
function checkValueTypes(
  base: Scenario,
  path: string,
  values: readonly unknown[],
  file: string,
): InputIssue[] {
  const types = expectedTypes(base, splitPath(path), path);
  if (types.size === 0) return [];
  const issues: InputIssue[] = [];
  values.forEach((v, i) => {
    if (!types.has(typeof v)) {
      issues.push({
        file,
        path: `space.${path}[${i}]`,
        value: v,
        expected: [...types].map(withArticle).join(" or "),
      });
    }
  });
  return issues;
}

/**
 * Checks a spec's space against the base scenario: every key names something that can be
 * set and every value has the right type. Well-typed values that make an infeasible
 * scenario are not errors here; those candidates are rejected with their reason.
 */
export function checkSpace(
  base: Scenario,
  space: Record<string, readonly unknown[]>,
  file: string,
): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const [path, values] of Object.entries(space)) {
    if (!Array.isArray(values)) continue;
    if (path === WAVE_INTERVAL_KEY) {
      values.forEach((v, i) => {
        if (typeof v !== "number" || v < 0 || (v > 0 && (v < 5 || v > 1440))) {
          issues.push({
            file,
            path: `space.${path}[${i}]`,
            value: v,
            expected: "0 (continuous) or minutes from 5 to 1440",
          });
        }
      });
      continue;
    }
    const parts = splitPath(path);
    if (parts[0] === "layout" && parts.length >= 2) {
      if (!LAYOUT_KEYS.has(parts[1])) {
        const hint = didYouMean(parts[1], LAYOUT_KEYS);
        issues.push({
          file,
          path: `space.${path}`,
          value: parts[1],
          expected: hint
            ? `a layout parameter; did you mean ${hint}?`
            : "a layout generator parameter",
        });
      } else if (parts[1] !== "generator") {
        issues.push(...checkValueTypes(base, path, values, file));
      }
      if (parts[1] === "generator") {
        values.forEach((v, i) => {
          if (!GENERATORS.includes(v as (typeof GENERATORS)[number])) {
            issues.push({
              file,
              path: `space.${path}[${i}]`,
              value: v,
              expected: GENERATORS.join(", "),
            });
          }
        });
      }
      continue;
    }
    const pathIssues = checkPath(base, path, `${file}: space`);
    issues.push(...pathIssues);
    if (pathIssues.length === 0) issues.push(...checkValueTypes(base, path, values, file));
  }
  return issues;
}

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

/** Floor positions (one level) of a traditional spec: aisles × 2 sides × bays × slots. */
function traditionalFloorSlots(layout: Record<string, unknown>): number {
  const aisles = Number(layout.aisles ?? 0);
  const bays = Number(layout.baysPerAisle ?? 0);
  const slots = Number(layout.slotsPerBay ?? 2);
  return aisles * 2 * bays * slots;
}

/** A field of a layout that the target generator cannot keep, and why. */
export interface UnkeptField {
  field: string;
  value: unknown;
  why: string;
}

/** Fields of a traditional layout that fishbone and flying-V cannot keep. */
function unkeptByDesign(layout: Record<string, unknown>, generator: string): UnkeptField[] {
  const out: UnkeptField[] = [];
  for (const field of ["returnsPositions", "quarantinePositions"]) {
    if (Number(layout[field] ?? 0) > 0)
      out.push({
        field,
        value: layout[field],
        why: `${generator} has no returns or quarantine area`,
      });
  }
  if (layout.pd !== undefined && layout.pd !== "center")
    out.push({
      field: "pd",
      value: layout.pd,
      why: `${generator} has its P&D point at the centre`,
    });
  return out;
}

/** Forward aisles of a traditional layout (at most its aisles), 0 without a forward area. */
function forwardAislesOf(layout: Record<string, unknown>): number {
  const forward = layout.forward as { aisles?: number } | undefined;
  return forward ? Math.min(Number(forward.aisles ?? 0), Number(layout.aisles ?? 0)) : 0;
}

/** An aisle design from a traditional layout: its reserve floor positions, forward bays, docks. */
function designFromTraditional(
  layout: Record<string, unknown>,
  out: Record<string, unknown>,
): void {
  const bays = Number(layout.baysPerAisle ?? 0);
  const forwardAisles = forwardAislesOf(layout);
  if (layout.forward !== undefined) {
    const { aisles: _aisles, ...racking } = layout.forward as Record<string, unknown>;
    out.forward = { ...racking, bays: Math.max(1, forwardAisles * 2 * bays) };
  }
  if (layout.docks !== undefined) out.docks = layout.docks;
  const reserveAisles = Number(layout.aisles ?? 0) - forwardAisles;
  out.storageSlots = traditionalFloorSlots({ ...layout, aisles: reserveAisles });
}

/** A traditional layout from an aisle design: aisles and bays for its storage, its docks. */
function traditionalFromDesign(
  layout: Record<string, unknown>,
  out: Record<string, unknown>,
): void {
  const slots = Number(layout.storageSlots ?? 0);
  const perBay = 2 * Number(layout.slotsPerBay ?? 2);
  const aisles = Number(layout.aisles ?? Math.max(1, Math.round(Math.sqrt(slots / perBay / 2))));
  const forward = layout.forward as Record<string, unknown> | undefined;
  // Forward aisles and bays per aisle depend on each other: settle them in a few rounds.
  let forwardAisles = 0;
  let bays = 1;
  for (let round = 0; round < 6; round++) {
    bays = Math.max(1, Math.ceil(slots / (Math.max(1, aisles - forwardAisles) * perBay)));
    if (forward) forwardAisles = Math.max(1, Math.round(Number(forward.bays) / (2 * bays)));
  }
  const reserveAisles = Math.max(1, aisles - forwardAisles);
  out.aisles = reserveAisles + forwardAisles;
  out.baysPerAisle = Math.max(1, Math.ceil(slots / (reserveAisles * perBay)));
  if (forward) {
    const { bays: _bays, ...racking } = forward;
    out.forward = { ...racking, aisles: forwardAisles };
  }
  const doors = Number(layout.doorsPerSide ?? 1);
  out.docks = layout.docks ?? {
    flow: "U",
    inbound: doors,
    outbound: doors,
    stagingLanesPerDoor: 0,
  };
}

/**
 * Switches a layout spec to another generator keeping what the layouts share: storage
 * positions by type (an aisle design gets the traditional layout's reserve floor positions
 * at the same levels, slots, location type and capacity, and its forward aisles' bays as
 * forward bays nearest the P&D point), pack stations, dock doors by flow and staging lanes.
 * Fields the target generator cannot keep come back in `unkept` (the caller refuses the
 * spec); the generators' own shape parameters (cross aisles, aspect ratio, V slope) are not
 * kept.
 */
export function convertGenerator(
  layout: Record<string, unknown>,
  generator: string,
): { layout: Record<string, unknown>; unkept: UnkeptField[] } {
  if (layout.generator === generator) return { layout, unkept: [] };
  const keys = GENERATOR_KEYS[generator];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(layout)) {
    if (keys.has(k) && k !== "forward" && k !== "docks") out[k] = v;
  }
  out.generator = generator;
  const unkept: UnkeptField[] = [];
  if (generator === "traditional") {
    if (layout.widthM !== undefined)
      unkept.push({
        field: "widthM",
        value: layout.widthM,
        why: "traditional is sized by aisles and bays",
      });
    traditionalFromDesign(layout, out);
    return { layout: out, unkept };
  }
  if (layout.generator === "traditional") {
    unkept.push(...unkeptByDesign(layout, generator));
    designFromTraditional(layout, out);
    return { layout: out, unkept };
  }
  // Between the aisle designs everything they share is kept as it is.
  for (const k of ["forward", "docks"]) if (layout[k] !== undefined) out[k] = layout[k];
  if (layout.storageSlots !== undefined && out.widthM === undefined)
    out.storageSlots = layout.storageSlots;
  return { layout: out, unkept };
}

/** Storage locations by type of a built layout. */
export function locationsByType(layout: {
  locations: readonly { type: string }[];
}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of layout.locations) out[l.type] = (out[l.type] ?? 0) + 1;
  return out;
}

/**
 * Why two layouts' storage differs by more than `tolerance` (a share) in some location
 * type, counted in positions (locations at every level); undefined when within it.
 */
export function storageDifference(
  from: Record<string, number>,
  to: Record<string, number>,
  tolerance: number,
): string | undefined {
  for (const type of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const a = from[type] ?? 0;
    const b = to[type] ?? 0;
    if (Math.abs(b - a) > tolerance * Math.max(a, 1))
      return `${b} ${type} positions against ${a} before the generator switch (tolerance ${tolerance * 100} %)`;
  }
  return undefined;
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
  const size = axes.reduce((n, [, v]) => n * v.length, 1);
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
    let rest = p;
    const settings: Record<string, number | string | boolean> = {};
    for (let i = axes.length - 1; i >= 0; i--) {
      const [path, values] = axes[i];
      settings[path] = values[rest % values.length];
      rest = Math.floor(rest / values.length);
    }
    const ordered: Record<string, number | string | boolean> = {};
    for (const [path] of axes) ordered[path] = settings[path];
    let data = structuredClone(base) as unknown as Record<string, unknown>;
    const generator = ordered["layout.generator"] as string | undefined;
    let layout = data.layout as Record<string, unknown>;
    // Layout parameters apply before a generator switch, so equal storage follows aisles
    // and bays; parameters the target generator lacks are dropped by the switch.
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
        for (const u of converted.unkept) unkeptIssue(issues, file, spec, generator, u);
      else if (generator !== "traditional") delete layout.docks;
      markNotApplicable(ordered, generator);
    }
    data = { ...data, layout };
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
    const id = idOf(ordered);
    let scenario: Scenario;
    try {
      scenario = checkScenario(data, `candidate ${id}`);
    } catch (error) {
      if (!isInputError(error)) throw error;
      out.push({
        id,
        settings: ordered,
        scenario: data as unknown as Scenario,
        rejected: `invalid: ${error.issues
          .map((i) => `${i.path}: ${showValue(i.value)} (${i.expected})`)
          .join("; ")}`,
      });
      continue;
    }
    // Different settings can give the same scenario (e.g. aisles for a fishbone): keep one.
    const key = JSON.stringify(scenario);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id, settings: ordered, scenario, ...(storageFrom ? { storageFrom } : {}) });
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

/** Why a converted layout's storage differs from its source layout's, if it does. */
function storageCheck(
  source: Record<string, unknown>,
  converted: LayoutMetrics,
  tolerance: number,
): string | undefined {
  try {
    const built = buildLayout(source as LayoutSpecInput);
    return storageDifference(locationsByType(built), converted.locationsByType, tolerance);
  } catch (error) {
    if (!isInputError(error)) throw error;
    return undefined; // the source is only a sizing step; the converted layout was built
  }
}

/** Builds the candidate's layout and measures it; an unbuildable layout is rejected. */
export function measureLayout(scenario: Scenario): LayoutMetrics {
  const layout = scenarioLayout(scenario);
  const travel = createTravelModel(layout);
  return {
    widthM: layout.widthM,
    depthM: layout.depthM,
    areaM2: layout.widthM * layout.depthM,
    locations: layout.locations.length,
    locationsByType: locationsByType(layout),
    avgSingleCommandDistanceM: avgSingleCommandDistanceM(travel),
  };
}

/**
 * Screens candidates: constraint violations and invalid layouts are rejected; of the rest,
 * the layouts with the least analytic single-command travel are kept (every policy variant
 * of a kept layout stays, since the estimate cannot tell policies apart).
 */
export function screenCandidates(
  candidates: SearchCandidate[],
  spec: OptimizeSpec,
): SearchCandidate[] {
  const c = spec.constraints;
  const feasible: SearchCandidate[] = [];
  const metricsByLayout = new Map<string, LayoutMetrics | string>();
  for (const cand of candidates) {
    if (cand.rejected) continue;
    const layoutKey = JSON.stringify(cand.scenario.layout);
    let m = metricsByLayout.get(layoutKey);
    if (m === undefined) {
      try {
        m = measureLayout(cand.scenario);
      } catch (error) {
        if (!isInputError(error)) throw error;
        m = `invalid layout: ${error.message.split("\n")[0]}`;
      }
      metricsByLayout.set(layoutKey, m);
    }
    if (typeof m === "string") {
      cand.rejected = m;
      continue;
    }
    cand.metrics = m;
    const broken: string[] = [];
    if (c.maxWidthM !== undefined && m.widthM > c.maxWidthM)
      broken.push(`width ${m.widthM.toFixed(1)} m > ${c.maxWidthM}`);
    if (c.maxDepthM !== undefined && m.depthM > c.maxDepthM)
      broken.push(`depth ${m.depthM.toFixed(1)} m > ${c.maxDepthM}`);
    if (c.maxAreaM2 !== undefined && m.areaM2 > c.maxAreaM2)
      broken.push(`area ${m.areaM2.toFixed(0)} m² > ${c.maxAreaM2}`);
    if (c.minStorageLocations !== undefined && m.locations < c.minStorageLocations) {
      broken.push(`${m.locations} locations < ${c.minStorageLocations}`);
    }
    const unequal = cand.storageFrom && storageCheck(cand.storageFrom, m, spec.storageTolerance);
    if (unequal) broken.push(`storage ${unequal}`);
    if (broken.length > 0) cand.rejected = `infeasible: ${broken.join(", ")}`;
    else feasible.push(cand);
  }
  // Cost objectives screen by the analytic cost estimate, others by single-command travel.
  const byCost = spec.model === "warehouse" && objectiveKpi(spec).startsWith("annualCost.");
  const score = new Map<string, number>();
  for (const f of feasible) {
    const key = JSON.stringify(f.scenario.layout);
    const m = f.metrics!;
    if (byCost) {
      f.costEstimate = estimateAnnualCost(f.scenario, m);
      score.set(key, Math.min(score.get(key) ?? Number.POSITIVE_INFINITY, f.costEstimate.total));
    } else score.set(key, m.avgSingleCommandDistanceM);
  }
  const layouts = [...score.keys()].sort((a, b) => score.get(a)! - score.get(b)!);
  const kept: SearchCandidate[] = [];
  for (const layout of layouts) {
    const group = feasible.filter((f) => JSON.stringify(f.scenario.layout) === layout);
    if (kept.length > 0 && kept.length + group.length > spec.screen.keep) {
      for (const g of group)
        g.rejected = byCost
          ? `screened out: higher analytic annual cost (${Math.round(score.get(layout)!)})`
          : "screened out: longer analytic single-command travel";
      continue;
    }
    kept.push(...group);
  }
  return kept;
}

/** A row of the optimization's ranked table. */
export interface OptimizationRow extends Partial<RankedCandidate> {
  id: string;
  /** Headcount per role per shift the candidate was simulated with. */
  crew?: Crew;
  /** The analytic annual cost estimate of the screen. */
  costEstimate?: CostEstimate;
  settings: Record<string, number | string | boolean>;
  metrics?: LayoutMetrics;
  rejected?: string;
}

/** What optimizeLayout() returns (optimization.json without the envelope). */
export interface OptimizationResult {
  status: SearchStatus;
  objective: { kpi: string; sense: "minimize" | "maximize" };
  /** Service targets a winner must meet (judged by the feasibility check). */
  targets: ServiceTarget[];
  winner?: string;
  /** The winner's layout spec, ready to write as a `layouts/` file. */
  winnerLayout?: LayoutSpec;
  /** The finalists and today's option in money and service, and the recommendation. */
  answer?: Answer;
  /** The winner's scenario (its crew included), for the results folder; not in the JSON. */
  winnerScenario?: Scenario;
  winnerSettings?: Record<string, number | string | boolean>;
  ranking: OptimizationRow[];
  candidates: { total: number; rejected: number; simulated: number };
  evaluations: number;
  /** Replications a full evaluation (every simulated candidate × the most any received) would take. */
  fullEvaluations: number;
  indifferenceZone: number;
  rounds: unknown[];
  selection?: unknown;
  comparison?: unknown;
  why: string[];
}

/** Options for optimizeLayout(). */
export interface OptimizeLayoutOptions {
  seed: number;
  /** Overrides the spec's budget. */
  budget?: number;
  signal?: AbortSignal;
  onResult?(outcome: ReplicationOutcome): void;
  /** Called when a stage starts: `screen`, `crews`, `race and select`. */
  onStage?(stage: string): void;
  /** The spec file, for messages. */
  file?: string;
}

/** Enumerates, screens, races and selects. Statuses, not exceptions, for expected outcomes. */
export async function optimizeLayout(
  executor: Executor,
  base: Scenario,
  spec: OptimizeSpec,
  options: OptimizeLayoutOptions,
): Promise<OptimizationResult> {
  const objective = objectiveFor(
    objectiveKpi(spec),
    typeof spec.objective === "object" ? spec.objective.sense : undefined,
  );
  const targetIssues: InputIssue[] = [];
  const targets = parseServiceTargets(
    targetInputs(spec),
    options.file ?? "<spec>",
    "targets",
    targetIssues,
  );
  if (targetIssues.length > 0) throw new InputError(targetIssues);
  options.onStage?.("screen");
  const all = enumerateCandidates(base, spec, options.file);
  const screened = screenCandidates(all, spec);
  const enumerated = all.length;
  let kept: SearchCandidate[] = screened;
  let pilotEvaluations = 0;
  if (spec.model === "warehouse" && spec.crew.search && screened.length > 0) {
    options.onStage?.("crews");
    const crewed = await withCrews(executor, screened, {
      seed: options.seed,
      efficiencies: spec.crew.efficiencies,
      pilotReplications: spec.crew.pilotReplications,
      roles: spec.crew.roles,
      targets,
      costKpi: objective.kpi.startsWith("annualCost.") ? objective.kpi : "annualCost.total",
      maxRounds: spec.crew.maxRounds,
      signal: options.signal,
      onResult: options.onResult,
    });
    kept = crewed.candidates;
    pilotEvaluations = crewed.evaluations;
    all.push(...kept.filter((c) => !all.some((a) => a.id === c.id)));
  }
  options.onStage?.("race and select");
  const iz = spec.selection.indifferenceZone;
  const selected = await selectBest(
    executor,
    kept.map((c) => ({ id: c.id, scenario: c.scenario })),
    {
      objective,
      seed: options.seed,
      indifferenceZone:
        typeof iz === "number" ? { absolute: iz } : { relative: Number(iz.slice(0, -1)) / 100 },
      alpha: spec.selection.alpha,
      race: spec.race,
      selection: {
        initialReplications: spec.selection.initialReplications,
        maxReplications: spec.selection.maxReplications,
      },
      budget: (options.budget ?? spec.budget) - pilotEvaluations,
      targets,
      signal: options.signal,
      onResult: options.onResult,
    },
  );
  if (
    selected.outcomes.length > 0 &&
    !selected.outcomes.some((o) => o.kpis[objective.kpi] !== undefined)
  ) {
    throw new InputError({
      file: options.file ?? "<spec>",
      path: "objective",
      value: objective.kpi,
      expected: `a KPI the model reports: ${Object.keys(selected.outcomes[0].kpis).join(", ")}`,
    });
  }
  const byId = new Map(all.map((c) => [c.id, c]));
  const ranking: OptimizationRow[] = [
    ...selected.ranking.map((r) => ({
      ...r,
      settings: byId.get(r.id)!.settings,
      metrics: byId.get(r.id)!.metrics,
      crew: byId.get(r.id)!.crew,
      costEstimate: byId.get(r.id)!.costEstimate,
    })),
    ...all
      .filter((c) => c.rejected)
      .map((c) => ({ id: c.id, settings: c.settings, metrics: c.metrics, rejected: c.rejected })),
  ];
  const winner = selected.winner ? byId.get(selected.winner) : undefined;
  const why = [...selected.why];
  const layoutsSimulated = new Set(kept.map((c) => JSON.stringify(c.scenario.layout))).size;
  if (winner?.metrics && layoutsSimulated > 1) {
    // Other layouts only: policy variants of the winner's layout share its metrics.
    const winnerLayout = JSON.stringify(winner.scenario.layout);
    const others = kept.filter(
      (c) => c.metrics && JSON.stringify(c.scenario.layout) !== winnerLayout,
    );
    const bestOther = others.sort(
      (a, b) => a.metrics!.avgSingleCommandDistanceM - b.metrics!.avgSingleCommandDistanceM,
    )[0];
    why.push(
      `layout: ${winner.metrics.locations} locations in ${winner.metrics.widthM.toFixed(1)} × ${winner.metrics.depthM.toFixed(1)} m; mean single-command trip ${winner.metrics.avgSingleCommandDistanceM.toFixed(1)} m` +
        (bestOther?.metrics
          ? ` (shortest among the other simulated layouts ${bestOther.metrics.avgSingleCommandDistanceM.toFixed(1)} m).`
          : "."),
    );
  }
  if (winner?.crew) why.push(...crewWhy(winner, kept, selected.ranking, base));
  const answer =
    winner && spec.model === "warehouse" && objective.kpi === "annualCost.total"
      ? await answerFor(executor, base, kept, selected, {
          ...options,
          alpha: spec.selection.alpha,
          targets,
          volumeReplications: spec.sensitivity.volumeReplications,
        })
      : undefined;
  const maxReps = Math.max(
    0,
    ...kept.map((c) => selected.outcomes.filter((o) => o.candidate === c.id).length),
  );
  return {
    status: kept.length === 0 ? "infeasible" : selected.status,
    objective,
    targets,
    winner: selected.winner,
    winnerLayout: winner?.scenario.layout,
    winnerScenario: winner?.scenario,
    winnerSettings: winner?.settings,
    ranking,
    candidates: {
      total: enumerated,
      rejected: all.filter((c) => c.rejected).length,
      simulated: kept.length,
    },
    evaluations: selected.evaluations + pilotEvaluations + (answer?.evaluations ?? 0),
    ...(answer ? { answer } : {}),
    fullEvaluations: kept.length * maxReps,
    indifferenceZone: selected.indifferenceZone,
    rounds: selected.rounds,
    selection: selected.selection,
    comparison: selected.comparison,
    why: kept.length === 0 ? ["no candidate satisfies the constraints", ...why] : why,
  };
}

/**
 * The winner's crew in words: against the base scenario's and against the best candidate
 * of another layout ("… needs 2 pickers fewer on the day shift").
 */
function crewWhy(
  winner: SearchCandidate,
  kept: readonly SearchCandidate[],
  ranking: readonly RankedCandidate[],
  base: Scenario,
): string[] {
  const crew = winner.crew!;
  const today = crewSentence(crewOf(base), crew);
  const out = [
    `crew of ${winner.id} against today's: ${today ? `it ${today}` : "the same"} (${crewDifference(crewOf(base), crew).join("; ") || "no change"}).`,
  ];
  const winnerLayout = JSON.stringify(winner.scenario.layout);
  const other = ranking
    .map((r) => kept.find((c) => c.id === r.id))
    .find((c) => c?.crew && JSON.stringify(c.scenario.layout) !== winnerLayout);
  if (other?.crew) {
    const versus = crewSentence(other.crew, crew);
    out.push(
      `against the best other layout ${other.id}, the winner ${versus || "needs the same crew"}.`,
    );
  }
  return out;
}

/** The answer for the winner and the other finalists, against today's layout and crew. */
async function answerFor(
  executor: Executor,
  base: Scenario,
  kept: readonly SearchCandidate[],
  selected: SelectResult,
  options: OptimizeLayoutOptions & {
    alpha: number;
    targets: readonly ServiceTarget[];
    volumeReplications: number;
  },
): Promise<Answer> {
  const finalists = selected.ranking
    .filter((r) => r.reached === "winner" || r.reached === "finalist")
    .map((r) => kept.find((c) => c.id === r.id)!);
  const sel = selected.selection;
  const confidence =
    sel?.status === "optimal"
      ? `The selection is sure with probability at least ${Math.round((1 - options.alpha) * 100)} % that this is the least-cost option meeting the service targets whenever it leads by ${Math.round(selected.indifferenceZone).toLocaleString("en-US")} or more a year (the indifference zone); closer options are practically equivalent.`
      : `The selection stopped at its replication limit (${sel?.status ?? "no selection"}); this is the best mean, without a stated probability of correct selection.`;
  options.onStage?.("today's layout");
  return buildAnswer(executor, base, finalists, selected.outcomes, {
    seed: options.seed,
    winner: selected.winner!,
    firstReplication: selected.rounds.at(-1)?.replications ?? 0,
    confidence,
    targets: options.targets,
    volumeReplications: options.volumeReplications,
    signal: options.signal,
  });
}
