import { describe, expect, it } from "vitest";
import { Interrupt, Simulation, SimulationError } from "../../src/engine/index.ts";

type Log = [string, number][];

describe("Simulation", () => {
  it("run() on an empty simulation returns at once; run({until}) sets the clock", () => {
    const sim = new Simulation();
    sim.run();
    expect(sim.now).toBe(0);
    sim.run({ until: 12.5 });
    expect(sim.now).toBe(12.5);
    expect(sim.peek()).toBe(Number.POSITIVE_INFINITY);
    expect(sim.step()).toBe(false);
  });

  it("sim.timeout() resumes processes in time order, ties FIFO by insertion", () => {
    const sim = new Simulation();
    const log: Log = [];
    for (const [name, delay] of [
      ["a", 3],
      ["b", 1],
      ["c", 3],
      ["d", 0],
      ["e", 1],
    ] as const) {
      sim.process(function* () {
        yield sim.timeout(delay);
        log.push([name, sim.now]);
      });
    }
    sim.run();
    expect(log).toEqual([
      ["d", 0],
      ["b", 1],
      ["e", 1],
      ["a", 3],
      ["c", 3],
    ]);
  });

  it("sim.timeout(delay, value) passes the value to the yield", () => {
    const sim = new Simulation();
    let got: unknown;
    sim.process(function* () {
      got = yield sim.timeout(2, "done");
    });
    sim.run();
    expect(got).toBe("done");
    expect(sim.now).toBe(2);
  });

  it("run({until}) stops before events at until and can be resumed", () => {
    const sim = new Simulation();
    const log: Log = [];
    sim.process(function* () {
      for (let i = 0; i < 5; i++) {
        yield sim.timeout(1);
        log.push(["tick", sim.now]);
      }
    });
    sim.run({ until: 3 });
    expect(log).toEqual([
      ["tick", 1],
      ["tick", 2],
    ]);
    expect(sim.now).toBe(3);
    expect(sim.peek()).toBe(3);
    sim.run();
    expect(log.map((e) => e[1])).toEqual([1, 2, 3, 4, 5]);
  });

  it("step() processes one event and peek() gives the next time", () => {
    const sim = new Simulation();
    sim.timeout(4);
    sim.timeout(2);
    expect(sim.peek()).toBe(2);
    expect(sim.step()).toBe(true);
    expect(sim.now).toBe(2);
    expect(sim.peek()).toBe(4);
    sim.step();
    expect(sim.now).toBe(4);
    expect(sim.step()).toBe(false);
  });

  it("event.cancel() marks a timeout dead without firing it", () => {
    const sim = new Simulation();
    const log: Log = [];
    const t = sim.timeout(5);
    t.addCallback(() => log.push(["cancelled fired", sim.now]));
    sim.timeout(7).addCallback(() => log.push(["other", sim.now]));
    sim.process(function* () {
      yield sim.timeout(1);
      t.cancel();
      log.push(["cancel", sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      ["cancel", 1],
      ["other", 7],
    ]);
    expect(t.cancelled).toBe(true);
    expect(t.triggered).toBe(false);
    expect(sim.peek()).toBe(Number.POSITIVE_INFINITY);
  });

  it("a cancelled event is skipped by peek() and step()", () => {
    const sim = new Simulation();
    const t = sim.timeout(1);
    sim.timeout(2);
    t.cancel();
    expect(sim.peek()).toBe(2);
    sim.step();
    expect(sim.now).toBe(2);
  });

  it("sim.event().succeed() wakes every waiter in registration order", () => {
    const sim = new Simulation();
    const log: Log = [];
    const gate = sim.event<string>();
    for (const name of ["p1", "p2", "p3"]) {
      sim.process(function* () {
        const v = yield gate;
        log.push([`${name}:${v}`, sim.now]);
      });
    }
    sim.process(function* () {
      yield sim.timeout(4);
      gate.succeed("open");
    });
    sim.run();
    expect(log).toEqual([
      ["p1:open", 4],
      ["p2:open", 4],
      ["p3:open", 4],
    ]);
    expect(gate.processed).toBe(true);
    expect(gate.value).toBe("open");
  });

  it("event.fail(error) throws the error into the waiting process", () => {
    const sim = new Simulation();
    const log: Log = [];
    const ev = sim.event();
    sim.process(function* () {
      try {
        yield ev;
      } catch (error) {
        log.push([(error as Error).message, sim.now]);
      }
    });
    sim.process(function* () {
      yield sim.timeout(3);
      ev.fail(new Error("broken"));
    });
    sim.run();
    expect(log).toEqual([["broken", 3]]);
  });

  it("yielding a process waits for it and receives its return value", () => {
    const sim = new Simulation();
    const log: Log = [];
    const child = sim.process(function* child() {
      yield sim.timeout(5);
      return 42;
    });
    sim.process(function* parent() {
      const v = yield child;
      log.push([`child returned ${v}`, sim.now]);
      const again = yield child; // already processed: continues at once
      log.push([`again ${again}`, sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      ["child returned 42", 5],
      ["again 42", 5],
    ]);
    expect(child.isAlive).toBe(false);
  });

  it("process.interrupt(cause) throws an Interrupt at the yield; the old timeout no longer resumes it", () => {
    const sim = new Simulation();
    const log: Log = [];
    const worker = sim.process(function* () {
      try {
        yield sim.timeout(10);
        log.push(["finished", sim.now]);
      } catch (error) {
        expect(error).toBeInstanceOf(Interrupt);
        log.push([`interrupted: ${(error as Interrupt).cause}`, sim.now]);
      }
      yield sim.timeout(20);
      log.push(["after", sim.now]);
    });
    sim.process(function* () {
      yield sim.timeout(3);
      worker.interrupt("break");
    });
    sim.run();
    expect(log).toEqual([
      ["interrupted: break", 3],
      ["after", 23],
    ]);
  });

  it("an interrupt runs before normal events at the same time", () => {
    const sim = new Simulation();
    const log: Log = [];
    const victim = sim.process(function* () {
      try {
        yield sim.timeout(5);
        log.push(["timeout won", sim.now]);
      } catch {
        log.push(["interrupt won", sim.now]);
      }
    });
    sim.process(function* () {
      yield sim.timeout(5); // created after the victim's timeout: same time, larger seq
      expect(victim.isAlive).toBe(false);
    });
    sim.run();
    expect(log).toEqual([["timeout won", 5]]);

    const sim2 = new Simulation();
    const log2: Log = [];
    const victim2 = sim2.process(function* () {
      yield sim2.timeout(1);
      try {
        yield sim2.timeout(4);
        log2.push(["timeout won", sim2.now]);
      } catch {
        log2.push(["interrupt won", sim2.now]);
      }
    });
    sim2.process(function* () {
      yield sim2.timeout(5); // scheduled before the victim's second timeout
      victim2.interrupt();
    });
    sim2.run();
    expect(log2).toEqual([["interrupt won", 5]]);
  });

  it("interrupting an ended process or oneself throws", () => {
    const sim = new Simulation();
    const p = sim.process(function* () {
      yield sim.timeout(1);
    });
    sim.run();
    expect(() => p.interrupt()).toThrow(/already ended/);
    const sim2 = new Simulation();
    let error: unknown;
    const self = sim2.process(function* () {
      try {
        self.interrupt();
      } catch (e) {
        error = e;
      }
      yield sim2.timeout(1);
    });
    sim2.run();
    expect(String(error)).toMatch(/cannot interrupt itself/);
  });

  it("an uncaught interrupt fails the process and stops run()", () => {
    const sim = new Simulation();
    const p = sim.process(function* worker() {
      yield sim.timeout(10);
    });
    sim.process(function* () {
      yield sim.timeout(2);
      p.interrupt("stop");
    });
    expect(() => sim.run()).toThrow(SimulationError);
    expect(sim.now).toBe(2);
  });

  it("an exception in a process surfaces from run() with the simulation time", () => {
    const sim = new Simulation();
    sim.process(function* faulty() {
      yield sim.timeout(7.5);
      throw new Error("bad pick");
    });
    let caught: unknown;
    try {
      sim.run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SimulationError);
    const e = caught as SimulationError;
    expect(e.timeS).toBe(7.5);
    expect(e.message).toContain("t=7.5");
    expect(e.message).toContain("faulty");
    expect(e.message).toContain("bad pick");
    expect((e.cause as Error).message).toBe("bad pick");
  });

  it("a failed process joined by another is handled by it, not by run()", () => {
    const sim = new Simulation();
    const log: Log = [];
    const child = sim.process(function* () {
      yield sim.timeout(1);
      throw new Error("child broke");
    });
    sim.process(function* () {
      try {
        yield child;
      } catch (error) {
        log.push([(error as Error).message, sim.now]);
      }
    });
    sim.run();
    expect(log).toEqual([["child broke", 1]]);
  });

  it("yielding something that is not an event fails the process", () => {
    const sim = new Simulation();
    sim.process(function* wrong() {
      yield "5" as never;
    });
    expect(() => sim.run()).toThrow(/yielded 5, not an Event/);
  });

  it("kernel misuse throws at once with the bad value", () => {
    const sim = new Simulation();
    expect(() => sim.timeout(-1)).toThrow(RangeError);
    expect(() => sim.timeout(-1)).toThrow(/-1/);
    expect(() => sim.timeout(Number.NaN)).toThrow(/NaN/);
    const ev = sim.event();
    ev.succeed(1);
    expect(() => ev.succeed(2)).toThrow(/already triggered \(value 1\); cannot succeed with 2/);
    expect(() => ev.fail(new Error("x"))).toThrow(RangeError);
    expect(() => sim.run({ until: -3 })).toThrow(/-3/);
    expect(() => sim.process(5 as never)).toThrow(TypeError);
    expect(() => new Simulation({ seed: 1.5 })).toThrow(/1.5/);
  });

  it("a failed event nobody waits for stops run(); defuse() prevents it", () => {
    const sim = new Simulation();
    sim.event().fail(new Error("lost"));
    expect(() => sim.run()).toThrow(/event failed: lost/);
    const sim2 = new Simulation();
    sim2.event().fail(new Error("lost")).defuse();
    expect(() => sim2.run()).not.toThrow();
  });

  it("sim.process() starts processes before normal events at the same time", () => {
    const sim = new Simulation();
    const log: Log = [];
    sim.process(function* () {
      const ev = sim.event();
      ev.addCallback(() => log.push(["event", sim.now]));
      ev.succeed();
      sim.process(function* () {
        log.push(["child started", sim.now]);
        yield sim.timeout(0);
      });
      log.push(["parent continues", sim.now]);
      yield sim.timeout(0);
    });
    sim.run();
    expect(log).toEqual([
      ["parent continues", 0],
      ["child started", 0],
      ["event", 0],
    ]);
  });

  it("zero-delay events and timeouts at the same time run by insertion order", () => {
    const sim = new Simulation();
    const log: Log = [];
    sim.process(function* () {
      sim.timeout(2).addCallback(() => log.push(["timeout scheduled at 0", sim.now]));
      yield sim.timeout(2);
      log.push(["woken at 2", sim.now]);
      sim
        .event()
        .succeed()
        .addCallback(() => log.push(["succeeded at 2", sim.now]));
      sim.timeout(0).addCallback(() => log.push(["zero timeout at 2", sim.now]));
    });
    sim.timeout(2).addCallback(() => log.push(["timeout scheduled at 0 (after)", sim.now]));
    sim.run();
    // The top-level timeout is created before run() starts the process: it comes first.
    expect(log).toEqual([
      ["timeout scheduled at 0 (after)", 2],
      ["timeout scheduled at 0", 2],
      ["woken at 2", 2],
      ["succeeded at 2", 2],
      ["zero timeout at 2", 2],
    ]);
  });

  it("sim.allOf() waits for all events and gives their values in order", () => {
    const sim = new Simulation();
    const log: [unknown, number][] = [];
    sim.process(function* () {
      const values = yield sim.allOf([
        sim.timeout(3, "a"),
        sim.timeout(1, "b"),
        sim.timeout(2, "c"),
      ]);
      log.push([values, sim.now]);
      const none = yield sim.allOf([]);
      log.push([none, sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      [["a", "b", "c"], 3],
      [[], 3],
    ]);
  });

  it("sim.anyOf() resumes at the first event with its index and value", () => {
    const sim = new Simulation();
    const log: [unknown, number][] = [];
    sim.process(function* () {
      const slow = sim.timeout(9, "slow");
      const r = yield sim.anyOf([slow, sim.timeout(4, "fast")]);
      log.push([[r.index, r.value], sim.now]);
      slow.cancel();
    });
    sim.run();
    expect(log).toEqual([[[1, "fast"], 4]]);
    expect(sim.now).toBe(4);
  });

  it("sim.allOf() fails with the first failure and handles it", () => {
    const sim = new Simulation();
    const log: Log = [];
    const bad = sim.event();
    sim.process(function* () {
      try {
        yield sim.allOf([sim.timeout(5), bad]);
      } catch (error) {
        log.push([(error as Error).message, sim.now]);
      }
    });
    sim.process(function* () {
      yield sim.timeout(1);
      bad.fail(new Error("part failed"));
    });
    sim.run();
    expect(log).toEqual([["part failed", 1]]);
  });

  it("a process can wait on an event already processed", () => {
    const sim = new Simulation();
    const log: Log = [];
    const t = sim.timeout(1, "early");
    sim.process(function* () {
      yield sim.timeout(3);
      const v = yield t;
      log.push([v, sim.now]);
    });
    sim.run();
    expect(log).toEqual([["early", 3]]);
  });

  it("sim.activeProcess is the running process", () => {
    const sim = new Simulation();
    let seen: unknown = "unset";
    const p = sim.process(function* () {
      seen = sim.activeProcess;
      yield sim.timeout(1);
    });
    sim.run();
    expect(seen).toBe(p);
    expect(sim.activeProcess).toBe(null);
  });
});

describe("Simulation.step()", () => {
  it("step() runs urgent work, then zero-delay events, then timed ones, one at a time", () => {
    const sim = new Simulation();
    const log: Log = [];
    sim.timeout(1).addCallback(() => log.push(["timed", sim.now]));
    sim
      .event()
      .succeed()
      .addCallback(() => log.push(["zero-delay", sim.now]));
    sim.process(function* starter() {
      log.push(["process start", sim.now]);
      yield sim.timeout(0);
    });
    expect(sim.peek()).toBe(0);
    sim.step();
    expect(log).toEqual([["process start", 0]]);
    sim.step();
    expect(log).toEqual([
      ["process start", 0],
      ["zero-delay", 0],
    ]);
    while (sim.step()) {
      // drain
    }
    expect(log).toEqual([
      ["process start", 0],
      ["zero-delay", 0],
      ["timed", 1],
    ]);
    expect(sim.now).toBe(1);
  });
});
