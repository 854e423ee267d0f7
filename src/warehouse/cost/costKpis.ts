/**
 * The cost KPIs of one replication: annual cost by part (labour, equipment, racking,
 * space, late-line penalty) and per order and line. Amounts of the measured window
 * (labour, equipment hours, late lines, volumes) are scaled to a year by working days.
 */
import { EQUIPMENT_KINDS, ROLES } from "../../scenario/schema.ts";
import type { World } from "../world.ts";
import { annualEquipmentCost } from "./equipmentCost.ts";
import { annualRackingCost, annualSpaceCost } from "./facilityCost.ts";
import { roleLabour } from "./labourCost.ts";
import { annualFactor, operatingDaysIn } from "./operatingDays.ts";

/** Cost KPI names, each in the scenario's currency (`labourHoursPerYear` in hours). */
export const COST_KPI_NAMES = [
  "annualCost.labour",
  "annualCost.equipment",
  "annualCost.racking",
  "annualCost.space",
  "annualCost.latePenalty",
  "annualCost.total",
  "costPerOrder",
  "costPerLine",
] as const;

/** Labour of the window scaled to a year, and paid plus overtime hours a year. */
function annualLabour(world: World, factor: number): { cost: number; hours: number } {
  const { scenario, warmupS, horizonS } = world;
  const window = { fromS: warmupS, toS: horizonS, horizonS };
  let cost = 0;
  let hours = 0;
  for (const role of ROLES) {
    const crews = scenario.workforce.roles[role].crews.map((c) => ({
      shift: scenario.workforce.shifts[c.shift],
      headcount: c.headcount,
    }));
    const workers = world.workers[role].map((w) => ({
      workedS:
        w.stateS.travelLoaded +
        w.stateS.travelEmpty +
        w.stateS.handling +
        w.stateS.waiting +
        w.stateS.idle,
      windows: w.windows,
    }));
    const r = roleLabour(role, crews, workers, scenario.costs, window);
    cost += r.cost;
    hours += r.paidH + r.overtimeH;
  }
  return { cost: cost * factor, hours: hours * factor };
}

/** Every pool's capital, maintenance and running cost a year. */
function annualEquipment(world: World, factor: number): number {
  const { scenario, horizonS, warmupS } = world;
  const windowH = (horizonS - warmupS) / 3600;
  let cost = 0;
  for (const kind of EQUIPMENT_KINDS) {
    const pool = world.pools[kind];
    if (!pool) continue;
    const inUseH = pool.inUse.mean(horizonS) * windowH;
    cost += annualEquipmentCost(
      scenario.costs.equipment[kind],
      pool.count,
      inUseH * factor,
      scenario.costs.interestRatePerYear,
    );
  }
  return cost;
}

/**
 * Cost KPIs at the end of a run (workers booked up to the horizon). `labourHoursPerYear`
 * is the paid plus overtime hours behind the labour cost.
 */
export function computeCostKpis(world: World): Record<string, number> {
  const { scenario, stats, warmupS, horizonS } = world;
  const costs = scenario.costs;
  const days = operatingDaysIn(Object.values(scenario.workforce.shifts), warmupS, horizonS);
  const factor = annualFactor(costs.operatingDaysPerYear, days);
  const labour = annualLabour(world, factor);
  const equipment = annualEquipment(world, factor);
  const layout = world.site.layout;
  const racking = annualRackingCost(layout.locations, costs.racking, costs.interestRatePerYear);
  const space = annualSpaceCost(layout, costs.buildingPerM2Year);
  const latePenalty = stats.linesLate * costs.latePenaltyPerLine * factor;
  const total = labour.cost + equipment + racking + space + latePenalty;
  return {
    "annualCost.labour": labour.cost,
    "annualCost.equipment": equipment,
    "annualCost.racking": racking,
    "annualCost.space": space,
    "annualCost.latePenalty": latePenalty,
    "annualCost.total": total,
    labourHoursPerYear: labour.hours,
    costPerOrder: stats.ordersShipped > 0 ? total / (stats.ordersShipped * factor) : Number.NaN,
    costPerLine: stats.linesShipped > 0 ? total / (stats.linesShipped * factor) : Number.NaN,
  };
}
