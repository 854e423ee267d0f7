/** Interleaving support in the task queue: the few most urgent tasks, removal from the middle. */
import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/engine/index.ts";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { Tracer } from "../../src/warehouse/measure/trace.ts";
import { TaskQueue } from "../../src/warehouse/workforce/workforce.ts";
import { tinyOps } from "./fixtures.ts";

function queueOf(priorities: number[]): TaskQueue<string> {
  const q = new TaskQueue<string>(new Simulation({ seed: 1 }), "q", new Tracer());
  priorities.forEach((p, i) => {
    q.push(`t${i}:${p}`, p);
  });
  return q;
}

describe("TaskQueue interleaving", () => {
  it("topTasks(k) lists the k most urgent, ties by arrival", () => {
    const q = queueOf([5, 1, 3, 1, 9, 0]);
    expect(q.topTasks(3).map((c) => c.task)).toEqual(["t5:0", "t1:1", "t3:1"]);
    expect(q.peekPriority()).toBe(0);
  });

  it("removeAt() takes a task out of the middle and keeps the rest in priority order", () => {
    const q = queueOf([5, 1, 3, 1, 9, 0, 7, 2, 4]);
    const third = q.topTasks(3)[2];
    expect(q.removeAt(third.index)).toBe("t3:1");
    const rest: string[] = [];
    for (let t = q.take(); t !== undefined; t = q.take()) rest.push(t);
    expect(rest).toEqual(["t5:0", "t1:1", "t7:2", "t2:3", "t8:4", "t0:5", "t6:7", "t4:9"]);
  });

  it("peekPriority() is Infinity when empty", () => {
    expect(queueOf([]).peekPriority()).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("interleaving end to end", () => {
  /**
   * The putaway driver, cross-trained to count, ends a putaway at R1 at 7640 (trailer at
   * 02:00, see tests/warehouse/handChecked). A full inventory queued at 7600 holds L1 (more
   * urgent, queued first) and R1. Counters exist but work Sundays only.
   */
  function countStarts(interleave: boolean) {
    const trace: TraceRecord[] = [];
    const r = simulate(
      tinyOps({
        inbound: { deliveries: [{ timeS: 7200, pallets: [{ sku: 1, units: 100 }] }] },
        workforce: {
          shifts: { sunday: { start: "00:00", end: "01:00", days: ["sun"] } },
          roles: {
            counter: { crews: [{ shift: "sunday", headcount: 1 }] },
            putaway: { crossTrained: ["counter"], interleave },
          },
        },
        operations: { counts: { fullInventory: [{ timeS: 7600 }], countSPerLocation: 60 } },
      }),
      { trace: (x) => trace.push(x) },
    );
    const starts = trace
      .filter((x) => x.kind === "task" && x.task === "count" && x.phase === "start")
      .map((x) => [x.t, x.worker]);
    return { starts, fullInventoryS: r.kpis.fullInventoryS };
  }

  it("simulate(): interleaving counts R1 first, where the putaway ended (0 m), then L1", () => {
    // R1: 7640–7700; walk 5 m to L1 → 7705, count → 7765: 165 s after 7600.
    const { starts, fullInventoryS } = countStarts(true);
    expect(starts).toEqual([
      [7640, "putaway-1"],
      [7700, "putaway-1"],
    ]);
    expect(fullInventoryS).toBeCloseTo(165, 9);
  });

  it("simulate(): without interleaving the most urgent (L1) goes first: one walk more", () => {
    // Walk 5 m to L1 → 7645, count → 7705; back 5 m to R1 → 7710, count → 7770: 170 s.
    const { starts, fullInventoryS } = countStarts(false);
    expect(starts).toEqual([
      [7640, "putaway-1"],
      [7705, "putaway-1"],
    ]);
    expect(fullInventoryS).toBeCloseTo(170, 9);
  });
});
