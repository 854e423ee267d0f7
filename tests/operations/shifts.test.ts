/** Shift breaks, cross-trained workers and packaging by cube. */
import { describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { choosePackaging } from "../../src/warehouse/operations/packaging.ts";
import { shiftWindows } from "../../src/warehouse/workforce/calendar.ts";
import { tinyOps } from "./fixtures.ts";

const H = 3600;

describe("shiftWindows() with breaks", () => {
  it("cuts a day shift at its break", () => {
    const w = shiftWindows(
      { start: "06:00", end: "14:30", days: ["mon"], breaks: [{ start: "10:00", minutes: 30 }] },
      86_400,
    );
    expect(w).toEqual([
      { startS: 6 * H, endS: 10 * H },
      { startS: 10.5 * H, endS: 14.5 * H },
    ]);
  });

  it("puts a night shift's break after midnight on the next day", () => {
    const w = shiftWindows(
      { start: "22:00", end: "06:00", days: ["mon"], breaks: [{ start: "02:00", minutes: 45 }] },
      86_400,
    );
    expect(w).toEqual([
      { startS: 22 * H, endS: 26 * H },
      { startS: 26.75 * H, endS: 30 * H },
    ]);
  });

  it("simulate(): a worker on break does not start a task; the order waits for the break's end", () => {
    // Pickers break 00:30–02:00; an order at 01:00 is picked from 02:00: 30 + 10 + 16 + 10.
    const trace: TraceRecord[] = [];
    simulate(
      tinyOps({
        outbound: { orderList: [{ timeS: H, lines: [{ sku: 1, qty: 2 }] }] },
        workforce: {
          shifts: {
            pick: { start: "00:00", end: "00:00", breaks: [{ start: "00:30", minutes: 90 }] },
          },
          roles: { picker: { crews: [{ shift: "pick", headcount: 1 }] } },
        },
      }),
      { trace: (x) => trace.push(x) },
    );
    const picked = trace.find((x) => x.kind === "order" && x.event === "picked");
    expect(picked?.t).toBe(2 * H + 66);
  });
});

describe("cross-trained workers", () => {
  it("simulate(): with no pickers, a packer trained to pick picks the order", () => {
    const trace: TraceRecord[] = [];
    const r = simulate(
      tinyOps({
        outbound: { orderList: [{ timeS: H, lines: [{ sku: 1, qty: 2 }] }] },
        workforce: {
          roles: {
            picker: { crews: [] },
            packer: { crews: [{ shift: "all", headcount: 1 }], crossTrained: ["picker"] },
          },
        },
      }),
      { trace: (x) => trace.push(x) },
    );
    expect(r.kpis.ordersShipped).toBe(1);
    expect(trace.find((x) => x.kind === "pick")?.worker).toBe("packer-1");
  });
});

describe("packaging", () => {
  const types = [{ cubeM3: 0.3 }, { cubeM3: 0.01 }, { cubeM3: 0.03 }];

  it("choosePackaging() takes the smallest type that holds cube ÷ fill factor", () => {
    // 0.02 / 0.8 = 0.025 m³: the 0.03 box (index 2).
    expect(choosePackaging(types, 0.02, 0.8)).toEqual({ type: 2, count: 1 });
    // 0.008 / 0.8 = 0.01: the 0.01 box exactly.
    expect(choosePackaging(types, 0.008, 0.8)).toEqual({ type: 1, count: 1 });
  });

  it("choosePackaging() takes several of the largest when nothing holds the order", () => {
    // 0.5 / 0.8 = 0.625 m³ → 3 of 0.3.
    expect(choosePackaging(types, 0.5, 0.8)).toEqual({ type: 0, count: 3 });
    expect(choosePackaging([], 0.5, 0.8)).toEqual({ type: -1, count: 0 });
  });

  it("simulate(): packing adds the chosen box's time and counts the box", () => {
    // 2 units × 0.01 m³ = 0.02 m³ → box of 0.03 (20 s): pack 45 + 2 × 6 + 20 = 77.
    const r = simulate(
      tinyOps({
        outbound: { orderList: [{ timeS: H, lines: [{ sku: 1, qty: 2 }] }] },
        operations: {
          packaging: {
            fillFactor: 0.8,
            types: [
              { name: "small", cubeM3: 0.01, packS: 10 },
              { name: "medium", cubeM3: 0.03, packS: 20 },
            ],
          },
        },
      }),
    );
    expect(r.breakdown.order.pack).toBeCloseTo(77, 9);
    expect(r.kpis["packaging.medium"]).toBe(1);
    expect(r.kpis["packaging.small"]).toBe(0);
  });
});
