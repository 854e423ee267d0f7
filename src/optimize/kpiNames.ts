/**
 * The KPI names each optimization model reports, so a spec's objective is checked before
 * anything is simulated (with a "did you mean" for near misses).
 */
import { didYouMean, type InputIssue } from "../common/inputError.ts";
import { EQUIPMENT_KINDS, ROLES } from "../scenario/index.ts";
import { KPI_UNITS } from "../warehouse/measure/kpis.ts";

/** KPI families with one entry per packaging type, known only after a run. */
const OPEN_PREFIXES = ["packaging.", "packagingPerHour."];

/** The KPI names a model reports (`warehouse`: the full simulation; `unitLoad`: travel only). */
export function knownKpiNames(model: "warehouse" | "unitLoad"): string[] {
  if (model === "unitLoad") return ["travelMPerRequest", "locations"];
  return [
    ...Object.keys(KPI_UNITS),
    ...ROLES.map((r) => `utilization.${r}`),
    ...EQUIPMENT_KINDS.map((k) => `utilization.${k}`),
  ];
}

/** An issue when `name` is not a KPI the model reports, else undefined. */
export function kpiNameIssue(
  name: unknown,
  model: "warehouse" | "unitLoad",
  file: string,
  path: string,
): InputIssue | undefined {
  if (typeof name !== "string" || name === "") return undefined; // the schema reports it
  const known = knownKpiNames(model);
  if (known.includes(name)) return undefined;
  if (
    model === "warehouse" &&
    OPEN_PREFIXES.some((p) => name.startsWith(p) && name.length > p.length)
  )
    return undefined;
  const hint = didYouMean(name, known);
  return {
    file,
    path,
    value: name,
    expected: hint
      ? `a KPI name; did you mean "${hint}"?`
      : `a KPI name of the ${model} model, e.g. ${known.slice(0, 4).join(", ")}`,
  };
}
