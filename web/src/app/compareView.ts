/**
 * Compare mode: runs A and B side by side on one clock (and one zoom when the floors match),
 * a difference heatmap B − A, and a KPI table with the differences.
 */
import { escapeHtml as esc } from "../../../src/common/escapeHtml.ts";
import { formatKpi, kpiLabel } from "./format.ts";
import { type HeatmapKind, MapView } from "./mapView.ts";
import type { RunData } from "./runData.ts";

const HIGHER_IS_BETTER = /throughput|ordersShipped|onTime|fillRate|Accuracy|PerHour/;
const LOWER_IS_BETTER = /TimeS$|CycleTime|Travel|congestion|dockToStock|cost/i;

/** HTML table of the KPIs of A and B with B − A and the relative change. */
export function kpiDiffTable(a: RunData, b: RunData): string {
  const ka = a.summary?.kpis ?? {};
  const kb = b.summary?.kpis ?? {};
  const names = [...new Set([...Object.keys(ka), ...Object.keys(kb)])];
  if (!names.length)
    return `<p class="muted">No KPIs: summary.json missing in one of the runs.</p>`;
  const rows = names.map((name) => {
    const va = ka[name]?.mean;
    const vb = kb[name]?.mean;
    const unit = ka[name]?.unit ?? kb[name]?.unit;
    const fa = va === undefined ? { value: "–", unit: "" } : formatKpi(name, va, unit);
    const fb = vb === undefined ? { value: "–", unit: "" } : formatKpi(name, vb, unit);
    let delta = "–";
    let pct = "";
    let cls = "";
    if (va !== undefined && vb !== undefined && Number.isFinite(va) && Number.isFinite(vb)) {
      const fd = formatKpi(name, vb - va, unit);
      // A difference that rounds to zero for display counts as none.
      const d = /^-?0$/.test(fd.value) ? 0 : vb - va;
      delta = `${d > 0 ? "+" : ""}${d === 0 ? "0" : fd.value} ${fd.unit}`;
      pct =
        va !== 0 && d !== 0 ? `${d > 0 ? "+" : ""}${((100 * d) / Math.abs(va)).toFixed(1)} %` : "";
      const good = LOWER_IS_BETTER.test(name) ? d < 0 : HIGHER_IS_BETTER.test(name) ? d > 0 : null;
      if (d !== 0 && good !== null) cls = good ? "good" : "bad";
    }
    return `<tr data-kpi="${esc(name)}"><td>${esc(kpiLabel(name))}</td><td>${fa.value} ${esc(fa.unit)}</td><td>${fb.value} ${esc(fb.unit)}</td><td class="delta ${cls}" style="color:${cls === "good" ? "#15803d" : cls === "bad" ? "#b91c1c" : "inherit"}">${delta}</td><td class="muted">${pct}</td></tr>`;
  });
  return `<h3>KPIs: A ${esc(a.name)} vs B ${esc(b.name)}</h3><table class="diff"><tr><th>KPI</th><th>A</th><th>B</th><th>B − A</th><th>change</th></tr>${rows.join("")}</table>`;
}

/** The compare tab's maps and table. */
export class CompareView {
  readonly a: MapView;
  readonly b: MapView;
  readonly diff: MapView;
  private runs: [RunData | null, RunData | null] = [null, null];

  constructor(
    private elements: {
      mapA: HTMLElement;
      mapB: HTMLElement;
      mapDiff: HTMLElement;
      table: HTMLElement;
      titleA: HTMLElement;
      titleB: HTMLElement;
      diffKind: HTMLSelectElement;
    },
  ) {
    // The panes are small: queues are left to the KPI table.
    this.a = new MapView(elements.mapA, { stateKey: false, queueBadges: false });
    this.b = new MapView(elements.mapB, { stateKey: false, queueBadges: false });
    this.diff = new MapView(elements.mapDiff, { stateKey: false });
    this.diff.hideWorkers();
    const maps = [this.a, this.b, this.diff];
    for (const m of maps) {
      m.onZoom((t) => {
        if (!this.sameFloor()) return;
        for (const other of maps) if (other !== m) other.setTransform(t);
      });
    }
    elements.diffKind.addEventListener("change", () => this.drawDiff());
  }

  private sameFloor(): boolean {
    const [a, b] = this.runs;
    return (
      !!a?.layout &&
      !!b?.layout &&
      a.layout.widthM === b.layout.widthM &&
      a.layout.depthM === b.layout.depthM
    );
  }

  /** Shows runs A and B (either may be missing). */
  setRuns(a: RunData | null, b: RunData | null): void {
    this.runs = [a, b];
    this.elements.titleA.textContent = a ? `A: ${a.name}` : "Run A: none";
    this.elements.titleB.textContent = b ? `B: ${b.name}` : "Run B: open a second run (Open B…)";
    this.a.setRun(a);
    this.b.setRun(b);
    this.diff.setRun(b ?? a);
    this.drawDiff();
    this.elements.table.innerHTML =
      a && b ? kpiDiffTable(a, b) : `<p class="muted">Open a second run to compare KPIs.</p>`;
  }

  private drawDiff(): void {
    const [a, b] = this.runs;
    if (a && b)
      this.diff.setDiffHeatmap(this.elements.diffKind.value as Exclude<HeatmapKind, "none">, a, b);
  }

  /** Refits the maps after the tab becomes visible. */
  fit(): void {
    // Each pane fits its own size; zooming one afterwards moves the others.
    for (const m of [this.a, this.b, this.diff]) m.fit(false);
  }

  setTime(t: number): void {
    this.a.setTime(t);
    this.b.setTime(t);
  }
}
