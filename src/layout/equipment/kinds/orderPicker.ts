/** Order picker (man-up): the operator rides the platform up to the pick level. */
import type { EquipmentKindSpec } from "../equipmentKind.ts";

export const orderPicker: EquipmentKindSpec = {
  label: "order picker",
  speedMps: 2.2,
  loadedSpeedMps: 2,
  accelMps2: 0.5,
  decelMps2: 0.6,
  turnS: 5,
  aisleTransferS: 0,
  liftLoadedMps: 0.3,
  liftEmptyMps: 0.35,
  lowerMps: 0.35,
  maxLiftM: 6,
  minAisleWidthM: 1.8,
  widthM: 1.0,
  tasks: ["pick", "replenish"],
  source: "VDI 2198 type sheets of man-up order pickers (Jungheinrich EKS 110, Linde V10)",
  cost: { purchase: 35_000, lifeYears: 8, maintenancePerYear: 2500, perOperatingHour: 0.8 },
};
