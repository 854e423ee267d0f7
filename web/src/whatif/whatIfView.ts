/**
 * The what-if tab: change pickers per shift, orders per day, routing policy and simulated
 * days, run the simulation core in a Web Worker (no server), and compare the KPIs with the
 * unchanged scenario on the same seed. Both runs can then be played in Compare.
 */

import { escapeHtml as esc } from "../../../src/common/escapeHtml.ts";
import { kpiDiffTable } from "../app/compareView.ts";
import type { RunData } from "../app/runData.ts";
import { stackedBreakdown } from "../charts/index.ts";
import { SimClient, SimError } from "./simClient.ts";
import type { WhatIfParams } from "./whatIfParams.ts";

const ROUTINGS = ["sShape", "return", "midpoint", "largestGap", "combined", "optimal"];

/** What mountWhatIf returns: set the base scenario (run A's scenario.json, or null for the default). */
export interface WhatIfHandle {
  /** `seed` defaults to the scenario's own seed. */
  setBase(scenario: unknown | null, label: string, seed?: number): void;
}

/** Mounts the what-if form into `el`; `onCompare` receives the baseline and what-if runs. */
export function mountWhatIf(
  el: HTMLElement,
  onCompare: (baseline: RunData, whatIf: RunData) => void,
): WhatIfHandle {
  const client = new SimClient();
  let base: unknown | null = null;
  let baseLabel = "bundled default scenario";
  let shifts: string[] = [];
  let params: WhatIfParams | null = null;
  let baseSeed = 1;
  const baselineCache = new Map<string, RunData>();
  let last: [RunData, RunData] | null = null;

  el.innerHTML = `
    <div class="card" id="whatif-form"><h3>What-if in the browser</h3><p class="muted">Loading the scenario…</p></div>
    <div id="whatif-results"><div class="card"><h3>Results</h3><p class="muted">Change a parameter and run: the simulation runs in this browser, in a Web Worker, and the KPIs are compared with the unchanged scenario on the same seed.</p></div></div>`;
  const form = el.querySelector<HTMLElement>("#whatif-form")!;
  const results = el.querySelector<HTMLElement>("#whatif-results")!;

  const toRun = (
    name: string,
    reply: Awaited<ReturnType<SimClient["run"]>>,
    scenario: unknown | null,
  ): RunData => ({
    name,
    layout: reply.layout,
    summary: {
      kind: "run",
      kpis: Object.fromEntries(
        Object.entries(reply.kpis).map(([k, v]) => [
          k,
          { mean: v, ci95: 0, n: 1, unit: reply.units[k] || undefined },
        ]),
      ),
      breakdown: reply.breakdown,
    },
    scenario,
    trace: reply.index,
    traceMs: reply.ms,
    traceBytes: 0,
    problems: [],
  });

  const renderForm = () => {
    if (!params) return;
    const p = params;
    form.innerHTML = `
      <h3>What-if in the browser</h3>
      <p class="muted">Base: <b>${esc(baseLabel)}</b></p>
      ${shifts
        .map(
          (s) => `<label class="field"><span>Pickers, ${esc(s)} shift</span>
            <input type="number" min="0" max="500" step="1" name="pickers-${esc(s)}" value="${p.pickersByShift[s] ?? 0}"></label>`,
        )
        .join("")}
      <label class="field"><span>Orders per day</span>
        <input type="number" min="0" max="1000000" step="10" name="ordersPerDay" value="${p.ordersPerDay}"></label>
      <label class="field"><span>Routing policy</span>
        <select name="routing">${ROUTINGS.map((r) => `<option value="${r}"${r === p.routing ? " selected" : ""}>${r}</option>`).join("")}</select></label>
      <label class="field"><span>Simulated days (the scenario's warm-up, kept shorter than the run)</span>
        <select name="horizonDays">${[1, 2, 3, 5]
          .map(
            (d) =>
              `<option value="${d}"${d === Math.min(2, p.horizonDays) ? " selected" : ""}>${d}</option>`,
          )
          .join("")}</select></label>
      <label class="field"><span>Seed</span><input type="number" min="0" step="1" name="seed" value="${baseSeed}"></label>
      <button type="button" class="run-button" id="whatif-run">Run what-if</button>
      <p class="muted" id="whatif-status"></p>`;
    form.querySelector("#whatif-run")!.addEventListener("click", run);
  };

  const read = (): { params: WhatIfParams; seed: number } => {
    const value = (name: string) =>
      (form.querySelector(`[name="${name}"]`) as HTMLInputElement).value;
    const pickersByShift: Record<string, number> = {};
    for (const s of shifts) pickersByShift[s] = Number(value(`pickers-${s}`));
    return {
      params: {
        pickersByShift,
        ordersPerDay: Number(value("ordersPerDay")),
        routing: value("routing"),
        horizonDays: Number(value("horizonDays")),
      },
      seed: Number(value("seed")),
    };
  };

  async function run(): Promise<void> {
    if (!params) return;
    const button = form.querySelector<HTMLButtonElement>("#whatif-run")!;
    const status = form.querySelector<HTMLElement>("#whatif-status")!;
    const { params: changed, seed } = read();
    button.disabled = true;
    document.body.dataset.whatif = "running";
    try {
      const baseParams = { ...params, horizonDays: changed.horizonDays };
      const key = JSON.stringify([baseLabel, baseParams, seed]);
      let baseline = baselineCache.get(key);
      if (!baseline) {
        status.textContent = "Simulating the baseline…";
        const reply = await client.run(
          { scenario: base, params: baseParams, seed, trace: true },
          (f) => (status.textContent = `Simulating the baseline… ${Math.round(f * 100)} %`),
        );
        baseline = toRun(`baseline (${reply.name})`, reply, base);
        baselineCache.set(key, baseline);
      }
      status.textContent = "Simulating the what-if…";
      const reply = await client.run(
        { scenario: base, params: changed, seed, trace: true },
        (f) => (status.textContent = `Simulating the what-if… ${Math.round(f * 100)} %`),
      );
      const label = `what-if (${Object.entries(changed.pickersByShift)
        .map(([s, n]) => `${n} ${s}`)
        .join(", ")} pickers, ${changed.ordersPerDay} orders/day, ${changed.routing})`;
      const whatIf = toRun(label, reply, base);
      last = [baseline, whatIf];
      status.textContent = `Done: ${changed.horizonDays} simulated day(s) in ${(reply.ms / 1000).toFixed(1)} s.`;
      renderResults(baseline, whatIf);
      document.body.dataset.whatif = "done";
    } catch (error) {
      const messages = error instanceof SimError ? error.messages : [String(error)];
      status.innerHTML = `<span class="issues">${messages.map(esc).join("<br>")}</span>`;
      document.body.dataset.whatif = "error";
    } finally {
      button.disabled = false;
    }
  }

  const renderResults = (baseline: RunData, whatIf: RunData) => {
    results.innerHTML = `<div class="card" id="whatif-kpis"></div><div class="card" id="whatif-breakdown" style="margin-top:14px"></div>`;
    const kpis = results.querySelector<HTMLElement>("#whatif-kpis")!;
    kpis.innerHTML = `${kpiDiffTable(baseline, whatIf).replace(/^<h3>[^<]*<\/h3>/, "<h3>KPIs: baseline (A) vs what-if (B)</h3>")}
      <p style="margin-top:12px"><button type="button" class="ghost" id="whatif-compare">Play both in Compare</button>
      <span class="muted">One replication each, same seed (common random numbers).</span></p>`;
    kpis.querySelector("#whatif-compare")!.addEventListener("click", () => {
      if (last) onCompare(last[0], last[1]);
    });
    const order = [baseline, whatIf].filter((r) => r.summary?.breakdown?.order);
    if (order.length) {
      stackedBreakdown(
        results.querySelector("#whatif-breakdown")!,
        {
          rows: order.map((r, i) => ({
            label: i === 0 ? "A baseline" : "B what-if",
            parts: r.summary!.breakdown!.order!,
          })),
        },
        { title: "Order time breakdown (mean per order)", width: 760, xLabel: "Time", xUnit: "s" },
      );
    }
  };

  const setBase = (scenario: unknown | null, label: string, seed?: number) => {
    base = scenario;
    baseLabel = label;
    baselineCache.clear();
    client
      .describe(scenario)
      .then((d) => {
        params = d.params;
        baseSeed = seed ?? d.seed;
        shifts = Object.keys(d.params.pickersByShift).length
          ? Object.keys(d.params.pickersByShift)
          : d.shifts;
        baseLabel = `${label}: ${d.name}`;
        renderForm();
        document.body.dataset.whatif = "ready";
      })
      .catch((error) => {
        const messages = error instanceof SimError ? error.messages : [String(error)];
        form.innerHTML = `<h3>What-if in the browser</h3><div class="issues">${messages.map(esc).join("<br>")}</div>`;
      });
  };
  setBase(null, "bundled default scenario");
  return { setBase };
}
