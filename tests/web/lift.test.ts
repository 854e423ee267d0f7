/**
 * A truck at height in the viewer: `lift` records become each worker's lift spans, liftAt()
 * gives the fork height at a time, and drawWorkers() draws a bar and a label for it.
 */
import { describe, expect, it } from "vitest";
import { drawWorkers } from "../../web/src/draw/drawWorkers.ts";
import { liftAt } from "../../web/src/trace/playbackQuery.ts";
import { createTraceParser } from "../../web/src/trace/traceParser.ts";
import { stateCode } from "../../web/src/trace/traceTypes.ts";

const records = [
  { kind: "header", version: 1, workers: [{ id: "R1", role: "putaway", equipment: "reachTruck" }] },
  {
    t: 0,
    kind: "move",
    id: "R1",
    path: [
      [0, 0],
      [10, 0],
    ],
    untilT: 10,
  },
  { t: 10, kind: "state", id: "R1", state: "lifting" },
  { t: 10, kind: "lift", id: "R1", location: "A01-03", level: 4, heightM: 4.5, untilT: 30 },
];

function parse() {
  const parser = createTraceParser();
  parser.push(records.map((r) => JSON.stringify(r)).join("\n"));
  return parser.finish();
}

describe("lift in the viewer", () => {
  it("parses lift records into the worker's track, without issues", () => {
    const index = parse();
    expect(index.issues).toEqual([]);
    const w = index.workers[0];
    expect(Array.from(w.liftT)).toEqual([10]);
    expect(Array.from(w.liftUntilT)).toEqual([30]);
    expect(Array.from(w.liftHeightM)).toEqual([4.5]);
    expect(w.stateCode[0]).toBe(stateCode("lifting"));
    expect(stateCode("lifting")).not.toBe(stateCode("other"));
  });

  it("liftAt() rises to the level at mid-lift and is back on the floor after it", () => {
    const w = parse().workers[0];
    expect(liftAt(w, 5)).toBe(0);
    expect(liftAt(w, 15)).toBeCloseTo(2.25, 6);
    expect(liftAt(w, 20)).toBeCloseTo(4.5, 6);
    expect(liftAt(w, 25)).toBeCloseTo(2.25, 6);
    expect(liftAt(w, 30)).toBe(0);
  });

  it("drawWorkers() draws a bar as tall as the height and labels it", () => {
    const calls: string[] = [];
    const ctx = new Proxy({ canvas: { width: 100, height: 100 } } as Record<string, unknown>, {
      get(target, key) {
        if (key in target) return target[key as string];
        return (...args: unknown[]) => calls.push(`${String(key)}(${args.join(",")})`);
      },
      set(target, key, value) {
        target[key as string] = value;
        return true;
      },
    }) as unknown as CanvasRenderingContext2D;
    const dots = {
      count: 2,
      x: Float64Array.from([5, 8]),
      y: Float64Array.from([5, 5]),
      color: ["#000", "#000"],
      visible: Uint8Array.from([1, 1]),
      liftM: Float32Array.from([4.5, 0]),
    };
    drawWorkers(ctx, dots, { k: 1, x: 0, y: 0 }, { depthM: 10 });
    const bars = calls.filter((c) => c.startsWith("fillRect("));
    // One bar, for the lifted worker only: 4.5 m at 6 px a metre.
    expect(bars).toHaveLength(1);
    expect(bars[0].split(",")[3]).toBe("27)");
    expect(calls.filter((c) => c.startsWith("fillText("))).toEqual([
      expect.stringMatching(/^fillText\(4\.5 m,/),
    ]);
  });
});
