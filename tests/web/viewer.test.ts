/**
 * The viewer in real Chromium: built with Vite, served by serveViewer on 127.0.0.1, driven
 * through playwright-core on two runs of `whsim run tests/fixtures/viewer-scenario.yaml --trace`
 * (seeds 3 and 4) generated in setup. Expected values are read from the run files here,
 * independently of the viewer's code.
 */
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, openViewer, type ViewerSession } from "./browser.ts";
import { generateRuns } from "./runFixture.ts";
import { expectedPosition, expectedState, type Run, readRun } from "./traceExpect.ts";

/** The state colours of the viewer's key (web/src/trace/traceTypes.ts), as RGB. */
const COLORS: Record<string, [number, number, number]> = {
  travelling: [0x25, 0x63, 0xeb],
  picking: [0x16, 0xa3, 0x4a],
  handling: [0x93, 0x33, 0xea],
  lifting: [0xb9, 0x1c, 0x1c],
  waiting: [0xea, 0x58, 0x0c],
  idle: [0x64, 0x74, 0x8b],
};

/**
 * True if pixel `px` shows colour `c`, alone or under a neighbour's white outline: c mixed
 * with white by one share of at most 0.6 on every channel (±2).
 */
function showsColor(px: number[], c: [number, number, number]): boolean {
  if (c.every((v, i) => Math.abs(v - px[i]) <= 2)) return true;
  const k = c.indexOf(Math.min(...c));
  const share = (px[k] - c[k]) / (255 - c[k]);
  if (!(share > 0 && share <= 0.6)) return false;
  return c.every((v, i) => Math.abs(v + share * (255 - v) - px[i]) <= 2);
}

let session: ViewerSession;
let runA: Run;
let runB: Run;

beforeAll(async () => {
  const [a, b] = await generateRuns([3, 4]);
  runA = readRun(a);
  runB = readRun(b);
  session = await openViewer([{ dir: a }, { dir: b }]);
}, 90_000);

afterAll(async () => {
  await session?.close();
  if (runA) rmSync(dirname(runA.dir), { recursive: true, force: true });
});

