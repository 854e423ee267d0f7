/**
 * The viewer page: wires the floor map, side panel, charts, compare and what-if tabs to one
 * playback clock, and loads runs from `whsim view` (runs.json), from `?run=URL&compare=URL`,
 * or from files the user opens or drops.
 */

import { type ChartCursor, renderCharts } from "./app/chartsView.ts";
import { CompareView } from "./app/compareView.ts";
import { formatClock } from "./app/format.ts";
import { type HeatmapKind, type MapLayer, MapView } from "./app/mapView.ts";
import { Playback, SPEEDS } from "./app/playback.ts";
import { loadRunFromFiles, loadRunFromUrl, type RunData } from "./app/runData.ts";
import { renderSidebar, updateSidebar } from "./app/sidebar.ts";
import { mountWhatIf } from "./whatif/whatIfView.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const playback = new Playback();
const mainMap = new MapView($("map-main"));
const compare = new CompareView({
  mapA: $("map-a"),
  mapB: $("map-b"),
  mapDiff: $("map-diff"),
  table: $("kpi-diff"),
  titleA: $("compare-a-title"),
  titleB: $("compare-b-title"),
  diffKind: $<HTMLSelectElement>("diff-kind"),
});
const sidebar = $("sidebar");
const scrubber = $<HTMLInputElement>("scrubber");
const clock = $("clock");
const playButton = $<HTMLButtonElement>("play");
const speedSelect = $<HTMLSelectElement>("speed");
const heatmapSelect = $<HTMLSelectElement>("heatmap-kind");
const loading = $("loading");
const runs: [RunData | null, RunData | null] = [null, null];
let activeView = "floor";

for (const s of SPEEDS) {
  const o = document.createElement("option");
  o.value = String(s);
  o.textContent = s < 60 ? `${s}× ` : s < 3600 ? `${s / 60} min/s` : `${s / 3600} h/s`;
  speedSelect.append(o);
}
speedSelect.value = String(playback.speed);
renderSidebar(sidebar, null);

let lastSidebar = 0;
let chartCursor: ChartCursor = () => {};
playback.onTime((t) => {
  clock.textContent = formatClock(t);
  scrubber.value = String(t);
  if (activeView === "floor") mainMap.setTime(t);
  if (activeView === "compare") compare.setTime(t);
  if (activeView === "charts") chartCursor(t);
  const now = performance.now();
  if (!playback.playing || now - lastSidebar > 200) {
    lastSidebar = now;
    updateSidebar(sidebar, runs[0], t, mainMap.stateCounts());
  }
});
playback.onState(() => {
  playButton.textContent = playback.playing ? "❚❚" : "▶";
  playButton.setAttribute("aria-label", playback.playing ? "Pause" : "Play");
  speedSelect.value = String(playback.speed);
  scrubber.min = String(playback.startT);
  scrubber.max = String(playback.endT);
  $("time-span").textContent = `of ${formatClock(playback.endT)}`;
});
playButton.addEventListener("click", () => playback.toggle());
speedSelect.addEventListener("change", () => playback.setSpeed(Number(speedSelect.value)));
scrubber.addEventListener("input", () => playback.seek(Number(scrubber.value)));
heatmapSelect.addEventListener("change", () =>
  mainMap.setHeatmap(heatmapSelect.value as HeatmapKind),
);
$("fit-view").addEventListener("click", () => mainMap.fit());
for (const box of document.querySelectorAll<HTMLInputElement>("input[data-layer]")) {
  box.addEventListener("change", () =>
    mainMap.setLayer(box.dataset.layer as MapLayer, box.checked),
  );
}
const untilClock = $<HTMLInputElement>("heatmap-until");
untilClock.addEventListener("change", () => mainMap.setUntilClock(untilClock.checked));

function showView(name: string): void {
  activeView = name;
  for (const b of document.querySelectorAll<HTMLButtonElement>(".tabs button")) {
    b.classList.toggle("active", b.dataset.view === name);
  }
  for (const v of document.querySelectorAll<HTMLElement>(".view")) {
    v.classList.toggle("active", v.id === `view-${name}`);
  }
  document.body.dataset.view = name;
  if (name === "compare") compare.fit();
  if (name === "floor") mainMap.fit();
  playback.seek(playback.t);
}
for (const b of document.querySelectorAll<HTMLButtonElement>(".tabs button")) {
  b.addEventListener("click", () => showView(b.dataset.view ?? "floor"));
}

function refresh(): void {
  const [a, b] = runs;
  $("run-title").textContent = a ? (b ? `A: ${a.name}  ·  B: ${b.name}` : a.name) : "No run loaded";
  mainMap.setRun(a);
  mainMap.setHeatmap(heatmapSelect.value as HeatmapKind);
  renderSidebar(sidebar, a);
  chartCursor = renderCharts(
    $("charts"),
    runs.filter((r): r is RunData => r !== null),
  );
  chartCursor(playback.t);
  compare.setRuns(a, b);
  const traces = runs.map((r) => r?.trace).filter((t) => !!t);
  const start = traces.length ? Math.min(...traces.map((t) => t!.startT)) : 0;
  const end = traces.length ? Math.max(...traces.map((t) => t!.endT)) : 0;
  playback.setRange(start, end);
  // Start where something moves: a simulated day often begins hours before the first shift.
  const firsts = traces.flatMap((t) =>
    t!.workers.filter((w) => w.moveT.length).map((w) => w.moveT[0]),
  );
  if (firsts.length && playback.t === start)
    playback.seek(Math.max(start, Math.min(...firsts) - 60));
  document.body.dataset.runs = String(runs.filter(Boolean).length);
}

