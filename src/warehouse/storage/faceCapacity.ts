/**
 * Pick-face capacity from the location's size: the whole cases of the SKU its cube and its
 * weight limit hold, in units (cases × units per case), optionally capped at a number of
 * pallets. A SKU whose case does not fit its face is bad input, named by SKU and field.
 */
import type { InputIssue } from "../../common/inputError.ts";
import type { Location } from "../../layout/index.ts";
import type { SkuInfo } from "./skuMaster.ts";

/** Tolerance for cubes that fill a face exactly (0.02 × 6 = 0.12 in floating point). */
const EPSILON = 1e-9;

/** Whole cases of `info` that `location` holds by cube and by weight. */
export function faceCases(location: Location, info: SkuInfo): number {
  const caseCubeM3 = info.unitsPerCase * info.sku.unitCubeM3;
  const caseWeightKg = info.unitsPerCase * info.sku.unitWeightKg;
  const byCube = Math.floor(location.capacity.cubeM3 / caseCubeM3 + EPSILON);
  const byWeight =
    caseWeightKg > 0
      ? Math.floor(location.capacity.weightKg / caseWeightKg + EPSILON)
      : Number.POSITIVE_INFINITY;
  return Math.min(byCube, byWeight);
}

/**
 * Units `info` keeps on its face at `location`: whole cases by cube and weight, at most
 * `capPallets` pallets in whole cases when given (never below one case).
 */
export function faceCapacityUnits(
  location: Location,
  info: SkuInfo,
  capPallets: number | undefined,
): number {
  const units = faceCases(location, info) * info.unitsPerCase;
  if (capPallets === undefined) return units;
  const capCases = Math.max(1, Math.floor((capPallets * info.unitsPerPallet) / info.unitsPerCase));
  return Math.min(units, capCases * info.unitsPerCase);
}

/**
 * Where a SKU's units per case come from, for messages: the SKU master CSV (`csv`, its file
 * name as the scenario gives it), the scenario's `skus.list`, or `skus.unitsPerCase`.
 */
export type CaseSource = { kind: "csv"; csv: string } | { kind: "list" } | { kind: "generated" };

/** File and path of a SKU's units per case in its source. */
function casePlace(source: CaseSource, info: SkuInfo): { file: string; path: string } {
  if (source.kind === "csv")
    return { file: source.csv, path: `SKU ${info.sku.id}, column unitsPerCase` };
  return {
    file: "<scenario>",
    path: source.kind === "list" ? `skus.list.${info.rank}.unitsPerCase` : "skus.unitsPerCase",
  };
}

/** The issue of a SKU whose case fits no whole time into its face (or undefined). */
export function faceFitIssue(
  location: Location,
  info: SkuInfo,
  source: CaseSource,
): InputIssue | undefined {
  if (faceCases(location, info) >= 1) return undefined;
  const caseCubeM3 = info.unitsPerCase * info.sku.unitCubeM3;
  const caseWeightKg = info.unitsPerCase * info.sku.unitWeightKg;
  return {
    ...casePlace(source, info),
    value: `${info.sku.id}: ${info.unitsPerCase} units, a case of ${round(caseCubeM3)} m³ and ${round(caseWeightKg)} kg`,
    expected: `a case that fits its pick face ${location.id} (${round(location.capacity.cubeM3)} m³, ${round(location.capacity.weightKg)} kg)`,
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
