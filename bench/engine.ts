/**
 * Engine benchmark: an M/M/1 queue (λ = 0.9, μ = 1, 1,000,000 customers) written in
 * whsim's process style, in SimJS (npm simjs), in js-simulator, and as a bare loop over a
 * typed-array binary heap of (time, seq) with callbacks — the limit for one JS thread.
 * Every model draws from the same whsim streams, so all follow the same sample path and
 * must report the same mean wait (≈ 9.0, the theory). Prints times, events per second
 * (two model events per customer: arrival and departure) and ratios to the bare loop.
 *
 *   npx tsx bench/engine.ts [customers] [repeats] [models: bare,whsim,floor,jssim,simjs,parts]
 *
 * `parts` adds a breakdown of whsim's CPU time: the same source with less and less of
 * the customer's work (no customers; customers that end at once; customers with only
 * their service timeout; the full model).
 */
import { createRequire } from "node:module";
import { createStream, Resource, Simulation, Store } from "../src/engine/index.ts";

const LAMBDA = 0.9;
const MU = 1;
const SEED = 2026;
const CUSTOMERS = Number(process.argv[2] ?? 1_000_000);
const REPEATS = Number(process.argv[3] ?? 3);
const SELECTED = (
  process.argv[4] ?? "bare,whsim,timeouts,server,floor,serverfloor,jssim,simjs"
).split(",");

interface Outcome {
  meanWaitS: number;
  served: number;
}

/**
 * whsim, process style as in SimPy: a source process and one process per customer that
 * requests the server. `holds` passes time with `yield delay`; without it, with
 * `yield sim.timeout(delay)` (an event object per wait).
 */
function whsimCustomers(n: number, holds: boolean): Outcome {
  const sim = new Simulation({ seed: SEED });
  const arrivals = sim.random("arrivals");
  const service = sim.random("service");
  const server = new Resource(sim, { capacity: 1 });
  let waitSum = 0;
  let served = 0;
  function* customer() {
    const arriveS = sim.now;
    const req = server.request();
    yield req;
    waitSum += sim.now - arriveS;
    served++;
    yield service.exponential(1 / MU);
    server.release(req);
  }
  function* customerWithTimeout() {
    const arriveS = sim.now;
    const req = server.request();
    yield req;
    waitSum += sim.now - arriveS;
    served++;
    yield sim.timeout(service.exponential(1 / MU));
    server.release(req);
  }
  sim.process(function* source() {
    for (let i = 0; i < n; i++) {
      if (holds) {
        yield arrivals.exponential(1 / LAMBDA);
        sim.process(customer());
      } else {
        yield sim.timeout(arrivals.exponential(1 / LAMBDA));
        sim.process(customerWithTimeout());
      }
    }
  });
  sim.run();
  return { meanWaitS: waitSum / served, served };
}

/**
 * whsim, process style with the server as the process: a source puts each customer's
 * arrival time in a Store, one server process takes them in order and serves them.
 */
function whsimServer(n: number): Outcome {
  const sim = new Simulation({ seed: SEED });
  const arrivals = sim.random("arrivals");
  const service = sim.random("service");
  const line = new Store<number>(sim);
  let waitSum = 0;
  let served = 0;
  sim.process(function* source() {
    for (let i = 0; i < n; i++) {
      yield arrivals.exponential(1 / LAMBDA);
      line.put(sim.now);
    }
  });
  sim.process(function* server() {
    while (served < n) {
      const arriveS: number = yield line.get();
      waitSum += sim.now - arriveS;
      served++;
      yield service.exponential(1 / MU);
    }
  });
  sim.run();
  return { meanWaitS: waitSum / served, served };
}

/**
 * whsim's M/M/1 cut down for the breakdown: level 0 the source's timeouts alone, 1 plus
 * a process per customer that ends at once, 2 plus the customer's service timeout (no
 * server), 3 the full model. Returns the number of customers.
 */
function whsimPart(n: number, level: number): number {
  const sim = new Simulation({ seed: SEED });
  const arrivals = sim.random("arrivals");
  const service = sim.random("service");
  const server = new Resource(sim, { capacity: 1 });
  let count = 0;
  // biome-ignore lint/correctness/useYield: a process that ends at once is the point here
  function* ends() {
    count++;
  }
  function* serviceOnly() {
    count++;
    yield service.exponential(1 / MU);
  }
  function* full() {
    const req = server.request();
    yield req;
    count++;
    yield service.exponential(1 / MU);
    server.release(req);
  }
  sim.process(function* source() {
    for (let i = 0; i < n; i++) {
      yield arrivals.exponential(1 / LAMBDA);
      if (level === 0) count++;
      else sim.process(level === 1 ? ends() : level === 2 ? serviceOnly() : full());
    }
  });
  sim.run();
  return count;
}

