import { describe, expect, it } from "vitest";
import {
  type Interrupt,
  Preempted,
  type Request,
  Resource,
  Simulation,
} from "../../src/engine/index.ts";

type Log = [string, number][];

function user(
  sim: Simulation,
  res: Resource,
  log: Log,
  name: string,
  arriveS: number,
  useS: number,
  priority = 0,
) {
  return function* () {
    yield sim.timeout(arriveS);
    const req = res.request({ priority });
    yield req;
    log.push([`${name} got`, sim.now]);
    yield sim.timeout(useS);
    res.release(req);
    log.push([`${name} done`, sim.now]);
  };
}

describe("Resource", () => {
  it("resource.request() queues FIFO when all units are busy", () => {
    const sim = new Simulation();
    const res = new Resource(sim, { capacity: 2 });
    const log: Log = [];
    sim.process(user(sim, res, log, "a", 0, 4));
    sim.process(user(sim, res, log, "b", 0, 3));
    sim.process(user(sim, res, log, "c", 1, 2));
    sim.process(user(sim, res, log, "d", 1, 2));
    sim.run();
    expect(log).toEqual([
      ["a got", 0],
      ["b got", 0],
      ["b done", 3],
      ["c got", 3],
      ["a done", 4],
      ["d got", 4],
      ["c done", 5],
      ["d done", 6],
    ]);
  });

  it("resource.request({priority}) serves lower priority numbers first, FIFO among equals", () => {
    const sim = new Simulation();
    const res = new Resource(sim);
    const log: Log = [];
    sim.process(user(sim, res, log, "holder", 0, 10));
    sim.process(user(sim, res, log, "low1", 1, 1, 5));
    sim.process(user(sim, res, log, "high", 2, 1, 1));
    sim.process(user(sim, res, log, "low2", 3, 1, 5));
    sim.process(user(sim, res, log, "high2", 4, 1, 1));
    sim.run();
    expect(log.filter((e) => e[0].endsWith("got"))).toEqual([
      ["holder got", 0],
      ["high got", 10],
      ["high2 got", 11],
      ["low1 got", 12],
      ["low2 got", 13],
    ]);
  });

  it("a preemptive resource evicts the least urgent user with an Interrupt carrying Preempted", () => {
    const sim = new Simulation();
    const res = new Resource(sim, { preemptive: true });
    const log: Log = [];
    sim.process(function* low() {
      const req = res.request({ priority: 2 });
      yield req;
      log.push(["low got", sim.now]);
      try {
        yield sim.timeout(10);
        log.push(["low done", sim.now]);
      } catch (error) {
        const cause = (error as Interrupt).cause as Preempted;
        expect(cause).toBeInstanceOf(Preempted);
        expect(cause.usageSinceS).toBe(0);
        expect(cause.resource).toBe(res);
        log.push(["low preempted", sim.now]);
      }
      res.release(req); // no effect on a preempted request
    });
    sim.process(function* high() {
      yield sim.timeout(3);
      const req = res.request({ priority: 1 });
      yield req;
      log.push(["high got", sim.now]);
      yield sim.timeout(2);
      res.release(req);
      log.push(["high done", sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      ["low got", 0],
      ["low preempted", 3],
      ["high got", 3],
      ["high done", 5],
    ]);
    expect(res.count).toBe(0);
  });

  it("preemption needs a strictly smaller priority and preempt: true", () => {
    const sim = new Simulation();
    const res = new Resource(sim, { preemptive: true });
    const log: Log = [];
    sim.process(user(sim, res, log, "first", 0, 5, 1));
    sim.process(user(sim, res, log, "same", 1, 1, 1));
    sim.process(function* () {
      yield sim.timeout(2);
      const req = res.request({ priority: 0, preempt: false });
      yield req;
      log.push(["polite got", sim.now]);
      res.release(req);
    });
    sim.run();
    expect(log.filter((e) => e[0].endsWith("got"))).toEqual([
      ["first got", 0],
      ["polite got", 5],
      ["same got", 5],
    ]);
  });

  it("resource.release() of a queued request withdraws it (interrupted waiter)", () => {
    const sim = new Simulation();
    const res = new Resource(sim);
    const log: Log = [];
    sim.process(user(sim, res, log, "holder", 0, 5));
    const waiter = sim.process(function* () {
      yield sim.timeout(0.5);
      const req = res.request();
      try {
        yield req;
        log.push(["waiter got", sim.now]);
      } catch {
        res.release(req);
        log.push(["waiter gave up", sim.now]);
      }
    });
    sim.process(user(sim, res, log, "next", 1, 1));
    sim.process(function* () {
      yield sim.timeout(2);
      waiter.interrupt("impatient");
    });
    sim.run();
    expect(log).toEqual([
      ["holder got", 0],
      ["waiter gave up", 2],
      ["holder done", 5],
      ["next got", 5],
      ["next done", 6],
    ]);
  });

  it("resource.release() of a request not held throws with the request", () => {
    const sim = new Simulation();
    const res = new Resource(sim);
    const other = new Resource(sim);
    let req: Request | undefined;
    sim.process(function* () {
      req = res.request();
      yield req;
      res.release(req);
    });
    sim.run();
    expect(() => res.release(req!)).toThrow(/not held: it was released/);
    expect(() => other.release(req!)).toThrow(/not a request of this resource/);
    expect(() => new Resource(sim, { capacity: 0 })).toThrow(/capacity must be an integer >= 1: 0/);
  });

  it("resource.utilization() and meanQueueLength() are time-weighted", () => {
    const sim = new Simulation();
    const res = new Resource(sim, { capacity: 2 });
    const log: Log = [];
    // Busy units: 0-2: 2 units, 2-4: 1 unit (and 1 waits 0-2), 4-8: 0 units.
    sim.process(user(sim, res, log, "a", 0, 2));
    sim.process(user(sim, res, log, "b", 0, 4));
    sim.process(user(sim, res, log, "c", 0, 2));
    sim.run({ until: 8 });
    // Units·s = 2·2 (a, b) + 2 (b: 2-4) + 2 (c: 2-4) = 8 → 8 / (2 · 8) = 0.5.
    expect(res.utilization()).toBeCloseTo(0.5, 12);
    expect(res.meanQueueLength()).toBeCloseTo(2 / 8, 12);
    expect(res.queueLength).toBe(0);
    expect(res.count).toBe(0);
  });
});