let whatIfBase: unknown = null;
/** Uses run A's scenario as the what-if base when it has one. */
function syncWhatIfBase(): void {
  const scenario = runs[0]?.scenario ?? null;
  if (scenario !== null && scenario !== whatIfBase) {
    whatIfBase = scenario;
    whatIf.setBase(scenario, `run A (${runs[0]!.name})`, {
      seed: runs[0]!.summary?.seed,
      replications: runs[0]!.summary?.replications,
      loaded: runs[0]!,
    });
  }
}

function progress(label: string, fraction: number): void {
  loading.hidden = false;
  loading.textContent = Number.isFinite(fraction)
    ? `${label} (${Math.round(fraction * 100)} %)`
    : label;
}

async function open(slot: 0 | 1, load: () => Promise<RunData>): Promise<void> {
  document.body.dataset.ready = "loading";
  progress("Loading run", Number.NaN);
  try {
    if (loadedRuns) {
      [runs[0], runs[1]] = loadedRuns;
      loadedRuns = null;
      whatIfBanner.hidden = true;
    }
    runs[slot] = await load();
    refresh();
    syncWhatIfBase();
  } finally {
    loading.hidden = true;
    document.body.dataset.ready = "yes";
    // Counts finished loads, so a script can wait for the load it started.
    document.body.dataset.loads = String(Number(document.body.dataset.loads ?? 0) + 1);
  }
}

for (const [id, slot] of [
  ["open-files", 0],
  ["open-files-b", 1],
] as const) {
  const input = $<HTMLInputElement>(id);
  input.addEventListener("change", () => {
    const files = [...(input.files ?? [])];
    if (files.length) open(slot, () => loadRunFromFiles(files, progress));
    input.value = "";
  });
}

async function filesOfDrop(items: DataTransferItemList): Promise<File[]> {
  const files: File[] = [];
  const entries = [...items].map((i) => i.webkitGetAsEntry?.()).filter((e) => !!e);
  const readEntry = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      files.push(
        await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej)),
      );
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      const children = await new Promise<FileSystemEntry[]>((res, rej) =>
        reader.readEntries(res, rej),
      );
      for (const c of children) await readEntry(c);
    }
  };
  for (const e of entries) await readEntry(e!);
  return files;
}

window.addEventListener("dragover", (e) => {
  e.preventDefault();
  document.body.classList.add("dragging");
});
window.addEventListener("dragleave", (e) => {
  if (e.relatedTarget === null) document.body.classList.remove("dragging");
});
window.addEventListener("drop", async (e) => {
  e.preventDefault();
  document.body.classList.remove("dragging");
  if (!e.dataTransfer) return;
  // The drop's data is readable only during the event: take the plain file list now.
  const plain = [...e.dataTransfer.files];
  const fromEntries = await filesOfDrop(e.dataTransfer.items).catch(() => []);
  const files = fromEntries.length ? fromEntries : plain;
  // A drop with Shift held (or onto the compare tab) opens run B.
  const slot = e.shiftKey || (activeView === "compare" && runs[0]) ? 1 : 0;
  if (files.length) open(slot, () => loadRunFromFiles(files, progress));
});

window.addEventListener("keydown", (e) => {
  const target = e.target as HTMLElement;
  if (target.matches("input[type=number], input[type=text], select, textarea")) return;
  const span = Math.max(1, playback.endT - playback.startT);
  if (e.key === " ") playback.toggle();
  else if (e.key === "ArrowRight")
    playback.seek(playback.t + (e.shiftKey ? span / 20 : span / 200));
  else if (e.key === "ArrowLeft") playback.seek(playback.t - (e.shiftKey ? span / 20 : span / 200));
  else if (e.key === "+" || e.key === "=") playback.stepSpeed(1);
  else if (e.key === "-" || e.key === "_") playback.stepSpeed(-1);
  else if (e.key === "Home") playback.seek(playback.startT);
  else if (e.key === "End") playback.seek(playback.endT);
  else if (e.key === "0") mainMap.fit();
  else if (e.key === "Escape") mainMap.follow(-1);
  else return;
  e.preventDefault();
});

/** Read-only handle for scripted checks and performance measurements. */
(window as unknown as { whsimViewer: unknown }).whsimViewer = {
  playback,
  runs,
  mainMap,
  compare,
};

/** The loaded runs while a what-if plays in their place; null when they show. */
let loadedRuns: [RunData | null, RunData | null] | null = null;
const whatIfBanner = $("whatif-banner");

const whatIf = mountWhatIf($("whatif"), (baseline, changed) => {
  loadedRuns ??= [runs[0], runs[1]];
  runs[0] = baseline;
  runs[1] = changed;
  whatIfBanner.hidden = false;
  refresh();
  showView("compare");
});

$("whatif-return").addEventListener("click", () => {
  if (!loadedRuns) return;
  [runs[0], runs[1]] = loadedRuns;
  loadedRuns = null;
  whatIfBanner.hidden = true;
  refresh();
  showView("floor");
});

async function boot(): Promise<void> {
  const params = new URLSearchParams(location.search);
  let bases = [params.get("run"), params.get("compare")].filter((b): b is string => !!b);
  if (!bases.length) {
    const listed = await fetch("runs.json")
      .then((r) => (r.ok ? r.json() : []))
      .catch(() => []);
    if (Array.isArray(listed)) bases = listed.map((r: { base: string }) => r.base).slice(0, 2);
  }
  for (let i = 0; i < bases.length; i++)
    await open(i as 0 | 1, () => loadRunFromUrl(bases[i], progress));
  if (params.get("view")) showView(params.get("view")!);
  document.body.dataset.ready = "yes";
}
boot();
