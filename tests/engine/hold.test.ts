import { describe, expect, it } from "vitest";
import { Interrupt, Simulation } from "../../src/engine/index.ts";

type Log = [string, number][];

describe("yield delay (a hold)", () => {
  it("yield d resumes the process d seconds later", () => {
    const sim = new Simulation();
    const log: Log = [];
    sim.process(function* walker() {
      yield 2.5;
      log.push(["a", sim.now]);
      yield 4;
      log.push(["b", sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      ["a", 2.5],
      ["b", 6.5],
    ]);
  });

  it("holds and timeouts at the same time keep insertion order (FIFO ties)", () => {
    const sim = new Simulation();
    const log: Log = [];
    // Scheduled in the order a, b, c, d, all for t = 3: a and c hold, b and d use timeouts.
    sim.process(function* a() {
      yield 3;
      log.push(["a", sim.now]);
    });
    sim.process(function* b() {
      yield sim.timeout(3);
      log.push(["b", sim.now]);
    });
    sim.process(function* c() {
      yield 3;
      log.push(["c", sim.now]);
    });
    sim.process(function* d() {
      yield sim.timeout(3);
      log.push(["d", sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      ["a", 3],
      ["b", 3],
      ["c", 3],
      ["d", 3],
    ]);
  });

  it("yield 0 runs after the normal events already scheduled now, before later ones", () => {
    const sim = new Simulation();
    const log: Log = [];
    const ev = sim.event();
    sim.process(function* first() {
      ev.succeed("x"); // scheduled before the hold below
      yield 0;
      log.push(["held", sim.now]);
      sim.timeout(0).addCallback(() => log.push(["after", sim.now]));
    });
    sim.process(function* waiter() {
      yield ev;
      log.push(["event", sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      ["event", 0],
      ["held", 0],
      ["after", 0],
    ]);
  });

  it("interrupting a hold wakes the process at once; the old hold never resumes it", () => {
    const sim = new Simulation();
    const log: Log = [];
    const worker = sim.process(function* worker() {
      try {
        yield 5;
        log.push(["woke normally", sim.now]);
      } catch (error) {
        log.push([`interrupted: ${(error as Interrupt).cause}`, sim.now]);
      }
      yield 10; // the stale entry at t = 5 must not cut this short
      log.push(["second hold over", sim.now]);
    });
    sim.process(function* boss() {
      yield 2;
      expect(worker.target).toBeNull();
      worker.interrupt("break");
    });
    sim.run();
    expect(log).toEqual([
      ["interrupted: break", 2],
      ["second hold over", 12],
    ]);
    expect(worker.isAlive).toBe(false);
  });

  it("a stale hold moves neither peek() nor the clock", () => {
    const sim = new Simulation();
    const sleeper = sim.process(function* sleeper() {
      try {
        yield 100;
      } catch (error) {
        if (!(error instanceof Interrupt)) throw error;
      }
    });
    sim.process(function* waker() {
      yield 1;
      sleeper.interrupt();
    });
    sim.run({ until: 50 });
    expect(sleeper.isAlive).toBe(false);
    expect(sim.peek()).toBe(Number.POSITIVE_INFINITY);
    sim.run();
    expect(sim.now).toBe(50);
  });

  it("run({until}) stops before a hold that ends at until, and resumes it", () => {
    const sim = new Simulation();
    const log: Log = [];
    sim.process(function* p() {
      yield 10;
      log.push(["p", sim.now]);
    });
    sim.run({ until: 10 });
    expect(log).toEqual([]);
    expect(sim.peek()).toBe(10);
    sim.run();
    expect(log).toEqual([["p", 10]]);
  });

  it("a negative, NaN or infinite delay fails the process with the value", () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const sim = new Simulation();
      sim.process(function* wrong() {
        yield bad;
      });
      expect(() => sim.run()).toThrow(
        new RegExp(`yielded a delay of ${bad} \\(expected a finite number of seconds >= 0\\)`),
      );
    }
  });

  it("a process can catch a bad delay and go on", () => {
    const sim = new Simulation();
    const log: Log = [];
    sim.process(function* careful() {
      try {
        yield -3;
      } catch (error) {
        log.push([(error as Error).name, sim.now]);
      }
      yield 1;
      log.push(["done", sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      ["RangeError", 0],
      ["done", 1],
    ]);
  });
});

describe("wake(): ending a hold early", () => {
  it("a woken process continues now, after the events already queued for now, and only once", () => {
    const sim = new Simulation();
    const log: Log = [];
    const sleeper = sim.process(function* sleeper() {
      yield 100;
      log.push(["sleeper", sim.now]);
      yield 1;
      log.push(["sleeper again", sim.now]);
    });
    sim.process(function* waker() {
      yield 5;
      // Queued before the wake, so it runs first; the one queued after runs after.
      sim.timeout(0).addCallback(() => log.push(["before", sim.now]));
      expect(sleeper.isHolding).toBe(true);
      sleeper.wake();
      expect(sleeper.isHolding).toBe(true);
      sim.timeout(0).addCallback(() => log.push(["after", sim.now]));
    });
    sim.run();
    // The hold's old end (t = 100) is stale: the sleeper never resumes there.
    expect(log).toEqual([
      ["before", 5],
      ["sleeper", 5],
      ["after", 5],
      ["sleeper again", 6],
    ]);
    expect(sim.now).toBe(6);
  });

  it("the stale end of a woken hold moves neither peek() nor the clock", () => {
    const sim = new Simulation();
    const p = sim.process(function* p() {
      yield 50;
      yield sim.event(); // waits for ever
    });
    sim.process(function* q() {
      yield 1;
      p.wake();
    });
    sim.run({ until: 2 });
    expect(p.isHolding).toBe(false);
    expect(sim.peek()).toBe(Number.POSITIVE_INFINITY);
    sim.run();
    expect(sim.now).toBe(2);
  });

  it("a process not in a hold cannot be woken", () => {
    const sim = new Simulation();
    const gate = sim.event();
    const waiting = sim.process(function* waiting() {
      yield gate;
      yield 3;
    });
    sim.run({ until: 1 });
    expect(waiting.isHolding).toBe(false);
    expect(() => waiting.wake()).toThrow(/cannot wake process 'waiting': it is not in a hold/);
    gate.succeed();
    sim.run({ until: 2 });
    expect(waiting.isHolding).toBe(true);
    sim.run();
    expect(waiting.isAlive).toBe(false);
    expect(() => waiting.wake()).toThrow(/not in a hold/);
  });

  it("an interrupted hold is no longer a hold", () => {
    const sim = new Simulation();
    let caught = false;
    const p = sim.process(function* p() {
      try {
        yield 10;
      } catch (e) {
        caught = e instanceof Interrupt;
        yield sim.event();
      }
    });
    sim.process(function* q() {
      yield 1;
      p.interrupt("stop");
    });
    sim.run({ until: 2 });
    expect(caught).toBe(true);
    expect(p.isHolding).toBe(false);
    expect(() => p.wake()).toThrow(/not in a hold/);
  });
});

describe("cancelled events at the current time", () => {
  it("a cancelled timeout due now does not let the clock jump past zero-delay events", () => {
    const sim = new Simulation();
    const log: Log = [];
    let late = sim.event();
    sim.timeout(20).addCallback(() => log.push(["t20", sim.now]));
    sim.process(function* canceller() {
      yield sim.timeout(5);
      late.cancel(); // still queued at t = 5, behind this process's timeout
      sim.timeout(0).addCallback(() => log.push(["zero-delay", sim.now]));
    });
    // biome-ignore lint/correctness/useYield: it only schedules the timeout to be cancelled
    sim.process(function* scheduler() {
      late = sim.timeout(5);
    });
    sim.run();
    expect(log).toEqual([
      ["zero-delay", 5],
      ["t20", 20],
    ]);
  });
});
