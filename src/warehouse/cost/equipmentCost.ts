/**
 * Annual cost of an equipment pool: every unit's equivalent annual capital cost plus its
 * maintenance, and the energy (or rental) of the hours units are in use.
 */
import { equivalentAnnualCost } from "./equivalentAnnualCost.ts";

/** Costs of one equipment kind (the scenario's `costs.equipment.<kind>`). */
export interface EquipmentCostSpec {
  purchase: number;
  lifeYears: number;
  maintenancePerYear: number;
  perOperatingHour: number;
}

/** Annual cost of `count` units in use `operatingHPerYear` unit-hours a year, at rate `rate`. */
export function annualEquipmentCost(
  spec: EquipmentCostSpec,
  count: number,
  operatingHPerYear: number,
  rate: number,
): number {
  const fixed =
    count * (equivalentAnnualCost(spec.purchase, spec.lifeYears, rate) + spec.maintenancePerYear);
  return fixed + operatingHPerYear * spec.perOperatingHour;
}
