/** The cost model: annual cost by part from the scenario's `costs`, and re-layout cost. */
export { COST_KPI_NAMES, computeCostKpis } from "./costKpis.ts";
export { annualEquipmentCost, type EquipmentCostSpec } from "./equipmentCost.ts";
export { equivalentAnnualCost } from "./equivalentAnnualCost.ts";
export { annualRackingCost, annualSpaceCost, type RackingCostSpec } from "./facilityCost.ts";
export {
  type LabourRates,
  paidShiftS,
  type RoleLabour,
  roleLabour,
  roleRate,
} from "./labourCost.ts";
export { annualFactor, operatingDaysIn } from "./operatingDays.ts";
export { movedLocations, relayoutCost } from "./relayoutCost.ts";