/** The bare limit: a binary heap over typed arrays keyed by (time, seq), callbacks by kind. */
function bare(n: number): Outcome {
  const arrivals = createStream(SEED, "arrivals");
  const service = createStream(SEED, "service");
  const heap = new BareHeap<number>();
  const push = (t: number, kind: number): void => heap.push(t, kind);
  // FIFO of arrival times of waiting customers (a growable ring).
  let ring = new Float64Array(1024);
  let head = 0;
  let tail = 0;
  let now = 0;
  let busy = false;
  let arrived = 0;
  let waitSum = 0;
  let served = 0;
  const startService = (arriveS: number): void => {
    waitSum += now - arriveS;
    served++;
    busy = true;
    push(now + service.exponential(1 / MU), 1);
  };
  const callbacks = [
    (): void => {
      if (++arrived < n) push(now + arrivals.exponential(1 / LAMBDA), 0);
      if (!busy) startService(now);
      else {
        ring[tail] = now;
        tail = (tail + 1) & (ring.length - 1);
        if (tail === head) {
          const bigger = new Float64Array(ring.length * 2);
          for (let i = 0; i < ring.length; i++) bigger[i] = ring[(head + i) & (ring.length - 1)];
          head = 0;
          tail = ring.length;
          ring = bigger;
        }
      }
    },
    (): void => {
      busy = false;
      if (head !== tail) {
        const arriveS = ring[head];
        head = (head + 1) & (ring.length - 1);
        startService(arriveS);
      }
    },
  ];
  push(arrivals.exponential(1 / LAMBDA), 0);
  while (heap.size > 0) {
    now = heap.times[0];
    callbacks[heap.pop()]();
  }
  return { meanWaitS: waitSum / served, served };
}

/**
 * The floor of the generator style: the same heap, generators resumed straight from the
 * loop (a number yielded = a delay, "seize" = wait for the server, "next" = the server
 * waits for a customer), no event objects, no kernel. Shows what the generator protocol
 * alone costs, for the customer-process model (4 resumptions and a new generator per
 * customer) or the server-process model (3 resumptions per customer).
 */
function generatorFloor(n: number, style: "customers" | "server"): Outcome {
  const arrivals = createStream(SEED, "arrivals");
  const service = createStream(SEED, "service");
  const heap = new BareHeap<Generator<number | string, void, void>>();
  const push = (t: number, g: Generator<number | string, void, void>): void => heap.push(t, g);
  let now = 0;
  // Zero-delay work (starts, grants) in a FIFO ring; waiting customers in another.
  const ready = new RingOf<Generator<number | string, void, void>>();
  const waiting = new RingOf<Generator<number | string, void, void>>();
  let busy = false;
  let waitSum = 0;
  let served = 0;
  function* customer(): Generator<number | string, void, void> {
    const arriveS = now;
    yield "seize";
    waitSum += now - arriveS;
    served++;
    yield service.exponential(1 / MU);
    const next = waiting.shift();
    if (next === undefined) busy = false;
    else ready.push(next);
  }
  function* source(): Generator<number | string, void, void> {
    for (let i = 0; i < n; i++) {
      yield arrivals.exponential(1 / LAMBDA);
      ready.push(customer());
    }
  }
  // Server style: arrival times in a line, one server generator that idles when it is empty.
  const line = new RingOf<number>();
  let idleServer: Generator<number | string, void, void> | undefined;
  function* serverSource(): Generator<number | string, void, void> {
    for (let i = 0; i < n; i++) {
      yield arrivals.exponential(1 / LAMBDA);
      line.push(now);
      if (idleServer !== undefined) {
        ready.push(idleServer);
        idleServer = undefined;
      }
    }
  }
  function* server(): Generator<number | string, void, void> {
    while (served < n) {
      let arriveS = line.shift();
      while (arriveS === undefined) {
        yield "next";
        arriveS = line.shift();
      }
      waitSum += now - arriveS;
      served++;
      yield service.exponential(1 / MU);
    }
  }
  const resume = (g: Generator<number | string, void, void>): void => {
    const r = g.next();
    if (r.done === true) return;
    const v = r.value;
    if (typeof v === "number") push(now + v, g);
    else if (v === "next") idleServer = g;
    else if (busy) waiting.push(g);
    else {
      busy = true;
      ready.push(g);
    }
  };
  if (style === "customers") ready.push(source());
  else {
    ready.push(serverSource());
    ready.push(server());
  }
  for (;;) {
    const g = ready.shift();
    if (g !== undefined) resume(g);
    else if (heap.size > 0) {
      now = heap.times[0];
      resume(heap.pop());
    } else break;
  }
  return { meanWaitS: waitSum / served, served };
}

/**
 * The bare limit's queue: a binary heap over typed arrays keyed by (time, seq), with a
 * payload per entry; equal times leave in insertion order.
 */
