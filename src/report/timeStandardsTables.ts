/**
 * The time standards on the assumptions page: every activity's seconds (by location type
 * where they differ), its variation, and where the figure comes from — the published
 * source of a default, or the scenario when it sets its own — and each role's pace.
 */
import { timeStandardsSchema } from "../scenario/sections/timeStandards.ts";
import { describe } from "./assumptions.ts";
import type { Cell, Table } from "./reportModel.ts";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** The defaults every field falls back to (docs/scenarios.md, Time standards). */
const DEFAULTS = timeStandardsSchema.parse({}) as unknown as Obj;

const MOST = "BasicMOST (Zandin, MOST Work Measurement Systems, 3rd ed., 2003; 1 TMU = 0.036 s)";

/** One row of the table: the scenario field, its label, its variation field and its source. */
interface Activity {
  field: string;
  label: string;
  variation: string;
  source: string;
}

const ACTIVITIES: readonly Activity[] = [
  {
    field: "palletPickUpS",
    label: "Pallet pick-up",
    variation: "palletVariation",
    source:
      "Planning assumption within the 15–25 s per pallet move at floor level of fork-truck labour standards; 5 s more to align the forks at a beam",
  },
  {
    field: "palletSetDownS",
    label: "Pallet set-down",
    variation: "palletVariation",
    source: "As pallet pick-up",
  },
  {
    field: "casePickS",
    label: "Case pick or put",
    variation: "casePick",
    source: `${MOST}: A1 B0 G3 A1 B0 P3 A0 at waist height, B6 with a bend`,
  },
  {
    field: "unitPickS",
    label: "Unit pick",
    variation: "unitPick",
    source: `${MOST}: A1 B0 G1 A1 B0 P3 A0 at waist height, B3 with a bend every other pick`,
  },
  { field: "scanS", label: "Scan (per unit)", variation: "scan", source: `${MOST}, index 5` },
  { field: "labelS", label: "Label (per order)", variation: "label", source: `${MOST}, index 8` },
  {
    field: "cartonErectS",
    label: "Carton erect (per order)",
    variation: "cartonErect",
    source: `${MOST}, index 30`,
  },
  {
    field: "wrapS",
    label: "Stretch-wrap (per outbound pallet)",
    variation: "wrap",
    source: `${MOST}, index 113`,
  },
];

/** Seconds in words: one number, or the location types grouped by their seconds. */
function seconds(value: unknown): string {
  if (!isObj(value)) return describe(value);
  const byValue = new Map<string, string[]>();
  for (const [type, s] of Object.entries(value)) {
    const key = describe(s);
    byValue.set(key, [...(byValue.get(key) ?? []), type]);
  }
  if (byValue.size === 1) return [...byValue.keys()][0];
  return [...byValue].map(([s, types]) => `${s} (${types.join(", ")})`).join("; ");
}

/** The row of one activity: its seconds, variation and source. */
function activityRow(standards: Obj, activity: Activity): Cell[] {
  const value = standards[activity.field] ?? DEFAULTS[activity.field];
  const given = seconds(value);
  const standard = seconds(DEFAULTS[activity.field]);
  const variations = isObj(standards.variation) ? standards.variation : {};
  const variation =
    activity.variation === "palletVariation"
      ? standards.palletVariation
      : variations[activity.variation];
  return [
    activity.label,
    given,
    variation === undefined ? "none (the standard)" : `× ${describe(variation)}`,
    given === standard
      ? activity.source
      : `Set by the scenario (default ${standard}: ${activity.source})`,
  ];
}

/**
 * The time-standard tables of a resolved scenario: the activities, and each role's
 * individual handling factor. None when the scenario predates time standards.
 */
export function timeStandardsTables(scenario: Obj): Table[] {
  if (!isObj(scenario.timeStandards)) return [];
  const standards = scenario.timeStandards;
  const activities: Table = {
    caption: "Time standards (seconds per occurrence, lift and travel excluded)",
    columns: ["Activity", "Seconds", "Variation (factor per occurrence)", "Source"],
    rows: ACTIVITIES.map((activity) => activityRow(standards, activity)),
  };
  const workforce = isObj(scenario.workforce) ? scenario.workforce : {};
  const roles = isObj(workforce.roles) ? workforce.roles : {};
  const pace: Table = {
    caption: "Individual pace (each worker's handling factor, drawn once per worker)",
    columns: ["Role", "Handling factor", "Source"],
    rows: Object.entries(roles)
      .filter(([, spec]) => isObj(spec))
      .map(([role, spec]) => {
        const factor = (spec as Obj).handlingFactor;
        return factor === undefined
          ? [role, "1 (every worker at the standard)", "Default"]
          : [role, `× ${describe(factor)}`, "Set by the scenario"];
      }),
  };
  return [activities, pace];
}
