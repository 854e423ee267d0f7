/** Very-narrow-aisle turret truck: rail- or wire-guided, aisle-bound, racking up to about 14 m. */
import type { EquipmentKindSpec } from "../equipmentKind.ts";

export const turretTruck: EquipmentKindSpec = {
  label: "very-narrow-aisle turret truck",
  speedMps: 2.5,
  loadedSpeedMps: 2.2,
  accelMps2: 0.5,
  decelMps2: 0.6,
  turnS: 5,
  aisleTransferS: 30,
  liftLoadedMps: 0.35,
  liftEmptyMps: 0.45,
  lowerMps: 0.45,
  maxLiftM: 14,
  minAisleWidthM: 1.6,
  widthM: 1.5,
  tasks: ["putaway", "replenish", "pick"],
  source: "VDI 2198 type sheets of man-up turret trucks (Jungheinrich EKX 514, Linde K)",
  cost: { purchase: 120_000, lifeYears: 10, maintenancePerYear: 8000, perOperatingHour: 1.5 },
};