class BareHeap<T> {
  times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private items: (T | undefined)[] = new Array(1024).fill(undefined);
  size = 0;
  private seq = 0;

  /** Adds `item` at time `t`. */
  push(t: number, item: T): void {
    if (this.size === this.times.length) this.grow();
    const { times, seqs, items } = this;
    const s = this.seq++;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] <= t) break;
      times[i] = times[p];
      seqs[i] = seqs[p];
      items[i] = items[p];
      i = p;
    }
    times[i] = t;
    seqs[i] = s;
    items[i] = item;
  }

  /** Removes the earliest entry and returns its payload (its time is `times[0]` before). */
  pop(): T {
    const { times, seqs, items } = this;
    const top = items[0] as T;
    const last = --this.size;
    const t = times[last];
    const s = seqs[last];
    const item = items[last];
    items[last] = undefined;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (r < last && (times[r] < times[c] || (times[r] === times[c] && seqs[r] < seqs[c]))) c = r;
      if (times[c] > t || (times[c] === t && seqs[c] > s)) break;
      times[i] = times[c];
      seqs[i] = seqs[c];
      items[i] = items[c];
      i = c;
    }
    if (last > 0) {
      times[i] = t;
      seqs[i] = s;
      items[i] = item;
    }
    return top;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    this.times = times;
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    this.seqs = seqs;
    this.items = this.items.concat(new Array(capacity / 2).fill(undefined));
  }
}

/** A minimal FIFO ring for the generator floor. */
class RingOf<T> {
  private buf: (T | undefined)[] = new Array(1024).fill(undefined);
  private head = 0;
  private tail = 0;
  push(x: T): void {
    this.buf[this.tail] = x;
    this.tail = (this.tail + 1) & (this.buf.length - 1);
    if (this.tail === this.head) {
      const size = this.buf.length;
      const next: (T | undefined)[] = new Array(size * 2).fill(undefined);
      for (let i = 0; i < size; i++) next[i] = this.buf[(this.head + i) & (size - 1)];
      this.buf = next;
      this.head = 0;
      this.tail = size;
    }
  }
  shift(): T | undefined {
    if (this.head === this.tail) return undefined;
    const x = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    return x;
  }
}

/** js-simulator 1.0.17: events with update(), a scheduler with a priority queue. */
function jsSimulator(n: number): Outcome {
  const require = createRequire(import.meta.url);
  const jssim = require("js-simulator");
  const arrivals = createStream(SEED, "arrivals");
  const service = createStream(SEED, "service");
  const scheduler = new jssim.Scheduler();
  const queue: number[] = [];
  let qHead = 0;
  let busy = false;
  let arrived = 0;
  let waitSum = 0;
  let served = 0;
  const departure = new jssim.SimEvent(1);
  const arrival = new jssim.SimEvent(1);
  const begin = (arriveS: number, nowS: number): void => {
    waitSum += nowS - arriveS;
    served++;
    busy = true;
    scheduler.schedule(departure, nowS + service.exponential(1 / MU));
  };
  arrival.update = function (this: { time: number }) {
    const nowS = this.time;
    if (++arrived < n) scheduler.schedule(arrival, nowS + arrivals.exponential(1 / LAMBDA));
    if (!busy) begin(nowS, nowS);
    else queue.push(nowS);
  };
  departure.update = function (this: { time: number }) {
    busy = false;
    if (qHead < queue.length) begin(queue[qHead++], this.time);
  };
  scheduler.schedule(arrival, arrivals.exponential(1 / LAMBDA));
  while (scheduler.hasEvents()) scheduler.update();
  return { meanWaitS: waitSum / served, served };
}

/** SimJS 2.0.3: entities with timers and a FCFS facility. */
function simjs(n: number): Outcome {
  const g = globalThis as any;
  if (g.window === undefined) g.window = globalThis;
  const require = createRequire(import.meta.url);
  require("simjs");
  const Sim = g.window.Sim;
  const arrivals = createStream(SEED, "arrivals");
  const service = createStream(SEED, "service");
  const sim = new Sim.Sim();
  const server = new Sim.Facility("server");
  let waitSum = 0;
  let served = 0;
  let arrived = 0;
  class Source extends Sim.Entity {
    start(): void {
      this.setTimer(arrivals.exponential(1 / LAMBDA)).done(this.arrive);
    }
    arrive(): void {
      const arriveS = this.time();
      const durationS = service.exponential(1 / MU);
      this.useFacility(server, durationS).done(function (this: any) {
        waitSum += this.time() - arriveS - durationS;
        served++;
      });
      if (++arrived < n) this.setTimer(arrivals.exponential(1 / LAMBDA)).done(this.arrive);
    }
  }
  sim.addEntity(Source);
  sim.simulate(Number.POSITIVE_INFINITY);
  return { meanWaitS: waitSum / served, served };
}

