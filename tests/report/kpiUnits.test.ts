import { describe, expect, it } from "vitest";
import { kpiMeta } from "../../src/report/kpiUnits.ts";

describe("kpiMeta()", () => {
  it.each([
    ["orderCycleTimeS", "Order cycle time", "s", false],
    ["pickTravelMPerLine", "Pick travel", "m/line", false],
    ["travelMPerRequest", "Travel", "m/request", false],
    ["throughputOrdersPerHour", "Throughput (orders)", "orders/h", false],
    ["throughputLinesPerHour", "Throughput (lines)", "lines/h", false],
    ["onTimeShipRate", "On time ship rate", "share", true],
    ["utilization.picker", "Utilization: picker", "share", true],
    ["costPerOrder", "Cost per order", "per order", false],
    ["ordersShipped", "Orders shipped", "", false],
  ])("kpiMeta(%s) reads label, unit and share from the name", (name, label, unit, share) => {
    expect(kpiMeta(name)).toEqual({ label, unit, share });
  });

  it("kpiMeta(name, unit) takes the unit the results file gives", () => {
    expect(kpiMeta("costPerOrder", "currency")).toEqual({
      label: "Cost per order",
      unit: "currency",
      share: false,
    });
    expect(kpiMeta("pickTravelMPerLine", "m").unit).toBe("m");
  });
});
