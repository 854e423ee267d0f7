/**
 * Checks that the scenario's equipment can do its tasks in its layout: each kind serves the
 * tasks it is assigned to, fits the picking aisles and reaches the highest level it must
 * store at or pick from. Rack tasks (putaway, replenish) reach the top of every rack; picking
 * reaches the top of the forward area (without one, the pick faces are the rack positions
 * nearest the depot and their height is not checked).
 */
import type { InputIssue } from "../common/inputError.ts";
import {
  EQUIPPED_TASKS,
  type EquipmentKind,
  type EquippedTask,
  equipmentKinds,
  type LayoutSpec,
  poolMotion,
  walking,
  withOverrides,
} from "../layout/index.ts";
import type { ScenarioFile } from "./schema.ts";

/** Where a problem is reported: the file and the path prefix of the layout's fields. */
interface LayoutWhere {
  file: string;
  prefix: string;
}

/** A limit of the layout a task's equipment must meet: the value and the field it comes from. */
interface Demand {
  /** Metres: an aisle's width or a level's height. */
  metres: number;
  /** The field that sets it, and its value as written. */
  path: string;
  value: unknown;
}

/** The widest demands of a layout: its narrowest picking aisle and its highest levels. */
interface LayoutDemands {
  aisle: Demand | undefined;
  rackTop: Demand | undefined;
  pickTop: Demand | undefined;
}

/** Every problem of the equipment against its tasks and the layout, each naming its field. */
export function equipmentIssues(
  data: Pick<ScenarioFile, "equipment">,
  layout: LayoutSpec,
  file: string,
  where: LayoutWhere,
): InputIssue[] {
  const issues: InputIssue[] = [];
  const demands = layoutDemands(layout);
  for (const task of EQUIPPED_TASKS) {
    const kind = data.equipment.tasks[task];
    const path = `equipment.tasks.${task}`;
    const motion =
      kind === "none"
        ? withOverrides(walking, data.equipment.walking)
        : poolMotion(kind, data.equipment.pools[kind]);
    if (kind !== "none" && !servesTask(kind, task)) {
      issues.push({ file, path, value: kind, expected: `a kind that serves ${task}` });
      continue;
    }
    if (task === "unload" || task === "load") continue;
    const label = kind === "none" ? "walking" : kind;
    const aisle = demands.aisle;
    if (aisle && aisle.metres < motion.minAisleWidthM) {
      issues.push({
        file: where.file,
        path: `${where.prefix}${aisle.path}`,
        value: aisle.value,
        expected: `at least ${motion.minAisleWidthM} m, the narrowest aisle ${label} (${path}) works in`,
      });
    }
    const top = task === "pick" ? demands.pickTop : demands.rackTop;
    if (top && top.metres > motion.maxLiftM + 1e-9) {
      issues.push({
        file: where.file,
        path: `${where.prefix}${top.path}`,
        value: top.value,
        expected: `a top level at most ${motion.maxLiftM} m high (it is ${round(top.metres)} m), the reach of ${label} (${path})`,
      });
    }
  }
  return issues;
}

function servesTask(kind: EquipmentKind, task: EquippedTask): boolean {
  return equipmentKinds[kind].tasks.includes(task);
}

function round(metres: number): number {
  return Math.round(metres * 1000) / 1000;
}

/** The narrowest picking aisle and the highest levels of a layout specification. */
function layoutDemands(layout: LayoutSpec): LayoutDemands {
  if (layout.generator === "explicit") return explicitDemands(layout);
  const rack: Demand = {
    metres: (layout.levels - 1) * layout.levelHeightM,
    path: "levels",
    value: layout.levels,
  };
  const forward =
    layout.generator === "traditional" && layout.forward
      ? {
          metres: (layout.forward.levels - 1) * layout.forward.levelHeightM,
          path: "forward.levels",
          value: layout.forward.levels,
        }
      : undefined;
  return {
    aisle: { metres: layout.aisleWidthM, path: "aisleWidthM", value: layout.aisleWidthM },
    rackTop: forward && forward.metres > rack.metres ? forward : rack,
    pickTop: forward,
  };
}

/** Demands of explicit geometry: aisle by aisle, location by location. */
function explicitDemands(layout: Extract<LayoutSpec, { generator: "explicit" }>): LayoutDemands {
  let aisle: Demand | undefined;
  layout.aisles.forEach((a, i) => {
    if (!aisle || a.widthM < aisle.metres)
      aisle = { metres: a.widthM, path: `aisles[${i}].widthM`, value: a.widthM };
  });
  const forwardZones = new Set(layout.zones.filter((z) => z.kind === "forward").map((z) => z.id));
  let rackTop: Demand | undefined;
  let pickTop: Demand | undefined;
  layout.locations.forEach((l, i) => {
    const demand = { metres: l.heightM, path: `locations[${i}].heightM`, value: l.heightM };
    if (!rackTop || l.heightM > rackTop.metres) rackTop = demand;
    if (forwardZones.has(l.zone) && (!pickTop || l.heightM > pickTop.metres)) pickTop = demand;
  });
  return { aisle, rackTop, pickTop };
}
