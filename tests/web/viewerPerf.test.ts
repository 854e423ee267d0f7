/**
 * Viewer performance (behind WHSIM_LONG): loading a one-million-record trace of 100 workers
 * and the time to draw one playback frame. Prints the figures; asserts only generous limits.
 * `WHSIM_LONG=1 npx vitest run tests/web/viewerPerf.test.ts`
 */
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureLayout, fixtureSummary, fixtureTrace } from "../fixtures/viewerFixture.ts";
import { openViewer } from "./browser.ts";

const long = !!process.env.WHSIM_LONG;

async function writeBigRun(dir: string, targetRecords: number): Promise<number> {
  const layout = fixtureLayout(12);
  writeFileSync(join(dir, "layout.json"), JSON.stringify(layout));
  writeFileSync(join(dir, "summary.json"), JSON.stringify(fixtureSummary()));
  const out = createWriteStream(join(dir, "trace.ndjson"));
  let n = 0;
  // About 0.2 records per picker-second: 100 pickers for 70,000 s is over a million records.
  for (const line of fixtureTrace(layout, { pickers: 100, horizonS: 70_000, seed: 7 })) {
    if (n > targetRecords) break;
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
    n++;
  }
  await new Promise<void>((r) => out.end(r));
  return n - 1;
}

if (!long) {
  console.log(
    "skipped: viewer performance on a one-million-record trace (long); run with WHSIM_LONG=1",
  );
}

describe.runIf(long)("viewer performance", () => {
  it("loads a 1M-record trace in seconds and draws a 100-worker frame in milliseconds", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whsim-perf-"));
    try {
      const records = await writeBigRun(dir, 1_000_000);
      const mb = statSync(join(dir, "trace.ndjson")).size / 1e6;
      const started = performance.now();
      const session = await openViewer([{ dir }]);
      const wallS = (performance.now() - started) / 1000;
      try {
        const stats = await session.page.evaluate(async () => {
          const v = (window as any).whsimViewer;
          const run = v.runs[0];
          const times: number[] = [];
          const draws: number[] = [];
          const span = run.trace.endT - run.trace.startT;
          for (let i = 0; i < 300; i++) {
            const t0 = performance.now();
            v.playback.seek(run.trace.startT + (span * i) / 300);
            times.push(performance.now() - t0);
            draws.push(v.mainMap.lastFrameMs);
          }
          times.sort((a, b) => a - b);
          draws.sort((a, b) => a - b);
          // Frame intervals while playing at the highest speed.
          v.playback.seek(run.trace.startT);
          v.playback.setSpeed(600);
          const intervals: number[] = [];
          await new Promise<void>((resolve) => {
            let last = performance.now();
            let n = 0;
            v.playback.play();
            const tick = (now: number) => {
              intervals.push(now - last);
              last = now;
              if (++n < 120) requestAnimationFrame(tick);
              else resolve();
            };
            requestAnimationFrame(tick);
          });
          v.playback.pause();
          intervals.sort((a, b) => a - b);
          return {
            traceMs: run.traceMs,
            records: run.trace.records,
            workers: run.trace.workers.length,
            seekMedianMs: times[150],
            seekP95Ms: times[285],
            drawMedianMs: draws[150],
            drawP95Ms: draws[285],
            frameIntervalMedianMs: intervals[60],
            frameIntervalP95Ms: intervals[114],
          };
        });
        const line = [
          `trace: ${records.toLocaleString("en-US")} records, ${mb.toFixed(0)} MB, ${stats.workers} workers`,
          `index in Web Worker: ${(stats.traceMs / 1000).toFixed(2)} s (page open to ready, incl. Chromium start: ${wallS.toFixed(2)} s)`,
          `worker frame (100 lookups + canvas draw): median ${stats.drawMedianMs.toFixed(2)} ms, p95 ${stats.drawP95Ms.toFixed(2)} ms`,
          `seek incl. clock and side panel update: median ${stats.seekMedianMs.toFixed(2)} ms, p95 ${stats.seekP95Ms.toFixed(2)} ms`,
          `playback frame interval: median ${stats.frameIntervalMedianMs.toFixed(1)} ms, p95 ${stats.frameIntervalP95Ms.toFixed(1)} ms`,
        ].join("\n");
        process.stdout.write(`${line}\n`);
        writeFileSync(join(process.cwd(), "artifacts", "web", "perf.txt"), `${line}\n`);
        expect(stats.records).toBeGreaterThan(900_000);
        expect(stats.workers).toBe(100);
        expect(stats.traceMs).toBeLessThan(20_000);
        expect(stats.seekP95Ms).toBeLessThan(50);
      } finally {
        await session.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
