/**
 * The what-if form: headcount of pickers, packers and loaders per shift, shift times,
 * carrier cut-offs, pack stations, orders per day, routing, simulated days, replications
 * and seed; rendered from the base parameters and read back into WhatIfParams.
 */
import { escapeHtml as esc } from "../../../src/common/escapeHtml.ts";
import { CREW_ROLES, type WhatIfParams } from "./whatIfParams.ts";

const ROUTINGS = ["sShape", "return", "midpoint", "largestGap", "combined", "optimal"];

/** What the form starts from. */
export interface FormBase {
  label: string;
  params: WhatIfParams;
  shifts: string[];
  seed: number;
  replications: number;
}

/** The form's values: parameters, seed and replications. */
export interface FormValues {
  params: WhatIfParams;
  seed: number;
  replications: number;
}

function numberField(label: string, name: string, value: number, attrs: string): string {
  return `<label class="field"><span>${esc(label)}</span><input type="number" name="${esc(name)}" value="${value}" ${attrs}></label>`;
}

function crewTable(base: FormBase): string {
  const head = base.shifts.map((s) => `<th>${esc(s)}</th>`).join("");
  const rows = CREW_ROLES.map((role) => {
    const cells = base.shifts
      .map(
        (s) =>
          `<td><input type="number" min="0" max="500" step="1" name="crew-${role}-${esc(s)}" aria-label="${role}s, ${esc(s)} shift" value="${base.params.crews[role][s] ?? 0}"></td>`,
      )
      .join("");
    return `<tr><th>${role}s</th>${cells}</tr>`;
  }).join("");
  return `<table class="crew-table"><tr><th>Headcount</th>${head}</tr>${rows}</table>`;
}

function shiftFields(base: FormBase): string {
  return base.shifts
    .map((s) => {
      const sh = base.params.shifts[s];
      if (!sh) return "";
      return `<label class="field"><span>${esc(s)} shift</span><span class="pair"><input type="time" name="shift-start-${esc(s)}" value="${esc(sh.start)}"> – <input type="time" name="shift-end-${esc(s)}" value="${esc(sh.end)}"></span></label>`;
    })
    .join("");
}

function cutoffFields(p: WhatIfParams): string {
  return Object.entries(p.cutoffMin)
    .map(([c, v]) =>
      numberField(`Cut-off of ${c} before departure (min)`, `cutoff-${c}`, v, 'min="0" max="1440"'),
    )
    .join("");
}

function dayOptions(p: WhatIfParams, full: number): string {
  const days = [...new Set([1, 2, 3, 5, full])].filter((d) => d <= Math.max(full, 1));
  return days
    .sort((a, b) => a - b)
    .map(
      (d) =>
        `<option value="${d}"${d === p.horizonDays ? " selected" : ""}>${d}${d === full ? " (as the run)" : ""}</option>`,
    )
    .join("");
}

/** The form's HTML for `base`. */
export function formHtml(base: FormBase): string {
  const p = base.params;
  return `
    <h3>What-if in the browser</h3>
    <p class="muted">Base: <b>${esc(base.label)}</b></p>
    ${crewTable(base)}
    ${shiftFields(base)}
    ${cutoffFields(p)}
    ${p.packStations === null ? "" : numberField("Pack stations", "packStations", p.packStations, 'min="1" max="100"')}
    ${numberField("Orders per day", "ordersPerDay", p.ordersPerDay, 'min="0" max="1000000" step="10"')}
    <label class="field"><span>Routing policy</span>
      <select name="routing">${ROUTINGS.map((r) => `<option value="${r}"${r === p.routing ? " selected" : ""}>${r}</option>`).join("")}</select></label>
    <label class="field"><span>Simulated days (the run's own horizon reproduces it)</span>
      <select name="horizonDays">${dayOptions(p, p.horizonDays)}</select></label>
    ${numberField("Replications (each run on both sides)", "replications", base.replications, 'min="1" max="50" step="1"')}
    ${numberField("Seed", "seed", base.seed, 'min="0" step="1"')}
    <button type="button" class="run-button" id="whatif-run">Run what-if</button>
    <p class="muted" id="whatif-status"></p>`;
}

/** Reads the form's values (shifts and crews as `base` lists them). */
export function readForm(form: HTMLElement, base: FormBase): FormValues {
  const value = (name: string) =>
    (form.querySelector(`[name="${CSS.escape(name)}"]`) as HTMLInputElement | null)?.value ?? "";
  const p = base.params;
  const crews = Object.fromEntries(
    CREW_ROLES.map((role) => [
      role,
      Object.fromEntries(base.shifts.map((s) => [s, Number(value(`crew-${role}-${s}`))])),
    ]),
  ) as WhatIfParams["crews"];
  const shifts = Object.fromEntries(
    Object.keys(p.shifts).map((s) => [
      s,
      { start: value(`shift-start-${s}`), end: value(`shift-end-${s}`) },
    ]),
  );
  const cutoffMin = Object.fromEntries(
    Object.keys(p.cutoffMin).map((c) => [c, Number(value(`cutoff-${c}`))]),
  );
  return {
    params: {
      crews,
      shifts,
      cutoffMin,
      packStations: p.packStations === null ? null : Number(value("packStations")),
      ordersPerDay: Number(value("ordersPerDay")),
      routing: value("routing"),
      horizonDays: Number(value("horizonDays")),
    },
    seed: Number(value("seed")),
    replications: Math.max(1, Math.round(Number(value("replications")) || 1)),
  };
}
