/**
 * Reading layout specifications: YAML or JSON text → validated `LayoutSpec` → `Layout`.
 * Every problem is collected and thrown together as one `InputError`
 * (`file: path: value (expected)`), unknown keys with a "did you mean" suggestion.
 */
import type { z } from "zod";
import { didYouMean, InputError, type InputIssue } from "../common/inputError.ts";
import { readYaml } from "../common/readYaml.ts";
import { explicitLayout } from "./generators/explicit.ts";
import { fishboneLayout } from "./generators/fishbone.ts";
import { flyingVLayout } from "./generators/flyingV.ts";
import { frontRowNeedM, traditionalLayout, traditionalWidthM } from "./generators/traditional.ts";
import { type LayoutSpec, type LayoutSpecInput, layoutSpecSchema } from "./spec.ts";
import { createTravelModel } from "./travelModel.ts";
import type { Layout } from "./types.ts";

/** Largest layout file accepted, characters. */
export const MAX_LAYOUT_CHARS = 20_000_000;
/** Most locations a generated layout may have. */
export const MAX_LOCATIONS = 2_000_000;
/** Most YAML aliases accepted (guards against alias-expansion bombs). */
export const MAX_YAML_ALIASES = 100;

/** Parses YAML (or JSON, by extension or a leading `{`) into plain data; throws InputError. */
export function parseLayoutText(text: string, fileName: string): unknown {
  if (text.length > MAX_LAYOUT_CHARS) {
    throw new InputError({
      file: fileName,
      path: "",
      value: `${text.length} characters`,
      expected: `a layout file of at most ${MAX_LAYOUT_CHARS} characters`,
    });
  }
  const json = fileName.toLowerCase().endsWith(".json") || text.trimStart().startsWith("{");
  if (json) {
    try {
      JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const line = /line (\d+)/i.exec(message);
      throw new InputError({
        file: fileName,
        path: line ? `line ${line[1]}` : "",
        value: message.split("\n")[0],
        expected: "valid JSON",
      });
    }
  }
  // JSON is YAML: one reader bounds the nesting and finds duplicate keys for both.
  return readYaml(text, {
    file: fileName,
    maxAliasCount: MAX_YAML_ALIASES,
    expected: json ? "valid JSON" : "valid YAML",
  });
}

/** The value at a zod path inside `data` (undefined if absent). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** The object keys the schema allows at `path` (for "did you mean"). */
function keysAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] {
  let s: any = schema;
  let v: unknown = data;
  for (let i = 0; i <= path.length; i++) {
    for (let guard = 0; guard < 10; guard++) {
      const def = s?._zod?.def;
      if (!def) return [];
      if (def.type === "default" || def.type === "optional" || def.type === "nullable") {
        s = def.innerType;
      } else if (def.type === "union") {
        const tag = (v as Record<string, unknown> | undefined)?.generator;
        const pick = def.options.find((o: any) =>
          o._zod.def.shape?.generator?._zod.def.values?.includes(tag),
        );
        if (!pick) return [];
        s = pick;
      } else break;
    }
    const def = s._zod.def;
    if (i === path.length) return def.type === "object" ? Object.keys(def.shape) : [];
    const key = path[i];
    if (def.type === "object") s = def.shape[key as string];
    else if (def.type === "array") s = def.element;
    else return [];
    v = (v as Record<PropertyKey, unknown> | undefined)?.[key];
  }
  return [];
}

const joinPath = (base: string, path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, key) =>
      typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
    base,
  );

/** Converts zod issues to InputIssues with the bad value and what was expected. */
export function zodIssuesToInput(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  file: string,
  basePath = "",
  schema: z.ZodType = layoutSpecSchema,
): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const raw = issue as any;
    if (issue.code === "unrecognized_keys") {
      const known = keysAt(schema, data, issue.path);
      for (const key of issue.keys) {
        const guess = didYouMean(key, known);
        out.push({
          file,
          path: joinPath(basePath, [...issue.path, key]),
          value: valueAt(data, [...issue.path, key]),
          expected: guess
            ? `unknown key; did you mean "${guess}"?`
            : `unknown key; known: ${known.join(", ")}`,
        });
      }
      continue;
    }
    let expected: string;
    const value = valueAt(data, issue.path);
    switch (issue.code) {
      case "invalid_type":
        expected = value === undefined ? `required ${raw.expected}` : `${raw.expected}`;
        break;
      case "too_small":
        expected =
          raw.origin === "array"
            ? `at least ${raw.minimum} item(s)`
            : raw.origin === "string"
              ? "a non-empty string"
              : `${raw.inclusive === false ? ">" : ">="} ${raw.minimum}`;
        break;
      case "too_big":
        expected = raw.origin === "array" ? `at most ${raw.maximum} items` : `<= ${raw.maximum}`;
        break;
      case "invalid_value":
        expected = `one of ${(raw.values as unknown[]).map((x) => JSON.stringify(x)).join(", ")}`;
        break;
      case "invalid_union":
        expected = raw.options
          ? `one of ${(raw.options as unknown[]).map((x) => JSON.stringify(x)).join(", ")}`
          : "a valid alternative";
        break;
      default:
        expected = issue.message.replace(/^Invalid input: /, "").toLowerCase();
    }
    if (issue.code === "invalid_type" && raw.expected === "int") expected = "an integer";
    if (issue.code === "invalid_format" || raw.format === "safeint") expected = "an integer";
    out.push({ file, path: joinPath(basePath, issue.path), value, expected });
  }
  return out;
}

