import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/engine/index.ts";
import { Tracer } from "../../src/warehouse/measure/trace.ts";
import { TaskQueue } from "../../src/warehouse/workforce/workforce.ts";

/** A worker loop in miniature: take a task, else idle until one comes or `maxS` passes. */
function* loop(
  sim: Simulation,
  queue: TaskQueue<string>,
  name: string,
  maxS: number,
  log: string[],
) {
  for (let round = 0; round < 3; round++) {
    const task = queue.take();
    if (task) {
      log.push(`${sim.now} ${name} does ${task}`);
      yield 10;
      continue;
    }
    yield queue.idleFor(maxS);
    const ranOut = queue.leaveIdle();
    log.push(`${sim.now} ${name} ${ranOut ? "ran out" : "woken"}`);
    if (ranOut) yield 0;
  }
}

describe("idle workers (TaskQueue.idleFor / leaveIdle)", () => {
  it("a pushed task wakes the first idle worker at once; the others wait on", () => {
    const sim = new Simulation();
    const queue = new TaskQueue<string>(sim, "test", new Tracer());
    const log: string[] = [];
    sim.process(loop(sim, queue, "a", 100, log));
    sim.process(loop(sim, queue, "b", 100, log));
    sim.process(function* producer() {
      yield 5;
      queue.push("t1", sim.now);
    });
    sim.run({ until: 50 });
    // a idled first, so a is woken at 5 and takes t1; b still waits (until 100).
    expect(log).toEqual(["5 a woken", "5 a does t1"]);
    sim.run();
    expect(log).toEqual([
      "5 a woken",
      "5 a does t1",
      "100 b ran out",
      "115 a ran out",
      "200 b ran out",
      "300 b ran out",
    ]);
  });

  it("a worker whose wait ran out is off the idle list: a later task wakes the next one", () => {
    const sim = new Simulation();
    const queue = new TaskQueue<string>(sim, "test", new Tracer());
    const log: string[] = [];
    sim.process(loop(sim, queue, "a", 10, log));
    sim.process(loop(sim, queue, "b", 1000, log));
    sim.process(function* producer() {
      yield 12; // a ran out at 10 and idles again until 20
      queue.push("t1", sim.now);
      yield 10; // a ran out again at 20 and idles; b is busy with t1 until 22
      queue.push("t2", sim.now);
    });
    sim.run({ until: 30 });
    // At 22 the push wakes a, the only idle worker, but b, done with t1 at the same time
    // and queued first, takes t2: a wakes to an empty queue (and goes round again).
    expect(log).toEqual([
      "10 a ran out",
      "12 b woken",
      "12 b does t1",
      "20 a ran out",
      "22 b does t2",
      "22 a woken",
    ]);
  });

  it("idleFor outside a process is an error", () => {
    const sim = new Simulation();
    const queue = new TaskQueue<string>(sim, "test", new Tracer());
    expect(() => queue.idleFor(5)).toThrow(/test.idleFor: call it from a worker's process/);
  });
});
