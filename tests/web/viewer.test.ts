/**
 * The viewer in real Chromium: built with Vite, served by serveViewer on 127.0.0.1, driven
 * through playwright-core on the fixture runs in tests/fixtures/viewer-run-{a,b}.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Layout } from "../../src/layout/types.ts";
import { ARTIFACTS, openViewer, type ViewerSession } from "./browser.ts";

const RUN_A = join(import.meta.dirname, "../fixtures/viewer-run-a");
const RUN_B = join(import.meta.dirname, "../fixtures/viewer-run-b");
const layout = JSON.parse(readFileSync(join(RUN_A, "layout.json"), "utf8")) as Layout;
const records = readFileSync(join(RUN_A, "trace.ndjson"), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l));

/** Expected [x, y] of a worker at t, straight from the trace's definition of `move`. */
function expectedPosition(id: string, t: number): [number, number] | null {
  const moves = records.filter((r) => r.kind === "move" && r.id === id && r.t <= t);
  const m = moves.at(-1);
  if (!m) return null;
  const path = m.path as [number, number][];
  const lengths = path.slice(1).map((p, i) => Math.hypot(p[0] - path[i][0], p[1] - path[i][1]));
  const total = lengths.reduce((a, b) => a + b, 0);
  if (t >= m.untilT || total === 0) return path.at(-1)!;
  let d = ((t - m.t) / (m.untilT - m.t)) * total;
  for (let i = 0; i < lengths.length; i++) {
    if (d <= lengths[i]) {
      const f = d / lengths[i];
      return [
        path[i][0] + (path[i + 1][0] - path[i][0]) * f,
        path[i][1] + (path[i + 1][1] - path[i][1]) * f,
      ];
    }
    d -= lengths[i];
  }
  return path.at(-1)!;
}

function expectedState(id: string, t: number): string {
  const states = records.filter((r) => r.kind === "state" && r.id === id && r.t <= t);
  return states.at(-1)?.state ?? "idle";
}

const COLORS: Record<string, [number, number, number]> = {
  travelling: [0x25, 0x63, 0xeb],
  picking: [0x16, 0xa3, 0x4a],
  handling: [0x93, 0x33, 0xea],
  waiting: [0xea, 0x58, 0x0c],
  idle: [0x64, 0x74, 0x8b],
};

let session: ViewerSession;