/** Checks beyond the schema (cross references, unique ids, sizing). */
function semanticIssues(spec: LayoutSpec, file: string, basePath: string): InputIssue[] {
  const at = (path: string) => (basePath ? `${basePath}.${path}` : path);
  switch (spec.generator) {
    case "fishbone":
    case "flyingV":
      return angledSizeIssues(spec, file, at);
    case "traditional":
      return traditionalIssues(spec, file, at);
    case "explicit":
      return explicitIssues(spec, file, at);
  }
}

type SpecOf<G extends LayoutSpec["generator"]> = Extract<LayoutSpec, { generator: G }>;
type PathOf = (path: string) => string;

/** A fishbone or flying-V building: sized by widthM and depthM or by storageSlots, within bounds. */
function angledSizeIssues(
  spec: SpecOf<"fishbone" | "flyingV">,
  file: string,
  at: PathOf,
): InputIssue[] {
  const out: InputIssue[] = [];
  const sized = spec.widthM !== undefined && spec.depthM !== undefined;
  const pitch = spec.aisleWidthM + 2 * spec.rackDepthM;
  const floorSlots = sized
    ? ((spec.widthM! * spec.depthM!) / (pitch * spec.bayWidthM)) * 2 * spec.slotsPerBay
    : (spec.storageSlots ?? 0);
  if (floorSlots * spec.levels > MAX_LOCATIONS) {
    out.push({
      file,
      path: at(sized ? "widthM" : "storageSlots"),
      value: sized ? spec.widthM : spec.storageSlots,
      expected: `a building of at most ${MAX_LOCATIONS} locations (about ${Math.round(floorSlots * spec.levels)} asked)`,
    });
  }
  if (!sized && spec.storageSlots === undefined) {
    out.push({
      file,
      path: at(spec.widthM === undefined ? "widthM" : "depthM"),
      value: undefined,
      expected: "widthM and depthM, or storageSlots",
    });
  }
  return out;
}

/** A traditional layout: its size, its front row, its cross aisles and forward area. */
function traditionalIssues(spec: SpecOf<"traditional">, file: string, at: PathOf): InputIssue[] {
  const out: InputIssue[] = [];
  const perBay = spec.levels * spec.slotsPerBay;
  const count = spec.aisles * 2 * spec.baysPerAisle * perBay;
  if (count > MAX_LOCATIONS) {
    out.push({
      file,
      path: at("baysPerAisle"),
      value: spec.baysPerAisle,
      expected: `at most ${MAX_LOCATIONS} locations in all (aisles × 2 × bays × levels × slots = ${count})`,
    });
  }
  const need = frontRowNeedM(spec);
  const width = traditionalWidthM(spec);
  if (need > width) {
    out.push({
      file,
      path: at("packStations"),
      value: spec.packStations,
      expected: `pack stations (at least 1.5 m each) and returns/quarantine positions (1.3 m each) that fit the ${width.toFixed(1)} m front row (${need.toFixed(1)} m asked)`,
    });
  }
  if (spec.crossAisles >= spec.baysPerAisle) {
    out.push({
      file,
      path: at("crossAisles"),
      value: spec.crossAisles,
      expected: `fewer than baysPerAisle (${spec.baysPerAisle}): every block needs a bay`,
    });
  }
  if (spec.forward && spec.forward.aisles > spec.aisles) {
    out.push({
      file,
      path: at("forward.aisles"),
      value: spec.forward.aisles,
      expected: `at most aisles (${spec.aisles})`,
    });
  }
  return out;
}

