/**
 * The cost model: the equivalent annual cost formula (REFERENCES.md "Costs"), working days
 * in a window, labour with breaks and overtime, re-layout moves, and the cost KPIs of a
 * tiny run computed by hand.
 */
import { describe, expect, it } from "vitest";
import type { Layout } from "../../src/layout/index.ts";
import {
  annualEquipmentCost,
  equivalentAnnualCost,
  movedLocations,
  operatingDaysIn,
  roleLabour,
} from "../../src/warehouse/cost/index.ts";
import { simulate, summarize } from "../../src/warehouse/index.ts";
import { tinyScenario } from "./tiny.ts";

const DAY = 86_400;
const weekdays = ["mon", "tue", "wed", "thu", "fri"];

describe("equivalentAnnualCost()", () => {
  it("is the annuity P·i(1+i)^n/((1+i)^n − 1)", () => {
    // Annuity factor for 5 years at 10 %: 0.2637975 (standard tables).
    expect(equivalentAnnualCost(10_000, 5, 0.1)).toBeCloseTo(2637.97, 2);
    expect(equivalentAnnualCost(40_000, 8, 0.06)).toBeCloseTo(6441.43, 1);
  });
  it("is P/n without interest and 0 for a free asset", () => {
    expect(equivalentAnnualCost(10_000, 4, 0)).toBe(2500);
    expect(equivalentAnnualCost(0, 4, 0.06)).toBe(0);
  });
});

describe("annualEquipmentCost()", () => {
  it("adds capital, maintenance per unit and the running cost of the operating hours", () => {
    const spec = { purchase: 8000, lifeYears: 4, maintenancePerYear: 500, perOperatingHour: 2 };
    expect(annualEquipmentCost(spec, 3, 1000, 0)).toBe(3 * (2000 + 500) + 2000);
  });
});

describe("operatingDaysIn()", () => {
  const shifts = [{ days: weekdays }];
  it("counts the weekdays a shift starts on (the run starts on a Monday)", () => {
    expect(operatingDaysIn(shifts, DAY, 5 * DAY)).toBe(4);
    expect(operatingDaysIn(shifts, 0, 14 * DAY)).toBe(10);
    expect(operatingDaysIn(shifts, 5 * DAY, 7 * DAY)).toBe(0);
  });
  it("counts part days pro rata", () => {
    expect(operatingDaysIn(shifts, 0.5 * DAY, 2 * DAY)).toBe(1.5);
  });
});

describe("roleLabour()", () => {
  const shift = {
    start: "08:00",
    end: "16:00",
    days: weekdays,
    breaks: [{ start: "12:00", minutes: 30 }],
  };
  const window = { fromS: 0, toS: DAY, horizonS: DAY };
  const rates = {
    labourPerHour: 20,
    roleLabourPerHour: {},
    overtimePremium: 0.5,
    paidBreaks: false,
  };
  const onTime = {
    workedS: 7.5 * 3600,
    windows: [
      { startS: 8 * 3600, endS: 12 * 3600 },
      { startS: 12.5 * 3600, endS: 16 * 3600 },
    ],
  };
  it("pays the shift less unpaid breaks", () => {
    const r = roleLabour("picker", [{ shift, headcount: 2 }], [onTime, onTime], rates, window);
    expect(r.paidH).toBe(15);
    expect(r.overtimeH).toBe(0);
    expect(r.cost).toBe(300);
  });
  it("pays breaks when they are paid, and a role's own rate", () => {
    const paid = { ...rates, paidBreaks: true, roleLabourPerHour: { picker: 30 } };
    const r = roleLabour("picker", [{ shift, headcount: 2 }], [onTime, onTime], paid, window);
    expect(r.paidH).toBe(16);
    expect(r.cost).toBe(480);
  });
  it("pays time worked past the windows with the overtime premium", () => {
    const late = { ...onTime, workedS: 8 * 3600 };
    const r = roleLabour("picker", [{ shift, headcount: 1 }], [late], rates, window);
    expect(r.overtimeH).toBe(0.5);
    expect(r.cost).toBe(7.5 * 20 + 0.5 * 20 * 1.5);
  });
});

describe("movedLocations()", () => {
  const at = (x: number, y: number, type = "pallet") =>
    ({ x, y, level: 1, type }) as Layout["locations"][number];
  it("counts new locations without a same-type twin at the same place", () => {
    const a = { locations: [at(1, 1), at(1, 2), at(1, 3)] };
    expect(movedLocations(a, a)).toBe(0);
    expect(movedLocations(a, { locations: [at(1, 1), at(1, 2), at(5, 3)] })).toBe(1);
    expect(
      movedLocations(a, { locations: [at(1, 1, "shelf"), at(1, 2), at(1, 3), at(1, 4)] }),
    ).toBe(2);
  });
});

describe("cost KPIs of a run", () => {
  it("match a hand computation on the tiny warehouse", () => {
    // 6 workers on a 24 h shift every day; one day measured = one working day, 250 a year.
    const scenario = tinyScenario({
      outbound: { orderList: [{ timeS: 3600, lines: [{ sku: 1, qty: 2 }] }] },
      costs: {
        currency: "CHF",
        interestRatePerYear: 0,
        labourPerHour: 25,
        equipment: {
          reachTruck: {
            purchase: 40_000,
            lifeYears: 8,
            maintenancePerYear: 3000,
            perOperatingHour: 0,
          },
        },
        racking: { pallet: { pricePerLocation: 90, lifeYears: 20 } },
        buildingPerM2Year: 70,
      },
    });
    const k = simulate(scenario).kpis;
    const labour = 6 * 24 * 25 * 250;
    const equipment = 40_000 / 8 + 3000;
    const space = 20 * 20 * 70;
    expect(k["annualCost.labour"]).toBeCloseTo(labour, 6);
    expect(k["annualCost.equipment"]).toBeCloseTo(equipment, 6);
    expect(k["annualCost.space"]).toBeCloseTo(space, 6);
    const racking = k["annualCost.racking"];
    expect(racking).toBeCloseTo(3 * (90 / 20), 6);
    const total = labour + equipment + space + racking;
    expect(k["annualCost.total"]).toBeCloseTo(total, 6);
    expect(k.costPerOrder).toBeCloseTo(total / 250, 6);
    expect(k.costPerLine).toBeCloseTo(total / 250, 6);
    expect(k.labourHoursPerYear).toBeCloseTo(6 * 24 * 250, 6);
  });
  it("charge late lines and label money with the scenario's currency", () => {
    // The only packer starts at 13:00, so the order misses its 12:00 departure and ships
    // on the next day's: one late line.
    const scenario = tinyScenario({
      horizonDays: 2,
      outbound: { orderList: [{ timeS: 3600, lines: [{ sku: 1, qty: 2 }] }] },
      workforce: {
        shifts: { pm: { start: "13:00", end: "23:00", days: ["mon", "tue"] } },
        roles: { packer: { crews: [{ shift: "pm", headcount: 1 }] } },
      },
      costs: { currency: "CHF", latePenaltyPerLine: 10 },
    });
    const result = simulate(scenario);
    expect(result.kpis.onTimeShipRate).toBe(0);
    // Two working days measured, 250 a year.
    expect(result.kpis["annualCost.latePenalty"]).toBeCloseTo(10 * (250 / 2), 9);
    const summary = summarize(scenario, [result], { seed: 1, scenarioHash: "x", version: "0" });
    expect(summary.kpis["annualCost.total"].unit).toBe("CHF");
    expect(summary.kpis.costPerOrder.unit).toBe("CHF");
  });
});
