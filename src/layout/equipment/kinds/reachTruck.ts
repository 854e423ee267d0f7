/** Reach truck: narrow-aisle pallet racking up to about 10 m. */
import type { EquipmentKindSpec } from "../equipmentKind.ts";

export const reachTruck: EquipmentKindSpec = {
  label: "reach truck",
  speedMps: 2.5,
  loadedSpeedMps: 2,
  accelMps2: 0.6,
  decelMps2: 0.8,
  turnS: 5,
  aisleTransferS: 0,
  liftLoadedMps: 0.4,
  liftEmptyMps: 0.65,
  lowerMps: 0.5,
  maxLiftM: 10,
  minAisleWidthM: 2.7,
  widthM: 1.27,
  tasks: ["putaway", "replenish"],
  source: "VDI 2198 type sheets of 1.4 t reach trucks (Jungheinrich ETV 214, Linde R14)",
  cost: { purchase: 40_000, lifeYears: 8, maintenancePerYear: 3000, perOperatingHour: 1 },
};