beforeAll(async () => {
  session = await openViewer([{ dir: RUN_A }, { dir: RUN_B }]);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

/** Pixel colour of the worker canvas in `mapId` at layout point (x, y), m. */
async function canvasPixelAt(mapId: string, x: number, y: number): Promise<number[]> {
  return session.page.evaluate(
    ({ mapId, x, y }) => {
      const map = document.getElementById(mapId)!;
      const floor = map.querySelector(".floor")!.getBoundingClientRect();
      const canvas = map.querySelector("canvas")!;
      const c = canvas.getBoundingClientRect();
      const widthM = Number(map.querySelector(".floor")!.getAttribute("width"));
      const depthM = Number(map.querySelector(".floor")!.getAttribute("height"));
      const sx = floor.left + (x / widthM) * floor.width - c.left;
      const sy = floor.top + ((depthM - y) / depthM) * floor.height - c.top;
      const ratio = canvas.width / c.width;
      const d = canvas
        .getContext("2d")!
        .getImageData(Math.round(sx * ratio), Math.round(sy * ratio), 1, 1).data;
      return [d[0], d[1], d[2], d[3]];
    },
    { mapId, x, y },
  );
}

async function scrubTo(t: number): Promise<void> {
  await session.page.$eval(
    "#scrubber",
    (el, t) => {
      const input = el as HTMLInputElement;
      input.value = String(t);
      input.dispatchEvent(new Event("input"));
    },
    t,
  );
}

describe("viewer", () => {
  it("draws the layout's racks and docks to scale", async () => {
    const page = session.page;
    expect(await page.locator("#map-main .racks .rack").count()).toBe(layout.racks.length);
    const dockIds = await page
      .locator("#map-main .docks .dock")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
    expect(dockIds.sort()).toEqual(layout.docks.map((d) => d.id).sort());
    expect(await page.locator("#map-main .pack-station").count()).toBe(layout.packStations.length);
    expect(await page.locator("#map-main .aisle").count()).toBe(layout.aisles.length);
    // To scale: the floor's on-screen aspect ratio is the layout's.
    const box = await page.locator("#map-main .floor").boundingBox();
    expect(box!.width / box!.height).toBeCloseTo(layout.widthM / layout.depthM, 2);
    await page.screenshot({ path: join(ARTIFACTS, "floor.png") });
  });

  it("scrubbing to a time shows each worker where the trace puts it, coloured by state", async () => {
    const t = 1234;
    await scrubTo(t);
    expect(await session.page.textContent("#clock")).toBe("00:20:34");
    const ids = ["P1", "P2", "P3", "P4"];
    let checked = 0;
    for (const id of ids) {
      const p = expectedPosition(id, t);
      const state = expectedState(id, t);
      if (!p || state === "off-shift") continue;
      // Workers closer than 1.5 m may hide each other: accept any of their colours.
      const near = ids.filter((o) => {
        const q = expectedPosition(o, t);
        return q && Math.hypot(q[0] - p[0], q[1] - p[1]) < 1.5;
      });
      const allowed = near.map((o) => COLORS[expectedState(o, t)]);
      const px = await canvasPixelAt("map-main", p[0], p[1]);
      expect(px[3]).toBe(255);
      expect(allowed.some((c) => c.every((v, i) => Math.abs(v - px[i]) <= 2))).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
    await session.page.screenshot({ path: join(ARTIFACTS, "scrubbed.png") });
  });

  it("keyboard: arrows step the clock, space plays and pauses", async () => {
    const page = session.page;
    await scrubTo(600);
    await page.locator("body").press("ArrowRight");
    const span = records.at(-1).t; // the fixture's last record time; trace starts at 0
    const after = await page.$eval("#scrubber", (el) => Number((el as HTMLInputElement).value));
    expect(after).toBeCloseTo(600 + span / 200, 0);
    await page.locator("body").press("Space");
    await page.waitForTimeout(300);
    expect(await page.getAttribute("#play", "aria-label")).toBe("Pause");
    await page.locator("body").press("Space");
    const played = await page.$eval("#scrubber", (el) => Number((el as HTMLInputElement).value));
    expect(played).toBeGreaterThan(after);
  });

  it("heatmaps draw picks per location, congestion per aisle and travel density with legends", async () => {
    const page = session.page;
    await page.selectOption("#heatmap-kind", "picks");
    const pickedFootprints = new Set(
      records
        .filter((r) => r.kind === "pick")
        .map((r) => {
          const loc = layout.locations.find((l) => l.id === r.location)!;
          return `${loc.address.rack}:${loc.address.bay}:${loc.address.slot}`;
        }),
    );
    expect(await page.locator("#map-main .heat-cell").count()).toBe(pickedFootprints.size);
    expect(await page.textContent("#map-main .legend-box")).toContain("Picks per location (picks)");
    await page.screenshot({ path: join(ARTIFACTS, "heatmap-picks.png") });

    await page.selectOption("#heatmap-kind", "congestion");
    const aisles = new Set(records.filter((r) => r.kind === "congestion").map((r) => r.aisle));
    expect(await page.locator("#map-main .heat-aisle").count()).toBe(aisles.size);
    expect(await page.textContent("#map-main .legend-box")).toContain("(s)");

    await page.selectOption("#heatmap-kind", "density");
    expect(await page.locator("#map-main .density-heatmap image").count()).toBe(1);
    expect(await page.textContent("#map-main .legend-box")).toContain("m per 1 m cell");
    await page.screenshot({ path: join(ARTIFACTS, "heatmap-density.png") });
    await page.selectOption("#heatmap-kind", "none");
  });

  it("hovering a location shows its SKU, stock and picks", async () => {
    const page = session.page;
    const pick = records.find((r) => r.kind === "pick");
    const loc = layout.locations.find((l) => l.id === pick.location)!;
    const count = records.filter((r) => r.kind === "pick" && r.location === loc.id).length;
    const footprint = page
      .locator(
        `#map-main [data-footprint="${loc.address.rack}:${loc.address.bay}:${loc.address.slot}"]`,
      )
      .first();
    await footprint.hover();
    const text = await page.textContent("#map-main .tooltip");
    expect(text).toContain(loc.id);
    expect(text).toContain(pick.sku);
    expect(text).toContain(`picks (run) ${count}`);
  });

  it("charts render the sample series and the order breakdown with data", async () => {
    const page = session.page;
    await page.click("button[data-view=charts]");
    const lines = await page.locator("#charts svg[data-chart=timeSeries]").count();
    expect(lines).toBe(4);
    for (const name of ["wip", "queues", "utilization", "stock"]) {
      // Each series line has a vertex per sample (61 samples, one per minute).
      const d = await page
        .locator(`#charts [data-chart=${name}] g.series path`)
        .first()
        .getAttribute("d");
      expect(d?.split(/[ML]/).length ?? 0).toBeGreaterThan(60);
    }
    expect(await page.textContent("#charts [data-chart=utilization]")).toContain("(%)");
    expect(
      await page
        .locator("#charts [data-chart=order-breakdown] svg[data-chart=stackedBreakdown] rect")
        .count(),
    ).toBeGreaterThan(7);
    await page.screenshot({ path: join(ARTIFACTS, "charts.png"), fullPage: true });
  });

  it("compare mode shows both runs on one clock and the difference heatmap", async () => {
    const page = session.page;
    await page.click("button[data-view=compare]");
    expect(await page.locator("#map-a .rack").count()).toBe(layout.racks.length);
    expect(await page.locator("#map-b .rack").count()).toBe(layout.racks.length);
    await scrubTo(1234);
    // Run A's worker is where run A's trace puts it, in the compare pane too.
    const p = expectedPosition("P1", 1234)!;
    const px = await canvasPixelAt("map-a", p[0], p[1]);
    expect(px[3]).toBe(255);
    const bDrawn = await page.evaluate(() => {
      const c = document.querySelector("#map-b canvas") as HTMLCanvasElement;
      const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
    expect(bDrawn).toBeGreaterThan(50);
    expect(await page.locator("#map-diff .heat-cell").count()).toBeGreaterThan(10);
    expect(await page.textContent("#map-diff .legend-box")).toContain("B − A");
    const row = page.locator('#kpi-diff tr[data-kpi="orderCycleTimeS"]');
    // Fixture summaries: cycle time 300 + 10·pickS s, so A (12 s) 420 s and B (6 s) 360 s.
    expect(await row.textContent()).toContain("-60");
    await page.screenshot({ path: join(ARTIFACTS, "compare.png") });
    await page.click("button[data-view=floor]");
  });

  it("what-if runs the simulation in the browser and fewer pickers lengthen the order cycle", async () => {
    const page = session.page;
    await page.click("button[data-view=whatif]");
    await page.waitForFunction(() => document.body.dataset.whatif === "ready", undefined, {
      timeout: 30_000,
    });
    const day = page.locator('[name="pickers-day"]');
    const before = Number(await day.inputValue());
    expect(before).toBeGreaterThan(1);
    await day.fill("1");
    await page.selectOption('[name="horizonDays"]', "1");
    await page.click("#whatif-run");
    await page.waitForFunction(
      () => ["done", "error"].includes(document.body.dataset.whatif ?? ""),
      undefined,
      { timeout: 45_000 },
    );
    expect(await page.textContent("#whatif-status")).toMatch(/^Done/);
    const cells = async (kpi: string) =>
      (await page.locator(`#whatif-kpis tr[data-kpi="${kpi}"] td`).allTextContents()).map((t) =>
        Number.parseFloat(t.replace(/,/g, "")),
      );
    // One picker instead of several on the day shift: orders wait longer for a picker
    // (a queue with fewer servers), so the mean cycle time grows and fewer orders ship.
    const [, cycleA, cycleB] = await cells("orderCycleTimeS");
    expect(cycleB).toBeGreaterThan(cycleA);
    const [, shippedA, shippedB] = await cells("ordersShipped");
    expect(shippedB).toBeLessThan(shippedA);
    await page.screenshot({ path: join(ARTIFACTS, "whatif.png") });
    // Both simulated runs open in compare mode with their traces.
    await page.click("#whatif-compare");
    await page.waitForFunction(() => document.body.dataset.view === "compare");
    expect(await page.locator("#map-b .rack").count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(ARTIFACTS, "whatif-compare.png") });
  });
});
