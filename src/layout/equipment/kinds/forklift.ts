/** Counterbalance forklift (electric, 1.6–2 t): docks, trailers and wide-aisle racking. */
import type { EquipmentKindSpec } from "../equipmentKind.ts";

export const forklift: EquipmentKindSpec = {
  label: "counterbalance forklift",
  speedMps: 3,
  loadedSpeedMps: 2.5,
  accelMps2: 0.8,
  decelMps2: 1,
  turnS: 4,
  aisleTransferS: 0,
  liftLoadedMps: 0.4,
  liftEmptyMps: 0.55,
  lowerMps: 0.55,
  maxLiftM: 6,
  minAisleWidthM: 3.5,
  widthM: 1.1,
  tasks: ["unload", "putaway", "replenish", "load"],
  source:
    "VDI 2198 type sheets of 1.6 t electric counterbalance trucks (Linde E16, Jungheinrich EFG 216)",
  cost: { purchase: 30_000, lifeYears: 8, maintenancePerYear: 2500, perOperatingHour: 1.2 },
};
