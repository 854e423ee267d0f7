/**
 * The what-if tab: change crews, shifts, cut-offs, pack stations, orders, routing and days,
 * run several replications of the baseline (the loaded run's scenario, seed and
 * replications) and of the what-if in Web Workers (no server), and compare them paired on
 * common random numbers. Both can then be played in Compare; the loaded runs stay.
 */

import { escapeHtml as esc } from "../../../src/common/escapeHtml.ts";
import type { RunData } from "../app/runData.ts";
import { stackedBreakdown } from "../charts/index.ts";
import { SimClient, type SimDone, SimError } from "./simClient.ts";
import { type FormBase, type FormValues, formHtml, readForm } from "./whatIfForm.ts";
import type { WhatIfParams } from "./whatIfParams.ts";
import { whatIfRun } from "./whatIfRuns.ts";
import { compareReplications } from "./whatIfStats.ts";
import { whatIfTable } from "./whatIfTable.ts";

/** What mountWhatIf returns: set the base scenario (run A's scenario.json, or null for the default). */
export interface WhatIfHandle {
  /** `seed` and `replications` default to the scenario's own; `loaded` is the run to reproduce. */
  setBase(
    scenario: unknown | null,
    label: string,
    options?: { seed?: number; replications?: number; loaded?: RunData },
  ): void;
}

const INTRO = `<div class="card"><h3>Results</h3><p class="muted">Change a parameter and run: the simulation runs in this browser, in Web Workers, several replications of the unchanged scenario (the baseline) and of the what-if on the same seeds. A difference is green or red only when its 95 % interval excludes zero.</p></div>`;

/** The what-if tab's state and rendering. */
class WhatIfView {
  private readonly client = new SimClient();
  private readonly form: HTMLElement;
  private readonly results: HTMLElement;
  private scenario: unknown | null = null;
  private base: FormBase | null = null;
  private loaded: RunData | undefined;
  private readonly baselineCache = new Map<string, SimDone[]>();
  private last: [RunData, RunData] | null = null;

  constructor(
    el: HTMLElement,
    private readonly onCompare: (baseline: RunData, whatIf: RunData) => void,
  ) {
    el.innerHTML = `<div class="card" id="whatif-form"><h3>What-if in the browser</h3><p class="muted">Loading the scenario…</p></div><div id="whatif-results">${INTRO}</div>`;
    this.form = el.querySelector<HTMLElement>("#whatif-form")!;
    this.results = el.querySelector<HTMLElement>("#whatif-results")!;
  }

  private status(html: string): void {
    const s = this.form.querySelector<HTMLElement>("#whatif-status");
    if (s) s.innerHTML = html;
  }

  /** Runs `replications` replications of `params` (in parallel), reporting overall progress. */
  /** Progress 0..1 of each replication running, by side. */
  private readonly progress = new Map<string, number[]>();

  private showProgress(): void {
    const all = [...this.progress.values()].flat();
    const done = all.reduce((a, b) => a + b, 0) / Math.max(1, all.length);
    const sides = [...this.progress.keys()].join(" and ");
    this.status(`Simulating ${sides}: ${all.length} replications… ${Math.round(done * 100)} %`);
  }

  /** Runs `v.replications` replications of `params` in the pool; replication 0 is traced. */
  private async replications(params: WhatIfParams, v: FormValues, what: string) {
    const fractions = new Array(v.replications).fill(0);
    this.progress.set(what, fractions);
    const jobs = fractions.map((_, r) =>
      this.client.run(
        { scenario: this.scenario, params, seed: v.seed, replication: r, trace: r === 0 },
        (f) => {
          fractions[r] = f;
          this.showProgress();
        },
      ),
    );
    try {
      return await Promise.all(jobs);
    } finally {
      this.progress.delete(what);
    }
  }

  private async baseline(v: FormValues): Promise<SimDone[]> {
    const params = { ...this.base!.params, horizonDays: v.params.horizonDays };
    const key = JSON.stringify([params, v.seed, v.replications]);
    let reps = this.baselineCache.get(key);
    if (!reps) {
      reps = await this.replications(params, v, "the baseline");
      this.baselineCache.set(key, reps);
    }
    return reps;
  }

