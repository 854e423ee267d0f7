/**
 * Validation of a SKU master given as plain data: every problem found, each naming the
 * SKU's index and field, so the scenario loader and the CLI can report them together.
 */
import type { InputIssue } from "../common/inputError.ts";
import type { Sku } from "./types.ts";

const UNIT_LOADS = ["pallet", "case", "each"];

/** Problems in `skus` (empty when valid): ids unique and non-empty, sizes and counts positive. */
export function checkSkus(skus: readonly Sku[], file: string, path = "skus"): InputIssue[] {
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  skus.forEach((sku, i) => {
    const at = (field: string) => `${path}[${i}].${field}`;
    const bad = (field: string, value: unknown, expected: string) =>
      issues.push({ file, path: at(field), value, expected });
    if (typeof sku.id !== "string" || sku.id === "") bad("id", sku.id, "a non-empty id");
    else if (seen.has(sku.id)) bad("id", sku.id, "an id not used by an earlier SKU");
    else seen.add(sku.id);
    for (const field of ["unitCubeM3", "unitWeightKg"] as const) {
      const v = sku[field];
      if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) bad(field, v, "a number > 0");
    }
    if (!UNIT_LOADS.includes(sku.unitLoad)) bad("unitLoad", sku.unitLoad, "pallet, case or each");
    for (const field of ["unitsPerCase", "unitsPerPallet"] as const) {
      const v = sku[field];
      if (v !== undefined && !(Number.isInteger(v) && v >= 1)) bad(field, v, "an integer >= 1");
    }
    for (const field of ["shelfLifeS", "picksPerDay", "storageCubeM3"] as const) {
      const v = sku[field];
      if (v !== undefined && !(typeof v === "number" && Number.isFinite(v) && v >= 0)) {
        bad(field, v, "a number >= 0");
      }
    }
  });
  return issues;
}
