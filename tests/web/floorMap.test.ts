/**
 * The viewer's floor in real Chromium, on `whsim run tests/fixtures/viewer-scenario.yaml
 * --trace` (seed 5): scale bar and symbol legend, layer toggles, queue badges clear of the
 * labels, idle workers on one spot counted (their counts clear of labels and badges), place
 * tooltips with each door's and station's own figures, a blocked aisle while a worker waits,
 * a docked trailer's fill, following a worker, an empty heatmap, the busiest roles and the
 * warm-up check. Screenshots go to artifacts/web.
 * Expected values come from the run's files, read here independently of the viewer.
 */
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, openViewer, type ViewerSession } from "./browser.ts";
import { generateRuns } from "./runFixture.ts";
import { expectedPosition, expectedState, type Run, readRun } from "./traceExpect.ts";

let session: ViewerSession;
let run: Run;

beforeAll(async () => {
  const [dir] = await generateRuns([5]);
  run = readRun(dir);
  session = await openViewer([{ dir }]);
}, 90_000);

afterAll(async () => {
  await session?.close();
  if (run) rmSync(dirname(run.dir), { recursive: true, force: true });
});

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** True if two screen boxes overlap. */
const hit = (a: Box, b: Box) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

/** True if box `a` lies whole inside box `b`. */
const inside = (a: Box, b: Box) => a.x0 >= b.x0 && a.y0 >= b.y0 && a.x1 <= b.x1 && a.y1 <= b.y1;

/**
 * The main map's boxes now, px from its corner: the floor labels as the browser lays them
 * out, and the queue badges and idle counts of the last frame.
 */