const ALL_MODELS: [string, string, (n: number) => Outcome][] = [
  ["bare", "bare heap loop", bare],
  ["whsim", "whsim (customers)", (n) => whsimCustomers(n, true)],
  ["timeouts", "whsim (timeouts)", (n) => whsimCustomers(n, false)],
  ["server", "whsim (server)", whsimServer],
  ["floor", "generator floor", (n) => generatorFloor(n, "customers")],
  ["serverfloor", "generator floor (server)", (n) => generatorFloor(n, "server")],
  ["jssim", "js-simulator", jsSimulator],
  ["simjs", "SimJS", simjs],
];
// The bare loop always runs first: every ratio is to it.
const models = ALL_MODELS.filter(([key]) => key === "bare" || SELECTED.includes(key)).map(
  ([, name, f]) => [name, f] as [string, (n: number) => Outcome],
);

/** Wall time and CPU time (user + system of this process) of one run, in seconds. */
function timeIt(
  f: (n: number) => Outcome,
  n: number,
): { seconds: number; cpuSeconds: number; outcome: Outcome } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const outcome = f(n);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, outcome };
}

console.log(
  `M/M/1 λ=${LAMBDA} μ=${MU}, ${CUSTOMERS.toLocaleString("en")} customers, best of ${REPEATS} (theory: mean wait 9.0)`,
);
// Warm every model's code up once on a small run.
for (const [, f] of models) f(20000);
// Repeats are interleaved across models so that load changes on a shared machine hit all
// alike; the best wall time and the best CPU time of each model are kept.
const results = models.map(([name]) => ({
  name,
  seconds: Number.POSITIVE_INFINITY,
  cpuSeconds: Number.POSITIVE_INFINITY,
  outcome: { meanWaitS: Number.NaN, served: 0 } as Outcome,
}));
for (let r = 0; r < REPEATS; r++) {
  models.forEach(([, f], i) => {
    const run = timeIt(f, CUSTOMERS);
    results[i].seconds = Math.min(results[i].seconds, run.seconds);
    results[i].cpuSeconds = Math.min(results[i].cpuSeconds, run.cpuSeconds);
    results[i].outcome = run.outcome;
  });
}
const bare0 = results[0];
let ok = true;
console.log(
  "implementation              wall (s)   events/s   ratio   cpu (s)   ratio   mean wait   served",
);
for (const { name, seconds, cpuSeconds, outcome } of results) {
  const eventsPerS = (2 * CUSTOMERS) / seconds;
  console.log(
    [
      name.padEnd(26),
      seconds.toFixed(3).padStart(9),
      `${(eventsPerS / 1e6).toFixed(2).padStart(8)} M`,
      `${(seconds / bare0.seconds).toFixed(2).padStart(6)}×`,
      cpuSeconds.toFixed(3).padStart(8),
      `${(cpuSeconds / bare0.cpuSeconds).toFixed(2).padStart(6)}×`,
      outcome.meanWaitS.toFixed(4).padStart(10),
      String(outcome.served).padStart(8),
    ].join(" "),
  );
  if (Math.abs(outcome.meanWaitS - 9) > 0.9 || outcome.served !== CUSTOMERS) ok = false;
  if (Math.abs(outcome.meanWaitS - bare0.outcome.meanWaitS) > 1e-6 * bare0.outcome.meanWaitS)
    ok = false;
}
console.log(
  ok
    ? "check: every model served all customers with the same mean wait ≈ 9.0 (theory 9.0)"
    : "CHECK FAILED: a model disagrees",
);
if (!ok) process.exitCode = 1;

if (SELECTED.includes("parts")) {
  const parts = [
    "source timeouts only",
    "+ processes ending at once",
    "+ a service timeout each",
    "+ the server (full model)",
  ];
  for (let level = 0; level < parts.length; level++) whsimPart(20000, level);
  const best = parts.map(() => Number.POSITIVE_INFINITY);
  for (let r = 0; r < REPEATS; r++) {
    for (let level = 0; level < parts.length; level++) {
      const cpu0 = process.cpuUsage();
      const count = whsimPart(CUSTOMERS, level);
      const cpu = process.cpuUsage(cpu0);
      if (count !== CUSTOMERS) throw new Error(`breakdown level ${level} counted ${count}`);
      best[level] = Math.min(best[level], (cpu.user + cpu.system) / 1e6);
    }
  }
  console.log("whsim breakdown (CPU, best of repeats; each line adds to the one above)");
  parts.forEach((part, level) => {
    console.log(
      `  ${part.padEnd(28)} ${best[level].toFixed(3).padStart(7)} s ${(best[level] / bare0.cpuSeconds).toFixed(2).padStart(6)}× bare`,
    );
  });
}