/** An explicit layout: unique ids, and locations in known aisles and zones. */
function explicitIssues(spec: SpecOf<"explicit">, file: string, at: PathOf): InputIssue[] {
  const out: InputIssue[] = [];
  const ids = new Set<string>();
  const unique = (id: string, path: string) => {
    if (ids.has(id)) out.push({ file, path: at(path), value: id, expected: "a unique id" });
    ids.add(id);
  };
  spec.aisles.forEach((a, i) => {
    unique(a.id, `aisles[${i}].id`);
  });
  spec.crossAisles.forEach((a, i) => {
    unique(a.id, `crossAisles[${i}].id`);
  });
  const aisleIds = [...ids];
  const zoneIds = spec.zones.map((z) => z.id);
  spec.locations.forEach((l, i) => {
    unique(l.id, `locations[${i}].id`);
    const aisle = unknownIdIssue(
      l.aisle,
      aisleIds,
      "an aisle id",
      file,
      at(`locations[${i}].aisle`),
    );
    if (aisle) out.push(aisle);
    const zone = unknownIdIssue(l.zone, zoneIds, "a zone id", file, at(`locations[${i}].zone`));
    if (zone) out.push(zone);
  });
  spec.docks.forEach((d, i) => {
    unique(d.id, `docks[${i}].id`);
  });
  spec.packStations.forEach((p, i) => {
    unique(p.id, `packStations[${i}].id`);
  });
  spec.pdPoints.forEach((p, i) => {
    unique(p.id, `pdPoints[${i}].id`);
  });
  return out;
}

/** An issue when `id` is none of `known`, with a "did you mean" suggestion. */
function unknownIdIssue(
  id: string,
  known: readonly string[],
  what: string,
  file: string,
  path: string,
): InputIssue | undefined {
  if (known.includes(id)) return undefined;
  const guess = didYouMean(id, known);
  return { file, path, value: id, expected: guess ? `${what}; did you mean "${guess}"?` : what };
}

/**
 * Validates plain data as a layout spec (defaults filled in); throws InputError listing
 * every problem. `basePath` prefixes issue paths when the spec is embedded (e.g. `layout`).
 */
export function validateLayoutSpec(
  data: unknown,
  fileName = "<inline>",
  basePath = "",
): LayoutSpec {
  const result = layoutSpecSchema.safeParse(data);
  if (!result.success) {
    throw new InputError(zodIssuesToInput(result.error.issues, data, fileName, basePath));
  }
  const issues = semanticIssues(result.data, fileName, basePath);
  if (issues.length > 0) throw new InputError(issues);
  return result.data;
}

/** Locations and doors of an explicit layout that cannot be reached from the P&D point and back. */
function reachabilityIssues(layout: Layout, file: string, basePath: string): InputIssue[] {
  const travel = createTravelModel(layout);
  const pd = layout.pdPoints[0].id;
  const out: InputIssue[] = [];
  const at = (path: string) => (basePath ? `${basePath}.${path}` : path);
  const cut = (id: string) => !Number.isFinite(travel.distanceM(pd, id) + travel.distanceM(id, pd));
  layout.locations.forEach((l, i) => {
    if (cut(l.id)) {
      out.push({
        file,
        path: at(`locations[${i}].aisle`),
        value: l.aisle,
        expected: `an aisle connected both ways to P&D point ${pd}`,
      });
    }
  });
  layout.docks.forEach((d, i) => {
    if (cut(d.id)) {
      out.push({
        file,
        path: at(`docks[${i}]`),
        value: d.id,
        expected: `a door connected both ways to ${pd}`,
      });
    }
  });
  return out;
}

/**
 * Builds a layout from a spec object (as written inline in a scenario, or already
 * validated); validates first, so bad input throws InputError.
 */
export function buildLayout(
  spec: LayoutSpecInput | LayoutSpec,
  fileName = "<inline>",
  basePath = "",
): Layout {
  const valid = validateLayoutSpec(spec, fileName, basePath);
  switch (valid.generator) {
    case "traditional":
      return traditionalLayout(valid);
    case "fishbone":
    case "flyingV": {
      const layout = valid.generator === "fishbone" ? fishboneLayout(valid) : flyingVLayout(valid);
      if (layout.docks.some((d) => d.x < 0 || d.x > layout.widthM)) {
        throw new InputError({
          file: fileName,
          path: basePath ? `${basePath}.doorsPerSide` : "doorsPerSide",
          value: valid.doorsPerSide,
          expected: `doors that fit the ${layout.widthM.toFixed(1)} m front wall`,
        });
      }
      return layout;
    }
    case "explicit": {
      const layout = explicitLayout(valid);
      const issues = reachabilityIssues(layout, fileName, basePath);
      if (issues.length > 0) throw new InputError(issues);
      return layout;
    }
  }
}

/** Parses and builds a layout file's text (YAML or JSON). Throws InputError on bad input. */
export function loadLayout(text: string, fileName: string): Layout {
  return buildLayout(parseLayoutText(text, fileName) as LayoutSpecInput, fileName);
}
