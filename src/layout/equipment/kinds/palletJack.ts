/** Electric pallet jack (pedestrian or stand-on): floor-level moves, trailers and docks. */
import type { EquipmentKindSpec } from "../equipmentKind.ts";

export const palletJack: EquipmentKindSpec = {
  label: "pallet jack",
  speedMps: 1.8,
  loadedSpeedMps: 1.4,
  accelMps2: 0.5,
  decelMps2: 0.7,
  turnS: 3,
  aisleTransferS: 0,
  liftLoadedMps: 0,
  liftEmptyMps: 0,
  lowerMps: 0,
  maxLiftM: 0,
  minAisleWidthM: 2,
  widthM: 0.72,
  tasks: ["unload", "putaway", "replenish", "load"],
  source: "VDI 2198 type sheets of 1.6 t electric pallet trucks (Jungheinrich EJE 116, Linde T16)",
  cost: { purchase: 6000, lifeYears: 6, maintenancePerYear: 600, perOperatingHour: 0.3 },
};
