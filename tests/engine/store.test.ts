import { describe, expect, it } from "vitest";
import { Simulation, Store } from "../../src/engine/index.ts";

type Log = [string, number][];

describe("Store", () => {
  it("store.get() waits for put() and gets items FIFO", () => {
    const sim = new Simulation();
    const store = new Store<string>(sim);
    const log: Log = [];
    sim.process(function* () {
      for (let i = 0; i < 2; i++) {
        const item = yield store.get();
        log.push([`got ${item}`, sim.now]);
      }
    });
    sim.process(function* () {
      yield sim.timeout(2);
      yield store.put("x");
      yield store.put("y");
      log.push(["put both", sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      ["got x", 2],
      ["put both", 2],
      ["got y", 2],
    ]);
  });

  it("store.put() waits while the store is at capacity", () => {
    const sim = new Simulation();
    const store = new Store<number>(sim, { capacity: 1 });
    const log: Log = [];
    sim.process(function* () {
      yield store.put(1);
      log.push(["put 1", sim.now]);
      yield store.put(2);
      log.push(["put 2", sim.now]);
    });
    sim.process(function* () {
      yield sim.timeout(5);
      const v = yield store.get();
      log.push([`got ${v}`, sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      ["put 1", 0],
      ["got 1", 5],
      ["put 2", 5],
    ]);
    expect(store.items).toEqual([2]);
  });

  it("store.get(filter) takes the first matching item and lets other gets pass", () => {
    const sim = new Simulation();
    const store = new Store<{ sku: string; n: number }>(sim);
    const log: Log = [];
    sim.process(function* wantsB() {
      const item = yield store.get((i) => i.sku === "B");
      log.push([`B-getter got ${item.sku}${item.n}`, sim.now]);
    });
    sim.process(function* anything() {
      yield sim.timeout(1);
      const item = yield store.get();
      log.push([`any-getter got ${item.sku}${item.n}`, sim.now]);
    });
    sim.process(function* () {
      yield sim.timeout(2);
      store.put({ sku: "A", n: 1 });
      yield sim.timeout(1);
      store.put({ sku: "A", n: 2 });
      store.put({ sku: "B", n: 3 });
    });
    sim.run();
    expect(log).toEqual([
      ["any-getter got A1", 2],
      ["B-getter got B3", 3],
    ]);
    expect(store.items.map((i) => i.n)).toEqual([2]);
  });

  it("storeGet.cancel() withdraws a waiting get", () => {
    const sim = new Simulation();
    const store = new Store<number>(sim);
    const log: Log = [];
    const first = store.get();
    sim.process(function* () {
      const v = yield store.get();
      log.push([`second got ${v}`, sim.now]);
    });
    sim.process(function* () {
      yield sim.timeout(1);
      first.cancel();
      store.put(7);
    });
    sim.run();
    expect(log).toEqual([["second got 7", 1]]);
    expect(first.cancelled).toBe(true);
  });
});
