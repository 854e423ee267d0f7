/**
 * Equipment pools: a resource per kind with the kind's motion (its definition with the
 * scenario's overrides), which pool each task uses, and the walking motion per role.
 */
import { Resource, type Simulation, TimeWeighted } from "../../engine/index.ts";
import { type Motion, poolMotion, walking, withOverrides } from "../../layout/index.ts";
import {
  EQUIPMENT_KINDS,
  EQUIPPED_TASKS,
  type EquipmentKind,
  type EquippedTask,
  ROLES,
  type Role,
  type Scenario,
} from "../../scenario/index.ts";

/** An equipment pool: a resource plus time-weighted units in use (reset at the warm-up). */
export interface EquipmentPool {
  kind: EquipmentKind;
  resource: Resource;
  count: number;
  /** Speeds, acceleration, turns and lift of the kind, with the scenario's overrides. */
  motion: Motion;
  inUse: TimeWeighted;
}

/** The pools of the scenario's equipment (kinds with at least one unit). */
export function createPools(
  sim: Simulation,
  scenario: Scenario,
): Partial<Record<EquipmentKind, EquipmentPool>> {
  const pools: Partial<Record<EquipmentKind, EquipmentPool>> = {};
  for (const kind of EQUIPMENT_KINDS) {
    const spec = scenario.equipment.pools[kind];
    if (!spec || spec.count < 1) continue;
    pools[kind] = {
      kind,
      resource: new Resource(sim, { capacity: spec.count }),
      count: spec.count,
      motion: poolMotion(kind, spec),
      inUse: new TimeWeighted(sim, 0),
    };
  }
  return pools;
}

/** The pool each equipped task takes a unit from (undefined: the task walks). */
export function equipmentForTasks(
  scenario: Scenario,
  pools: Partial<Record<EquipmentKind, EquipmentPool>>,
): Record<EquippedTask, EquipmentPool | undefined> {
  const out = {} as Record<EquippedTask, EquipmentPool | undefined>;
  for (const task of EQUIPPED_TASKS) {
    const kind = scenario.equipment.tasks[task];
    out[task] = kind === "none" ? undefined : pools[kind];
  }
  return out;
}

/** Walking motion per role: the walking definition, the scenario's overrides, the role's speed. */
export function walkingMotions(scenario: Scenario): Record<Role, Motion> {
  const out = {} as Record<Role, Motion>;
  for (const role of ROLES) {
    const motion = withOverrides(walking, scenario.equipment.walking);
    motion.speedMps = scenario.workforce.roles[role].speedMps;
    motion.loadedSpeedMps = motion.speedMps;
    out[role] = motion;
  }
  return out;
}
