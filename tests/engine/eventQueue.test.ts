import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/engine/index.ts";

describe("event queue order", () => {
  it("timeouts fire in (time, creation order) for any schedule, with cancelled ones skipped", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ delay: fc.integer({ min: 0, max: 20 }), cancel: fc.boolean() }), {
          maxLength: 300,
        }),
        (specs) => {
          const sim = new Simulation();
          const fired: number[] = [];
          const events = specs.map((spec, i) => {
            const ev = sim.timeout(spec.delay / 4);
            ev.addCallback(() => fired.push(i));
            return ev;
          });
          specs.forEach((spec, i) => {
            if (spec.cancel) events[i].cancel();
          });
          sim.run();
          const expected = specs
            .map((spec, i) => ({ ...spec, i }))
            .filter((s) => !s.cancel)
            .sort((a, b) => a.delay - b.delay || a.i - b.i)
            .map((s) => s.i);
          expect(fired).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("timeouts scheduled from processes interleave with zero-delay events by (time, seq)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 6 }), { maxLength: 12 }),
        (plans) => {
          // Reference: a naive simulation that keeps every pending wake-up in one sorted list.
          const sim = new Simulation();
          const log: string[] = [];
          plans.forEach((delays, p) => {
            sim.process(function* () {
              for (let k = 0; k < delays.length; k++) {
                yield sim.timeout(delays[k]);
                log.push(`${p}.${k}@${sim.now}`);
              }
            });
          });
          sim.run();
          const pending: { t: number; seq: number; p: number; k: number }[] = [];
          let seq = 0;
          const naive: string[] = [];
          // Every process starts at 0 in creation order and schedules its first wake-up.
          plans.forEach((delays, p) => {
            if (delays.length > 0) pending.push({ t: delays[0], seq: seq++, p, k: 0 });
          });
          while (pending.length > 0) {
            pending.sort((a, b) => a.t - b.t || a.seq - b.seq);
            const next = pending.shift()!;
            naive.push(`${next.p}.${next.k}@${next.t}`);
            const delays = plans[next.p];
            if (next.k + 1 < delays.length) {
              pending.push({
                t: next.t + delays[next.k + 1],
                seq: seq++,
                p: next.p,
                k: next.k + 1,
              });
            }
          }
          expect(log).toEqual(naive);
        },
      ),
      { numRuns: 200 },
    );
  });
});