async function floorBoxes(): Promise<{ labels: Box[]; badges: Box[]; counts: Box[]; map: Box }> {
  return session.page.evaluate(() => {
    const el = document.getElementById("map-main")!;
    const c = el.getBoundingClientRect();
    const labels = [...el.querySelectorAll(".labels text")].map((e) => {
      const r = e.getBoundingClientRect();
      return { x0: r.left - c.left, y0: r.top - c.top, x1: r.right - c.left, y1: r.bottom - c.top };
    });
    const view = (window as any).whsimViewer.mainMap;
    const map = { x0: 0, y0: 0, x1: c.width, y1: c.height };
    return { labels, badges: view.badgeBoxes, counts: view.countBoxes, map };
  });
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

/** Non-transparent pixels of the main map's worker canvas. */
async function paintedPixels(): Promise<number> {
  return session.page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>("#map-main canvas")!;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}

/** Screen position (page px) of layout point (x, y), m, from the drawn floor's box. */
async function screenOf(x: number, y: number): Promise<[number, number]> {
  const floor = (await session.page.locator("#map-main .floor").boundingBox())!;
  const { widthM, depthM } = run.layout;
  return [floor.x + (x / widthM) * floor.width, floor.y + ((depthM - y) / depthM) * floor.height];
}

/** Where a worker stands at t: on its moves, and before the first one at its start. */
function standingAt(id: string, t: number): [number, number] | null {
  const first = run.records.find((r) => r.kind === "move" && r.id === id);
  if (!first) return null;
  return t < first.t ? first.path[0] : expectedPosition(run, id, t);
}

const workerIds = () => (run.records[0].workers as { id: string }[]).map((w) => w.id);

/** Holder steps per place from `kind` records: [time, holder or ""] in trace order. */
function holds(kind: string, placeField: string, holderField: string) {
  const out = new Map<string, [number, string][]>();
  for (const r of run.records) {
    if (r.kind !== kind) continue;
    const place = String(r[placeField]);
    if (!out.has(place)) out.set(place, []);
    out.get(place)!.push([r.t, r[holderField] ?? ""]);
  }
  return out;
}

/** The holder at t of a place's steps ("" when free). */
function holderAt(steps: [number, string][], t: number): string {
  let holder = "";
  for (const [at, h] of steps) if (at <= t) holder = h;
  return holder;
}

/** The share of [0, t] during which the place was held. */
function heldShare(steps: [number, string][], t: number): number {
  let heldS = 0;
  steps.forEach(([at, h], i) => {
    const end = Math.min(steps[i + 1]?.[0] ?? t, t);
    if (h !== "" && at < t) heldS += end - at;
  });
  return heldS / t;
}

/** A wait for a held place, from the trace's `block` records. */
interface Wait {
  worker: string;
  at: string;
  reason: string;
  location: string;
  t0: number;
  t1: number;
}

/** Every wait of the trace: each worker's start record paired with its next end record. */
function blockWaits(): Wait[] {
  const open = new Map<string, Wait>();
  const out: Wait[] = [];
  for (const r of run.records) {
    if (r.kind !== "block") continue;
    if (r.phase === "start") {
      const location = r.location ?? "";
      open.set(r.id, { worker: r.id, at: r.at, reason: r.reason, location, t0: r.t, t1: Infinity });
    } else {
      const w = open.get(r.id)!;
      w.t1 = r.t;
      out.push(w);
      open.delete(r.id);
    }
  }
  return [...out, ...open.values()].sort((a, b) => a.t0 - b.t0);
}

/**
 * Pixels of the worker canvas within 4 px of colour `rgb`, inside the screen box of the
 * layout `points` (m, padded by 2 m), or anywhere.
 */
async function pixelsLike(rgb: number[], points?: readonly (readonly number[])[]): Promise<number> {
  let box: number[] | null = null;
  if (points) {
    const corners = await Promise.all(points.map((p) => screenOf(p[0], p[1])));
    const canvas = (await session.page.locator("#map-main canvas").boundingBox())!;
    const pad =
      (2 * (await session.page.locator("#map-main .floor").boundingBox())!.width) /
      run.layout.widthM;
    const xs = corners.map((c) => c[0] - canvas.x);
    const ys = corners.map((c) => c[1] - canvas.y);
    box = [
      Math.min(...xs) - pad,
      Math.min(...ys) - pad,
      Math.max(...xs) + pad,
      Math.max(...ys) + pad,
    ];
  }
  return session.page.evaluate(
    ({ rgb, box }) => {
      const canvas = document.querySelector<HTMLCanvasElement>("#map-main canvas")!;
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const [x0, y0, x1, y1] = (box ?? [0, 0, canvas.width / ratio, canvas.height / ratio]).map(
        (v) => Math.round(v * ratio),
      );
      const left = Math.max(0, x0);
      const top = Math.max(0, y0);
      const w = Math.max(1, Math.min(canvas.width, x1) - left);
      const h = Math.max(1, Math.min(canvas.height, y1) - top);
      const data = canvas.getContext("2d")!.getImageData(left, top, w, h).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const near = [0, 1, 2].every((c) => Math.abs(data[i + c] - rgb[c]) <= 4);
        if (near && data[i + 3] === 255) n++;
      }
      return n;
    },
    { rgb, box },
  );
}

/** Pixels of the blocked-place red (#dc2626), near `points` or anywhere. */
const redPixels = (points?: readonly (readonly number[])[]) => pixelsLike([220, 38, 38], points);

/** A time when two or more idle workers stand on one spot, with the most there and where. */
function stackTime(): { t: number; count: number; x: number; y: number } | null {
  const ids = workerIds();
  const times = run.records.filter((r) => r.kind === "state").map((r) => Math.ceil(r.t) + 1);
  for (const t of times.filter((_, i) => i % 7 === 0)) {
    const spots = new Map<string, { count: number; x: number; y: number }>();
    for (const id of ids) {
      if (expectedState(run, id, t) !== "idle") continue;
      const p = standingAt(id, t);
      if (!p) continue;
      const key = `${Math.round(p[0] * 100)},${Math.round(p[1] * 100)}`;
      const spot = spots.get(key) ?? { count: 0, x: p[0], y: p[1] };
      spot.count++;
      spots.set(key, spot);
    }
    const most = [...spots.values()].sort((a, b) => b.count - a.count)[0];
    if (most && most.count >= 2) return { t, ...most };
  }
  return null;
}