/** Pixel RGBA of the worker canvas in `mapId` over layout point (x, y), m. */
async function canvasPixelAt(mapId: string, x: number, y: number): Promise<number[]> {
  return session.page.evaluate(
    ({ mapId, x, y }) => {
      const map = document.getElementById(mapId)!;
      const floorEl = map.querySelector(".floor")!;
      const floor = floorEl.getBoundingClientRect();
      const canvas = map.querySelector("canvas")!;
      const c = canvas.getBoundingClientRect();
      const widthM = Number(floorEl.getAttribute("width"));
      const depthM = Number(floorEl.getAttribute("height"));
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

/** Clicks "Run what-if" and waits until it finishes; expects it to succeed. */
async function runWhatIf(): Promise<void> {
  const page = session.page;
  await page.click("#whatif-run");
  await page.waitForFunction(
    () => ["done", "error"].includes(document.body.dataset.whatif ?? ""),
    undefined,
    { timeout: 90_000 },
  );
  expect(await page.textContent("#whatif-status")).toMatch(/^Done/);
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

/** A time (whole seconds) in the middle of the run's busiest stretch: mid-way through a move. */
function busyTime(run: Run): number {
  const moves = run.records.filter((r) => r.kind === "move" && r.untilT - r.t > 4);
  const m = moves[Math.floor(moves.length * 0.3)];
  return Math.round((m.t + m.untilT) / 2);
}

function hms(t: number): string {
  const p = (n: number) => String(Math.floor(n)).padStart(2, "0");
  return `${p(t / 3600)}:${p((t % 3600) / 60)}:${p(t % 60)}`;
}

describe("viewer on a whsim run", () => {
  it("draws the layout's racks and docks to scale", async () => {
    const page = session.page;
    const { layout } = runA;
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
    const t = busyTime(runA);
    await scrubTo(t);
    expect(await session.page.textContent("#clock")).toBe(hms(t));
    const header = runA.records[0];
    const ids: string[] = header.workers.map((w: { id: string }) => w.id);
    const where = new Map(ids.map((id) => [id, expectedPosition(runA, id, t)] as const));
    let checked = 0;
    let moving = 0;
    for (const id of ids) {
      const p = where.get(id);
      const state = expectedState(runA, id, t);
      if (!p || state === "off-shift") continue;
      // Workers closer than 1.5 m may hide each other: accept any of their colours, also
      // under the white outline of a neighbour drawn after.
      const allowed = ids
        .filter((o) => {
          const q = where.get(o);
          return (
            q &&
            expectedState(runA, o, t) !== "off-shift" &&
            Math.hypot(q[0] - p[0], q[1] - p[1]) < 1.5
          );
        })
        .map((o) => COLORS[expectedState(runA, o, t)]);
      const px = await canvasPixelAt("map-main", p[0], p[1]);
      expect(px[3], `worker ${id} drawn at (${p[0]}, ${p[1]})`).toBe(255);
      expect(
        allowed.some((c) => showsColor(px, c)),
        `worker ${id} (${state}) shows rgb(${px.slice(0, 3).join(", ")})`,
      ).toBe(true);
      checked++;
      if (state === "travelling") moving++;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(moving).toBeGreaterThanOrEqual(1);
    await session.page.screenshot({ path: join(ARTIFACTS, "scrubbed.png") });
  });

  it("keyboard: arrows step the clock, space plays and pauses", async () => {
    const page = session.page;
    const times = runA.records.slice(1).flatMap((r) => (r.untilT ? [r.t, r.untilT] : [r.t]));
    const span = Math.max(...times) - Math.min(...times);
    await scrubTo(36_000);
    await page.locator("body").press("ArrowRight");
    const after = await page.$eval("#scrubber", (el) => Number((el as HTMLInputElement).value));
    expect(Math.abs(after - (36_000 + span / 200))).toBeLessThanOrEqual(1);
    // + and - step through the speeds: 60 → 120 → 60 simulated seconds per second.
    expect(await page.inputValue("#speed")).toBe("60");
    await page.locator("body").press("+");
    expect(await page.inputValue("#speed")).toBe("120");
    await page.locator("body").press("-");
    expect(await page.inputValue("#speed")).toBe("60");
    await page.locator("body").press("Space");
    await page.waitForTimeout(300);
    expect(await page.getAttribute("#play", "aria-label")).toBe("Pause");
    await page.locator("body").press("Space");
    expect(await page.getAttribute("#play", "aria-label")).toBe("Play");
    const played = await page.$eval("#scrubber", (el) => Number((el as HTMLInputElement).value));
    expect(played).toBeGreaterThan(after);
  });

  it("heatmaps draw picks per location, congestion per aisle and travel density with legends", async () => {
    const page = session.page;
    const { layout, records } = runA;
    await page.selectOption("#heatmap-kind", "picks");
    const byId = new Map(layout.locations.map((l) => [l.id, l] as const));
    const pickedFootprints = new Set(
      records
        .filter((r) => r.kind === "pick")
        .map((r) => {
          const a = byId.get(r.location)!.address;
          return `${a.rack}:${a.bay}:${a.slot}`;
        }),
    );
    expect(pickedFootprints.size).toBeGreaterThan(10);
    expect(await page.locator("#map-main .heat-cell").count()).toBe(pickedFootprints.size);
    expect(await page.textContent("#map-main .legend-box")).toContain("Picks per location (picks)");
    await page.screenshot({ path: join(ARTIFACTS, "heatmap-picks.png") });

    // Up to the clock: only the positions picked by then are coloured.
    await scrubTo(36_000);
    await page.check("#heatmap-until");
    const pickedBy = new Set(
      records
        .filter((r) => r.kind === "pick" && r.t <= 36_000)
        .map((r) => {
          const a = byId.get(r.location)!.address;
          return `${a.rack}:${a.bay}:${a.slot}`;
        }),
    );
    expect(pickedBy.size).toBeGreaterThan(0);
    expect(pickedBy.size).toBeLessThan(pickedFootprints.size);
    expect(await page.locator("#map-main .heat-cell").count()).toBe(pickedBy.size);
    expect(await page.textContent("#map-main .legend-box")).toContain("up to the clock");
    await page.uncheck("#heatmap-until");
    expect(await page.locator("#map-main .heat-cell").count()).toBe(pickedFootprints.size);

    await page.selectOption("#heatmap-kind", "congestion");
    // Each wait goes to the 5 m piece of its aisle where the waiting worker stood.
    const aisleById = new Map(
      [...layout.aisles, ...layout.crossAisles].map((a) => [a.id, a] as const),
    );
    const pieces = new Set<string>();
    for (const r of records.filter((r) => r.kind === "congestion")) {
      const a = aisleById.get(r.aisle)!;
      const at = expectedPosition(runA, r.worker, r.t)!;
      let along = 0;
      let best = Number.POSITIVE_INFINITY;
      let bestAlong = 0;
      for (let k = 1; k < a.points.length; k++) {
        const [p, q] = [a.points[k - 1], a.points[k]];
        const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
        const f = Math.max(
          0,
          Math.min(1, ((at[0] - p[0]) * (q[0] - p[0]) + (at[1] - p[1]) * (q[1] - p[1])) / len ** 2),
        );
        const d = Math.hypot(p[0] + f * (q[0] - p[0]) - at[0], p[1] + f * (q[1] - p[1]) - at[1]);
        if (d < best) [best, bestAlong] = [d, along + f * len];
        along += len;
      }
      pieces.add(`${a.id}#${Math.min(Math.ceil(along / 5) - 1, Math.floor(bestAlong / 5))}`);
    }
    expect(pieces.size).toBeGreaterThan(0);
    const drawn = await page
      .locator("#map-main .heat-segment")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-key")));
    expect(new Set(drawn)).toEqual(pieces);
    expect(await page.textContent("#map-main .legend-box")).toContain(
      "Congestion wait per 5 m aisle segment (s)",
    );
    await page.screenshot({ path: join(ARTIFACTS, "heatmap-congestion.png") });

    await page.selectOption("#heatmap-kind", "density");
    expect(await page.locator("#map-main .density-heatmap image").count()).toBe(1);
    expect(await page.textContent("#map-main .legend-box")).toContain("m per 1 m cell");
    await page.screenshot({ path: join(ARTIFACTS, "heatmap-density.png") });
    await page.selectOption("#heatmap-kind", "none");
  });

  it("hovering a location shows its SKU, stock and picks", async () => {
    const page = session.page;
    const { layout, records } = runA;
    await scrubTo(86_000);
    const pick = records.find((r) => r.kind === "pick");
    const loc = layout.locations.find((l) => l.id === pick.location)!;
    const count = records.filter((r) => r.kind === "pick" && r.location === loc.id).length;
    const stock = records
      .filter((r) => r.kind === "stock" && r.location === loc.id && r.t <= 86_000)
      .at(-1);
    const key = `${loc.address.rack}:${loc.address.bay}:${loc.address.slot}`;
    await page.locator(`#map-main .location[data-footprint="${key}"]`).hover({ force: true });
    const text = (await page.textContent("#map-main .tooltip")) ?? "";
    expect(text).toContain(loc.id);
    expect(text).toContain(pick.sku);
    expect(text).toContain(`picks (run) ${count}`);
    if (stock) expect(text).toContain(`${stock.sku}: ${stock.onHand.toLocaleString("en-US")}`);
  });

  it("charts render the sample series and the order breakdown with data", async () => {
    const page = session.page;
    await page.click("button[data-view=charts]");
    // WIP, queues, stock, utilisation per hour, throughput per hour, orders created/shipped.
    expect(await page.locator("#charts svg[data-chart=timeSeries]").count()).toBe(6);
    const samples = runA.records.filter((r) => r.kind === "sample").length;
    expect(samples).toBeGreaterThan(20);
    for (const name of ["wip", "queues", "stock"]) {
      // One vertex per sample of run A (the first series).
      const d = await page
        .locator(`#charts [data-chart=${name}] g.series path`)
        .first()
        .getAttribute("d");
      expect((d ?? "").split(/[ML]/).length - 1).toBe(samples);
    }
    expect(await page.textContent("#charts [data-chart=utilization]")).toContain("(%)");
    // Utilisation is one hourly step line per role whose workers are ever on shift.
    const staffed = (run: Run) =>
      run.records[0].workers.filter((w: { id: string }) =>
        run.records.some((r) => r.kind === "state" && r.id === w.id && r.state !== "off-shift"),
      );
    const roles = new Set(staffed(runA).map((w: { role: string }) => w.role));
    expect(roles.size).toBeGreaterThan(1);
    const utilSeries = await page
      .locator("#charts [data-chart=utilization] g.series")
      .evaluateAll((gs) => gs.map((g) => g.getAttribute("data-name") ?? ""));
    expect(new Set(utilSeries.filter((n) => n.startsWith("A · ")).map((n) => n.slice(4)))).toEqual(
      roles,
    );
    // A state timeline per run, one row per staffed worker.
    expect(await page.locator("#charts [data-chart=state-timeline] svg g.row").count()).toBe(
      staffed(runA).length + staffed(runB).length,
    );
    // Orders created and shipped, one cumulative line each per run.
    for (const name of ["A · created", "A · shipped", "B · created", "B · shipped"]) {
      expect(
        await page.locator(`#charts [data-chart=orders] g.series[data-name="${name}"]`).count(),
      ).toBe(1);
    }
    // The time cursor sits at the playback time: at the end of the day on the scrubber's end.
    await scrubTo(43_200);
    const cursor = page.locator("#charts [data-chart=wip] line.time-cursor");
    const axisX = await page
      .locator("#charts [data-chart=wip] .axis.x .tick")
      .evaluateAll((ticks) =>
        ticks.map((t) => [
          t.textContent ?? "",
          new DOMMatrix(getComputedStyle(t).transform).e ||
            Number(/translate\(([\d.]+)/.exec(t.getAttribute("transform") ?? "")?.[1]),
        ]),
      );
    const twelve = axisX.find((t) => t[0] === "Mon 12:00");
    expect(twelve).toBeDefined();
    expect(Number(await cursor.getAttribute("x1"))).toBeCloseTo(Number(twelve![1]) - 0.5, 0);
    const bars = page.locator(
      "#charts [data-chart=order-breakdown] svg[data-chart=stackedBreakdown] rect",
    );
    expect(await bars.count()).toBeGreaterThan(4);
    await page.screenshot({ path: join(ARTIFACTS, "charts.png") });
  });

  it("compare mode shows both runs on one clock and the difference heatmap", async () => {
    const page = session.page;
    await page.click("button[data-view=compare]");
    expect(await page.locator("#map-a .rack").count()).toBe(runA.layout.racks.length);
    expect(await page.locator("#map-b .rack").count()).toBe(runB.layout.racks.length);
    const t = busyTime(runB);
    await scrubTo(t);
    // Each pane shows its own run at the shared time.
    for (const [mapId, run] of [
      ["map-a", runA],
      ["map-b", runB],
    ] as const) {
      const moving = run.records.find((r) => r.kind === "move" && r.t <= t && r.untilT > t);
      const p = expectedPosition(run, moving.id, t)!;
      const px = await canvasPixelAt(mapId, p[0], p[1]);
      expect(px[3], `${mapId}: ${moving.id} at (${p[0]}, ${p[1]})`).toBe(255);
    }
    expect(await page.locator("#map-diff .heat-cell").count()).toBeGreaterThan(10);
    expect(await page.textContent("#map-diff .legend-box")).toContain("B − A");
    const a = runA.summary.kpis.ordersShipped.mean;
    const b = runB.summary.kpis.ordersShipped.mean;
    const row = (
      await page.locator('#kpi-diff tr[data-kpi="ordersShipped"] td').allTextContents()
    ).map((s) => Number.parseFloat(s.replace(/,/g, "")));
    expect(row.slice(1, 4)).toEqual([a, b, b - a]);
    await page.screenshot({ path: join(ARTIFACTS, "compare.png") });
  });

  it("what-if runs the simulation in the browser and fewer pickers lengthen the order cycle", async () => {
    const page = session.page;
    await page.click("button[data-view=whatif]");
    await page.waitForFunction(() => document.body.dataset.whatif === "ready", undefined, {
      timeout: 30_000,
    });
    // The base is run A's scenario (scenario.json): 8 day-shift pickers, seed 3, 1 replication.
    expect(await page.textContent("#whatif-form")).toContain("viewer-small");
    const day = page.locator('[name="crew-picker-day"]');
    expect(Number(await day.inputValue())).toBe(8);
    expect(Number(await page.inputValue('[name="seed"]'))).toBe(3);
    expect(Number(await page.inputValue('[name="replications"]'))).toBe(1);
    for (const name of ["crew-packer-day", "crew-loader-day", "packStations", "shift-start-day"]) {
      expect(await page.locator(`[name="${name}"]`).count(), name).toBe(1);
    }
    expect(await page.locator('[name^="cutoff-"]').count()).toBeGreaterThan(0);
    await day.fill("1");
    await page.selectOption('[name="horizonDays"]', "1");
    await runWhatIf();
    const cells = async (kpi: string) =>
      (await page.locator(`#whatif-kpis tr[data-kpi="${kpi}"] td`).allTextContents()).map((t) =>
        Number.parseFloat(t.replace(/,/g, "")),
      );
    // One picker instead of eight on the day shift: orders wait longer for a picker (fewer
    // servers for the same arrivals), so the mean cycle time grows and fewer orders ship.
    const [, cycleA, cycleB] = await cells("orderCycleTimeS");
    expect(cycleB).toBeGreaterThan(cycleA);
    const [, shippedA, shippedB] = await cells("ordersShipped");
    expect(shippedB).toBeLessThan(shippedA);
    // The baseline is run A's scenario, seed and replications: it reproduces run A's KPIs.
    expect(shippedA).toBe(runA.summary.kpis.ordersShipped.mean);
    expect(await page.textContent("#whatif-reproduces")).toContain("reproduces the loaded run");
    // One replication: no interval, so no difference is coloured.
    const tones = await page
      .locator("#whatif-kpis tr[data-kpi]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-tone")));
    expect(tones.length).toBeGreaterThan(10);
    expect(new Set(tones)).toEqual(new Set(["neutral"]));
    await page.screenshot({ path: join(ARTIFACTS, "whatif.png") });
    await page.click("#whatif-compare");
    await page.waitForFunction(() => document.body.dataset.view === "compare");
    expect(await page.locator("#map-b .rack").count()).toBe(runA.layout.racks.length);
    expect(await page.textContent("#compare-b-title")).toContain("what-if");
    await page.screenshot({ path: join(ARTIFACTS, "whatif-compare.png") });
    // The loaded runs are one click away.
    expect(await page.isVisible("#whatif-return")).toBe(true);
    await page.click("#whatif-return");
    expect(await page.isVisible("#whatif-return")).toBe(false);
    expect(await page.textContent("#compare-b-title")).not.toContain("what-if");
    const [, , b] = (
      await page.locator('#kpi-diff tr[data-kpi="ordersShipped"] td').allTextContents()
    ).map((t) => Number.parseFloat(t.replace(/,/g, "")));
    expect(b).toBe(runB.summary.kpis.ordersShipped.mean);
  });

  it("what-if colours a difference only when its 95 % interval excludes zero (grey otherwise)", async () => {
    const page = session.page;
    await page.click("button[data-view=whatif]");
    // A small change over 4 replications: some intervals span zero, the cycle time's does not.
    await page.fill('[name="crew-picker-day"]', "3");
    await page.fill('[name="replications"]', "4");
    await runWhatIf();
    const rows = await page.locator("#whatif-kpis tr[data-kpi]").evaluateAll((trs) =>
      trs.map((tr) => ({
        kpi: tr.getAttribute("data-kpi")!,
        tone: tr.getAttribute("data-tone")!,
        low: Number(tr.getAttribute("data-low")),
        high: Number(tr.getAttribute("data-high")),
        color: getComputedStyle(tr.querySelector(".delta")!).color,
        interval: tr.querySelector(".interval")!.textContent ?? "",
      })),
    );
    const GREY = "rgb(100, 116, 139)";
    let spanning = 0;
    let coloured = 0;
    for (const r of rows) {
      if (!(r.low > 0 || r.high < 0)) {
        // The interval includes zero: grey, whatever the means say.
        expect(r.tone, r.kpi).toBe("neutral");
        expect(r.color, r.kpi).toBe(GREY);
        if (r.low < 0 && r.high > 0 && !/^utilization|^stock|^space|^demand/.test(r.kpi))
          spanning++;
      } else if (r.tone !== "neutral") {
        coloured++;
        expect(r.color, r.kpi).toBe(r.tone === "good" ? "rgb(21, 128, 61)" : "rgb(185, 28, 28)");
      }
      expect(r.interval, r.kpi).toMatch(Number.isFinite(r.low) ? / to / : /^no interval/);
    }
    expect(spanning).toBeGreaterThan(0);
    expect(coloured).toBeGreaterThan(0);
    // Five pickers fewer on the day shift lengthen the cycle beyond the noise: red.
    expect(rows.find((r) => r.kpi === "orderCycleTimeS")?.tone).toBe("bad");
    await page.screenshot({ path: join(ARTIFACTS, "whatif-intervals.png"), fullPage: true });
  });

  it("dropping a results folder's files on the page opens them (Shift: as run B)", async () => {
    const page = session.page;
    const names = ["layout.json", "summary.json", "trace.ndjson"];
    const texts = names.map((n) => readFileSync(join(runB.dir, n), "utf8"));
    const loads = await page.evaluate(() => Number(document.body.dataset.loads));
    await page.evaluate(
      ({ names, texts }) => {
        const dt = new DataTransfer();
        for (let i = 0; i < names.length; i++) dt.items.add(new File([texts[i]], names[i]));
        window.dispatchEvent(
          new DragEvent("drop", { dataTransfer: dt, shiftKey: true, cancelable: true }),
        );
      },
      { names, texts },
    );
    await page.waitForFunction((n) => Number(document.body.dataset.loads) > n, loads);
    await page.click("button[data-view=compare]");
    // B is run B again: its KPI column shows run B's orders shipped (once loaded).
    const cell = page.locator('#kpi-diff tr[data-kpi="ordersShipped"] td').nth(2);
    await expect
      .poll(async () => Number.parseFloat(((await cell.textContent()) ?? "").replace(/,/g, "")), {
        timeout: 15_000,
      })
      .toBe(runB.summary.kpis.ordersShipped.mean);
  });

  it("opening a results folder's files loads it as run B", async () => {
    const page = session.page;
    const files = ["layout.json", "summary.json", "trace.ndjson", "scenario.json"].map((f) =>
      join(runA.dir, f),
    );
    const loads = await page.evaluate(() => Number(document.body.dataset.loads));
    await page.setInputFiles("#open-files-b", files);
    await page.waitForFunction((n) => Number(document.body.dataset.loads) > n, loads);
    await page.click("button[data-view=compare]");
    await page.waitForFunction(() => document.querySelectorAll("#map-b .rack").length > 0);
    expect(await page.locator("#map-b .rack").count()).toBe(runA.layout.racks.length);
    // A is run A (the what-if gave the loaded runs back): against run A's files, no difference.
    const diff = await page
      .locator('#kpi-diff tr[data-kpi="ordersShipped"] td')
      .nth(3)
      .textContent();
    expect(diff?.trim()).toBe("0 orders");
  });

  it("works under the server's Content-Security-Policy: no violation, no failed load", () => {
    expect(session.consoleErrors).toEqual([]);
  });
});
