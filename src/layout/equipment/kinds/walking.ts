/**
 * Walking: a worker without equipment. The role's `speedMps` sets the walking speed; the
 * other figures are the defaults here (or `equipment.walking` in the scenario).
 */
import type { EquipmentKindSpec } from "../equipmentKind.ts";
import { EQUIPPED_TASKS } from "../equipmentKind.ts";

export const walking: Omit<EquipmentKindSpec, "cost"> = {
  label: "walking",
  speedMps: 1.2,
  loadedSpeedMps: 1.2,
  accelMps2: 1,
  decelMps2: 1,
  turnS: 1,
  aisleTransferS: 0,
  liftLoadedMps: 0,
  liftEmptyMps: 0,
  lowerMps: 0,
  maxLiftM: 1.8,
  minAisleWidthM: 0.8,
  widthM: 0.6,
  tasks: EQUIPPED_TASKS,
  source:
    "walking 1.2 m/s and about 1 s to reach it (MTM-UAS and pedestrian studies); reach by hand to 1.8 m",
};
