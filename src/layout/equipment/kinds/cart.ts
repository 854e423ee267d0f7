/** Pick cart pushed by a walking picker: shelves reached by hand, no lift. */
import type { EquipmentKindSpec } from "../equipmentKind.ts";

export const cart: EquipmentKindSpec = {
  label: "pick cart",
  speedMps: 1.1,
  loadedSpeedMps: 1.1,
  accelMps2: 0.5,
  decelMps2: 0.8,
  turnS: 2,
  aisleTransferS: 0,
  liftLoadedMps: 0,
  liftEmptyMps: 0,
  lowerMps: 0,
  maxLiftM: 1.8,
  minAisleWidthM: 1,
  widthM: 0.6,
  tasks: ["pick"],
  source:
    "walking speed with a laden cart (MTM-UAS walking standard, about 1.1 m/s); reach by hand to 1.8 m",
  cost: { purchase: 500, lifeYears: 5, maintenancePerYear: 50, perOperatingHour: 0 },
};
