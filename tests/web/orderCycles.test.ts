import { describe, expect, it } from "vitest";
import { OrderCycleBuilder, windowCycles } from "../../web/src/trace/orderCycles.ts";
import { createTraceParser } from "../../web/src/trace/traceParser.ts";

const order = (t: number, id: number, event: string) => ({ t, kind: "order", id, event });

describe("order cycles", () => {
  it("the trace index pairs creation and shipping by order id, shipped out of order", () => {
    const parser = createTraceParser();
    const records = [
      { kind: "header", version: 1, horizonS: 1000, workers: [] },
      order(10, 1, "created"),
      order(20, 2, "created"),
      order(30, 2, "picked"),
      order(40, 3, "created"),
      order(50, 2, "shipped"),
      order(90, 1, "shipped"),
      // A shipment whose creation the trace lacks has no cycle time.
      order(95, 7, "shipped"),
    ];
    parser.push(`${records.map((r) => JSON.stringify(r)).join("\n")}\n`);
    const { orderCycles } = parser.finish();
    expect(Array.from(orderCycles.createdT)).toEqual([10, 20, 40]);
    expect(Array.from(orderCycles.shippedT)).toEqual([90, 50, Number.NaN]);
  });

  it("windowCycles() keeps orders created from the warm-up's end and counts the open ones", () => {
    const b = new OrderCycleBuilder();
    b.add("created", "a", 5);
    b.add("created", "b", 100);
    b.add("created", "c", 120);
    b.add("created", "d", 130);
    b.add("shipped", "a", 400);
    b.add("shipped", "c", 300);
    const w = windowCycles(b.finish(), 100);
    expect(w.cycleS).toEqual([180]);
    expect(w.open).toBe(2);
  });
});
