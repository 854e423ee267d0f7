/** Interleaving support in the task queue: the few most urgent tasks, removal from the middle. */
import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/engine/index.ts";
import { Tracer } from "../../src/warehouse/trace.ts";
import { TaskQueue } from "../../src/warehouse/workforce.ts";

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