/** A queue's length at t from its `queue` records (0 before the first). */
function queueAt(name: string, t: number): number {
  let length = 0;
  for (const r of run.records)
    if (r.kind === "queue" && r.name === name && r.t <= t) length = r.length;
  return length;
}

/** A time when a worker is halfway through a long move. */
function movingAt(): { id: string; t: number } {
  const m = run.records.find((r) => r.kind === "move" && r.untilT - r.t > 20);
  return { id: m.id, t: Math.round((m.t + m.untilT) / 2) };
}

describe("the viewer's floor", () => {
  it("shows a scale bar true to the drawing and a legend of the layout's symbols", async () => {
    const page = session.page;
    const { layout } = run;
    const metres = Number(await page.getAttribute("#map-main .scale-bar", "data-metres"));
    expect(metres).toBeGreaterThan(0);
    const bar = (await page.locator("#map-main .scale-bar .bar").boundingBox())!;
    const floor = (await page.locator("#map-main .floor").boundingBox())!;
    // The bar's width is its length at the drawing's scale: the floor's box is widthM wide
    // plus its outline (0.25 m, half on each side).
    expect(bar.width).toBeCloseTo((metres * floor.width) / (layout.widthM + 0.25), 0);
    expect(await page.textContent("#map-main .scale-bar")).toContain(`${metres} m`);
    const symbols = await page
      .locator("#map-main .symbol-legend .symbol")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-symbol")));
    const expected = [
      layout.racks.length && "rack",
      layout.aisles.length && "aisle",
      layout.docks.some((d) => d.kind === "inbound") && "inbound dock",
      layout.docks.some((d) => d.kind === "outbound") && "outbound dock",
      layout.packStations.length && "pack station",
      layout.pdPoints.length && "P&D point",
    ].filter(Boolean);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    for (const s of expected) expect(symbols, String(s)).toContain(s);
    expect(await page.isVisible("#map-main .symbol-legend")).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "floor-legend.png") });
  });

  it("layer toggles remove workers, queues, heatmap and labels", async () => {
    const page = session.page;
    await scrubTo(movingAt().t);
    await page.selectOption("#heatmap-kind", "picks");
    expect(await page.locator("#map-main .labels text").first().isVisible()).toBe(true);
    expect(await page.locator("#map-main .heat-cell").first().isVisible()).toBe(true);
    expect(await paintedPixels()).toBeGreaterThan(0);
    await page.uncheck("#layer-labels");
    await page.uncheck("#layer-heatmap");
    expect(await page.locator("#map-main .labels text").first().isVisible()).toBe(false);
    expect(await page.locator("#map-main .heat-cell").first().isVisible()).toBe(false);
    expect(await page.isVisible("#map-main .legend-box")).toBe(false);
    await page.uncheck("#layer-workers");
    const queuesOnly = await paintedPixels();
    expect(queuesOnly).toBeGreaterThan(0);
    await page.uncheck("#layer-queues");
    expect(await paintedPixels()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "floor-layers-off.png") });
    await page.check("#layer-workers");
    expect(await paintedPixels()).toBeGreaterThan(0);
    for (const l of ["queues", "labels", "heatmap"]) await page.check(`#layer-${l}`);
    expect(await page.locator("#map-main .heat-cell").first().isVisible()).toBe(true);
    await page.selectOption("#heatmap-kind", "none");
  });

  it("queue badges never cover a label, at the fitted view and zoomed in", async () => {
    const page = session.page;
    const overlaps = async () => {
      const { labels, badges, map } = await floorBoxes();
      const hits = badges.filter((b) => labels.some((l) => hit(b, l))).length;
      const out = badges.filter((b) => !inside(b, map)).length;
      return { badges: badges.length, labels: labels.length, hits, out };
    };
    await scrubTo(movingAt().t);
    const fitted = await overlaps();
    expect(fitted.badges).toBeGreaterThan(0);
    expect(fitted.labels).toBeGreaterThan(5);
    expect(fitted.hits).toBe(0);
    // With the whole floor in view, every badge is in view too.
    expect(fitted.out).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "floor-badges.png") });
    // Zoomed in on the docks, where badges and labels crowd.
    const dock = run.layout.docks[0];
    const [x, y] = await screenOf(dock.x, dock.y);
    await page.mouse.move(x, y);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200);
    await page.waitForTimeout(200);
    const zoomed = await overlaps();
    expect(zoomed.badges).toBeGreaterThan(0);
    expect(zoomed.hits).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "floor-badges-zoomed.png") });
    await page.click("#fit-view");
  });

  it("idle workers on one spot are drawn once, with their count", async () => {
    const found = stackTime();
    expect(found, "a time with idle workers on one spot").not.toBeNull();
    await scrubTo(found!.t);
    const stacks: { count: number }[] = await session.page.evaluate(
      () => (window as any).whsimViewer.mainMap.stacks,
    );
    expect(Math.max(...stacks.map((s) => s.count))).toBe(found!.count);
    await session.page.screenshot({ path: join(ARTIFACTS, "floor-stacks.png") });
  });

  it("dock and pack-station tooltips give their own queue and busy share", async () => {
    const page = session.page;
    const t = movingAt().t;
    await scrubTo(t);
    // Workers take the tooltip when the pointer is on one: hide them to point at places.
    await page.uncheck("#layer-workers");
    const station = run.layout.packStations[0];
    await page
      .locator(`#map-main .pack-station[data-id="${station.id}"] rect`)
      .hover({ force: true });
    const text = (await page.textContent("#map-main .tooltip")) ?? "";
    expect(text).toContain(`pack station ${station.id}`);
    const held = holds("station", "station", "worker").get(station.id)!;
    expect(text).toContain(`packer now ${holderAt(held, t) || "none"}`);
    expect(text).toContain(`station busy (up to now) ${Math.round(100 * heldShare(held, t))} %`);
    const waiting = queueAt("packStations", t);
    expect(text).toContain(`queue packStations (all stations) ${waiting}`);
    expect(text).toMatch(/packers here now \d+ busy of \d+/);
    const out = run.layout.docks.find((d) => d.kind === "outbound")!;
    await page.locator(`#map-main .dock[data-id="${out.id}"] rect`).hover({ force: true });
    const dockText = (await page.textContent("#map-main .tooltip")) ?? "";
    expect(dockText).toContain(`dock ${out.id}`);
    const door = holds("door", "door", "trailer").get(out.id)!;
    expect(dockText).toContain(`door busy (up to now) ${Math.round(100 * heldShare(door, t))} %`);
    expect(dockText).toContain(`trailer now ${holderAt(door, t) || "none"}`);
    // The door's own queue: its staging lane's pallets.
    const lane = run.layout.stagingLanes.find((l) => l.dock === out.id)!;
    expect(dockText).toContain(`queue staging:${lane.id} ${queueAt(`staging:${lane.id}`, t)}`);
    await page.screenshot({ path: join(ARTIFACTS, "floor-tooltip.png") });
    await page.check("#layer-workers");
  });

  it("clicking a worker follows it: the view keeps it in the middle", async () => {
    const page = session.page;
    const { id, t } = movingAt();
    await scrubTo(t);
    const p = expectedPosition(run, id, t)!;
    const [x, y] = await screenOf(p[0], p[1]);
    await page.mouse.click(x, y);
    expect(await page.getAttribute("#map-main .follow-chip", "data-worker")).toBe(id);
    expect(await page.isVisible("#map-main .follow-chip")).toBe(true);
    // Later on, the worker is elsewhere on the floor but still in the middle of the map.
    const later = t + 8;
    await scrubTo(later);
    const q = expectedPosition(run, id, later)!;
    expect(Math.hypot(q[0] - p[0], q[1] - p[1])).toBeGreaterThan(1);
    const [qx, qy] = await screenOf(q[0], q[1]);
    const map = (await page.locator("#map-main").boundingBox())!;
    expect(Math.abs(qx - (map.x + map.width / 2))).toBeLessThan(2);
    expect(Math.abs(qy - (map.y + map.height / 2))).toBeLessThan(2);
    await page.screenshot({ path: join(ARTIFACTS, "floor-follow.png") });
    await page.click("#map-main .follow-chip");
    expect(await page.isVisible("#map-main .follow-chip")).toBe(false);
    await page.click("#fit-view");
  });

  it("a blocked aisle is marked while a worker waits there, and clear after", async () => {
    const waits = blockWaits();
    const aisles = new Set(run.layout.aisles.map((a) => a.id));
    const active = (t: number) => waits.filter((w) => w.t0 <= t && t < w.t1);
    // A wait of 10 s or more in a picking aisle, and a whole second after it with no wait.
    let chosen: { wait: Wait; mid: number; after: number } | null = null;
    for (const wait of waits.filter((w) => aisles.has(w.at) && w.t1 - w.t0 >= 10)) {
      const after = [1, 2, 3, 5, 8, 13, 30, 60].map((d) => Math.ceil(wait.t1) + d);
      const clear = after.find((t) => active(t).length === 0);
      if (clear !== undefined) {
        chosen = { wait, mid: Math.round((wait.t0 + wait.t1) / 2), after: clear };
        break;
      }
    }
    expect(chosen, "a wait in an aisle followed by a time with none").not.toBeNull();
    const { wait, mid, after } = chosen!;
    await scrubTo(mid);
    const blocked: { at: string; worker: string }[] = await session.page.evaluate(
      () => (window as any).whsimViewer.mainMap.blocked,
    );
    expect(blocked).toContainEqual(expect.objectContaining({ at: wait.at, worker: wait.worker }));
    expect(blocked.length).toBe(active(mid).length);
    // The waiting worker is shown waiting, and its aisle is outlined in red.
    expect(expectedState(run, wait.worker, mid)).toBe("waiting");
    const aisle = run.layout.aisles.find((a) => a.id === wait.at)!;
    expect(await redPixels(aisle.points)).toBeGreaterThan(20);
    // Its tooltip says where it is blocked.
    const [wx, wy] = await screenOf(...expectedPosition(run, wait.worker, mid)!);
    await session.page.mouse.move(wx, wy);
    expect(await session.page.textContent("#map-main .tooltip")).toContain(
      `blocked at ${wait.at} (${wait.location || wait.reason})`,
    );
    await session.page.screenshot({ path: join(ARTIFACTS, "floor-blocked.png") });
    await scrubTo(after);
    expect(await session.page.evaluate(() => (window as any).whsimViewer.mainMap.blocked)).toEqual(
      [],
    );
    expect(await redPixels(aisle.points)).toBe(0);
    expect(await redPixels()).toBe(0);
  });

  it("a door shows its docked trailer with its fill in pallets of its places", async () => {
    // An outbound trailer part-loaded: a load record, and a whole second before the next
    // record of that door.
    const byDoor = run.records.filter((r) => ["door", "trailer", "load"].includes(r.kind));
    const load = byDoor.find((r, i) => {
      if (r.kind !== "load" || !r.trailer.startsWith("out-") || r.pallets < 2) return false;
      const next = byDoor.slice(i + 1).find((q) => q.door === r.door);
      return !next || next.t > Math.ceil(r.t) + 1;
    });
    expect(load, "a part-loaded outbound trailer").toBeDefined();
    const t = Math.ceil(load.t);
    await scrubTo(t);
    const texts: string[] = await session.page.evaluate(
      () => (window as any).whsimViewer.mainMap.badgeTexts,
    );
    expect(texts).toContain(`${load.door} ${load.trailer} ${load.pallets}/${load.palletPlaces}`);
    const door = run.layout.docks.find((d) => d.id === load.door)!;
    // The trailer's box over the door fills amber for its share of the places.
    const amber = await pixelsLike(
      [245, 158, 11],
      [
        [door.x - door.widthM / 2, door.y],
        [door.x + door.widthM / 2, door.y],
      ],
    );
    expect(amber).toBeGreaterThan(0);
    await session.page.uncheck("#layer-workers");
    await session.page.locator(`#map-main .dock[data-id="${door.id}"] rect`).hover({ force: true });
    expect(await session.page.textContent("#map-main .tooltip")).toContain(
      `trailer now ${load.trailer} · ${load.pallets} / ${load.palletPlaces} pallets`,
    );
    await session.page.screenshot({ path: join(ARTIFACTS, "floor-trailer.png") });
    await session.page.check("#layer-workers");
  });

  it("idle counts never cover a label or a badge, fitted and zoomed in", async () => {
    const page = session.page;
    const found = stackTime();
    expect(found, "a time with idle workers on one spot").not.toBeNull();
    await scrubTo(found!.t);
    const check = async () => {
      const { labels, badges, counts, map } = await floorBoxes();
      return {
        counts: counts.length,
        out: counts.filter((b) => !inside(b, map)).length,
        hits: counts.filter((b) => [...labels, ...badges].some((o) => hit(b, o))).length,
        each: counts.filter((b, i) => counts.some((o, j) => j !== i && hit(b, o))).length,
      };
    };
    const fitted = await check();
    expect(fitted.counts).toBeGreaterThan(0);
    expect(fitted).toEqual({ counts: fitted.counts, out: 0, hits: 0, each: 0 });
    await page.mouse.move(2, 2);
    await page.screenshot({ path: join(ARTIFACTS, "floor-counts.png") });
    // Zoomed in on the stack, where its count meets the labels near it.
    const [x, y] = await screenOf(found!.x, found!.y);
    await page.mouse.move(x, y);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -200);
    await page.waitForTimeout(200);
    const zoomed = await check();
    expect(zoomed.counts).toBeGreaterThan(0);
    // Stacks off the zoomed view keep their counts beside them, out of view too.
    expect(zoomed).toEqual({ counts: zoomed.counts, out: zoomed.out, hits: 0, each: 0 });
    await page.mouse.move(2, 2);
    await page.screenshot({ path: join(ARTIFACTS, "floor-counts-zoomed.png") });
    await page.click("#fit-view");
  });

  it("an empty heatmap says that nothing was recorded", async () => {
    const page = session.page;
    const first = Math.min(...run.records.filter((r) => r.kind === "congestion").map((r) => r.t));
    expect(Number.isFinite(first)).toBe(true);
    await scrubTo(Math.floor(first) - 1);
    await page.check("#heatmap-until");
    await page.selectOption("#heatmap-kind", "congestion");
    expect(await page.locator("#map-main .heat-segment").count()).toBe(0);
    expect(await page.textContent("#map-main .legend-box")).toBe(
      "No congestion recorded up to the clock",
    );
    await page.uncheck("#heatmap-until");
    expect(await page.locator("#map-main .heat-segment").count()).toBeGreaterThan(0);
    await page.selectOption("#heatmap-kind", "none");
  });

  it("the side panel's cards show the busiest roles, busiest first", async () => {
    const roles = [...new Set((run.records[0].workers as { role: string }[]).map((w) => w.role))];
    const kpis = run.summary.kpis;
    const busiest = roles
      .filter((r) => kpis[`utilization.${r}`])
      .sort((a, b) => kpis[`utilization.${b}`].mean - kpis[`utilization.${a}`].mean)
      .slice(0, 3);
    const shown = await session.page
      .locator("#busiest-roles .kpi")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-role")));
    expect(shown).toEqual(busiest);
  });

  it("the charts tab has the warm-up check: orders and backlog per day", async () => {
    const page = session.page;
    await page.click("button[data-view=charts]");
    const days = run.summary.daily!.createdOrders.mean.length;
    expect(days).toBeGreaterThan(0);
    const charts = page.locator("#charts [data-chart=warmup] svg[data-chart=barsWithCi]");
    expect(await charts.count()).toBe(2);
    const ticks = await charts.first().locator(".axis.x .tick text").allTextContents();
    expect(ticks).toHaveLength(days);
    expect(ticks[0]).toMatch(/^Mon 1/);
    expect(await page.textContent("#charts [data-chart=warmup]")).toContain("Welch");
    await page.locator("#charts [data-chart=warmup]").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "charts-warmup.png") });
    await page.click("button[data-view=floor]");
  });
});