  async run(): Promise<void> {
    if (!this.base) return;
    const button = this.form.querySelector<HTMLButtonElement>("#whatif-run")!;
    const v = readForm(this.form, this.base);
    button.disabled = true;
    document.body.dataset.whatif = "running";
    const started = performance.now();
    try {
      // Both sides share the worker pool, so neither waits for the other to finish.
      const [a, b] = await Promise.all([
        this.baseline(v),
        this.replications(v.params, v, "the what-if"),
      ]);
      const runA = whatIfRun(`baseline (${this.base.label})`, a, this.scenario, v.seed);
      const runB = whatIfRun("what-if", b, this.scenario, v.seed);
      this.last = [runA, runB];
      const s = ((performance.now() - started) / 1000).toFixed(1);
      this.status(
        `Done: ${v.replications} replication(s) each of ${v.params.horizonDays} simulated day(s) in ${s} s.`,
      );
      this.renderResults(a, b, v);
      document.body.dataset.whatif = "done";
    } catch (error) {
      const messages = error instanceof SimError ? error.messages : [String(error)];
      this.status(`<span class="issues">${messages.map(esc).join("<br>")}</span>`);
      document.body.dataset.whatif = "error";
    } finally {
      button.disabled = false;
    }
  }

  /** Whether the baseline's means equal the loaded run's summary (same days and replications). */
  private reproduces(a: SimDone[], v: FormValues): string {
    const kpis = this.loaded?.summary?.kpis;
    const summary = this.loaded?.summary;
    if (!kpis || !summary || summary.seed !== v.seed || summary.replications !== v.replications)
      return "";
    if (v.params.horizonDays !== this.base!.params.horizonDays) return "";
    const name = "ordersShipped";
    const mean = a.reduce((s, r) => s + r.kpis[name], 0) / a.length;
    const same = kpis[name] && Math.abs(kpis[name].mean - mean) <= 1e-9 * Math.abs(mean);
    return same
      ? `<p class="muted" id="whatif-reproduces">The baseline reproduces the loaded run (orders shipped ${kpis[name].mean.toLocaleString("en-US")}).</p>`
      : `<p class="issues" id="whatif-reproduces">The baseline differs from the loaded run: the run was made with another version or settings.</p>`;
  }

  private renderResults(a: SimDone[], b: SimDone[], v: FormValues): void {
    const diffs = compareReplications(
      a.map((r) => r.kpis),
      b.map((r) => r.kpis),
    );
    this.results.innerHTML = `<div class="card" id="whatif-kpis"><h3>KPIs: baseline (A) vs what-if (B)</h3>
      <p class="muted">${v.replications} replication(s) each on seed ${v.seed}; replication r of both uses the same random numbers, so differences are paired. ${v.replications < 2 ? "One replication gives no interval: every difference stays grey." : "Green or red only where the 95 % interval of B − A excludes zero; grey otherwise."}</p>
      ${this.reproduces(a, v)}
      ${whatIfTable(diffs, a[0].units)}
      <p style="margin-top:12px"><button type="button" class="ghost" id="whatif-compare">Play both in Compare</button>
      <span class="muted">Plays replication 1 of each; the loaded runs stay one click away.</span></p></div>
      <div class="card" id="whatif-breakdown" style="margin-top:14px"></div>`;
    this.results.querySelector("#whatif-compare")!.addEventListener("click", () => {
      if (this.last) this.onCompare(this.last[0], this.last[1]);
    });
    const [runA, runB] = this.last!;
    stackedBreakdown(
      this.results.querySelector("#whatif-breakdown")!,
      {
        rows: [
          { label: "A baseline", parts: runA.summary!.breakdown!.order! },
          { label: "B what-if", parts: runB.summary!.breakdown!.order! },
        ],
      },
      { title: "Order time breakdown (mean per order)", width: 760, xLabel: "Time", xUnit: "s" },
    );
  }

  setBase: WhatIfHandle["setBase"] = (scenario, label, options = {}) => {
    this.scenario = scenario;
    this.loaded = options.loaded;
    this.baselineCache.clear();
    this.client
      .describe(scenario)
      .then((d) => {
        this.base = {
          label: `${label}: ${d.name}`,
          params: d.params,
          shifts: d.shifts,
          seed: options.seed ?? d.seed,
          replications: options.replications ?? d.replications,
        };
        this.form.innerHTML = formHtml(this.base);
        this.form.querySelector("#whatif-run")!.addEventListener("click", () => this.run());
        document.body.dataset.whatif = "ready";
      })
      .catch((error) => {
        const messages = error instanceof SimError ? error.messages : [String(error)];
        this.form.innerHTML = `<h3>What-if in the browser</h3><div class="issues">${messages.map(esc).join("<br>")}</div>`;
      });
  };
}

/** Mounts the what-if form into `el`; `onCompare` receives the baseline and what-if runs. */
export function mountWhatIf(
  el: HTMLElement,
  onCompare: (baseline: RunData, whatIf: RunData) => void,
): WhatIfHandle {
  const view = new WhatIfView(el, onCompare);
  view.setBase(null, "bundled default scenario");
  return { setBase: view.setBase };
}
