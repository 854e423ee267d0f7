import { describe, expect, it } from "vitest";
import { Container, Simulation } from "../../src/engine/index.ts";

type Log = [string, number][];

describe("Container", () => {
  it("container.get() waits for the level, put() waits for room", () => {
    const sim = new Simulation();
    const tank = new Container(sim, { capacity: 8, init: 2 });
    const log: Log = [];
    sim.process(function* consumer() {
      yield tank.get(5);
      log.push([`got 5, level ${tank.level}`, sim.now]);
    });
    sim.process(function* producer() {
      yield sim.timeout(3);
      yield tank.put(4);
      log.push([`put 4, level ${tank.level}`, sim.now]);
      yield tank.put(8); // level 1 + 8 > 8: waits for room
      log.push([`put 8, level ${tank.level}`, sim.now]);
    });
    sim.process(function* drain() {
      yield sim.timeout(6);
      yield tank.get(1);
      log.push([`drained 1, level ${tank.level}`, sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      // The put is served (and scheduled) before the get it unblocks.
      ["put 4, level 1", 3],
      ["got 5, level 1", 3],
      ["drained 1, level 8", 6],
      ["put 8, level 8", 6],
    ]);
  });

  it("container.meanLevel() is time-weighted", () => {
    const sim = new Simulation();
    const c = new Container(sim, { init: 4 });
    sim.process(function* () {
      yield sim.timeout(2);
      yield c.get(4);
      yield sim.timeout(2);
      yield c.put(8);
    });
    sim.run({ until: 8 });
    // 4 for 2 s, 0 for 2 s, 8 for 4 s → (8 + 0 + 32) / 8 = 5.
    expect(c.meanLevel()).toBeCloseTo(5, 12);
  });

  it("bad amounts and options throw with the value", () => {
    const sim = new Simulation();
    const c = new Container(sim, { capacity: 5 });
    expect(() => c.put(-1)).toThrow(/-1/);
    expect(() => c.get(6)).toThrow(/6/);
    expect(() => new Container(sim).get(Number.POSITIVE_INFINITY)).toThrow(/Infinity/);
    expect(() => new Container(sim, { capacity: 5, init: 7 })).toThrow(/7/);
  });
});
