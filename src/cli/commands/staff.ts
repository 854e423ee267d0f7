/**
 * `whsim staff <scenario>`: runs a baseline, derives each role's workload per hour, solves
 * the staffing integer program at least cost, writes the plan into a scenario file and checks
 * it by simulation against service targets (staffing.json, staffed.yaml, a printed table).
 */

import type { Command } from "commander";
import { stringify } from "yaml";
import { didYouMean, type InputIssue } from "../../common/inputError.ts";
import { defaultResultsFolder } from "../../common/resultsFolderName.ts";
import { VERSION } from "../../common/version.ts";
import { isExperimentAborted } from "../../experiment/abort.ts";
import { scenarioHash } from "../../experiment/hash.ts";
import { runExperiment } from "../../experiment/runExperiment.ts";
import { type Estimate, estimate } from "../../experiment/statistics.ts";
import type { ReplicationOutcome } from "../../experiment/types.ts";
import { planStaffing, type StaffingPlan, type StaffingProblem } from "../../optimize/staffing.ts";
import {
  applyStaffing,
  checkStaffing,
  type ServiceTarget,
  type StaffingCheck,
  staffingProblemFromRun,
} from "../../optimize/staffingCheck.ts";
import { checkScenario, type Scenario } from "../../scenario/index.ts";
import { addExperimentOptions, beginExperiment, type ExperimentFlags } from "../experimentFlags.ts";
import { openSession } from "../experimentSession.ts";
import { jsonText, publishResults, scenarioInputFiles } from "../resultsOutput.ts";
import { checkRunnableIn, checkRunSize, readScenarioFlags, throwIssues } from "../scenarioInput.ts";
import { num, table } from "../textTable.ts";

/** Service targets checked when `--targets` is not given. */
export const DEFAULT_TARGETS = "onTimeShipRate>=0.95";

interface StaffFlags extends ExperimentFlags {
  targets?: string;
  efficiency?: string;
  maxPerShift?: string;
}

/** A parsed service target: the KPI's mean must be ≥ min and/or ≤ max. */
export interface NamedTarget extends ServiceTarget {
  kpi: string;
}

/**
 * Parses `kpi>=v,kpi<=v` (e.g. `onTimeShipRate>=0.95,orderCycleTimeS<=3600`); a KPI may
 * appear twice (a band). Problems go to `issues`.
 */
export function parseTargets(text: string, issues: InputIssue[]): Record<string, ServiceTarget> {
  const targets: Record<string, ServiceTarget> = {};
  const parts = text.split(",").map((p) => p.trim());
  for (const part of parts) {
    const m = /^([A-Za-z][\w.]*)\s*(>=|<=)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)$/i.exec(part);
    if (!m) {
      issues.push({
        file: "--targets",
        path: "",
        value: part,
        expected: "kpi>=value or kpi<=value, e.g. onTimeShipRate>=0.95,orderCycleTimeS<=3600",
      });
      continue;
    }
    const [, kpi, op, value] = m;
    const t = (targets[kpi] ??= {});
    if (op === ">=") t.min = Number(value);
    else t.max = Number(value);
  }
  for (const [kpi, t] of Object.entries(targets)) {
    if (t.min !== undefined && t.max !== undefined && t.min > t.max)
      issues.push({
        file: "--targets",
        path: kpi,
        value: `>= ${t.min} and <= ${t.max}`,
        expected: "a lower bound not above the upper bound",
      });
  }
  return targets;
}

/** Workers per role per shift in a scenario (roles of `roles` only). */
export function scenarioHeadcount(
  scenario: Scenario,
  roles: readonly string[],
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const role of roles) {
    const spec = (scenario.workforce.roles as Record<string, { crews: Crew[] } | undefined>)[role];
    out[role] = {};
    for (const crew of spec?.crews ?? [])
      out[role][crew.shift] = (out[role][crew.shift] ?? 0) + crew.headcount;
  }
  return out;
}
type Crew = { shift: string; headcount: number };

/** Cost of a headcount table at the problem's cost per worker per shift. */
export function headcountCost(
  headcount: Record<string, Record<string, number>>,
  problem: StaffingProblem,
): number {
  let cost = 0;
  for (const byShift of Object.values(headcount))
    for (const [shift, n] of Object.entries(byShift))
      cost += n * (problem.shifts.find((s) => s.id === shift)?.costPerWorker ?? 0);
  return cost;
}

/** The outcome status of `whsim staff`. */
export type StaffStatus = "meets" | "fails" | "infeasible" | "timedout" | "unbounded" | "aborted";

function estimates(outcomes: readonly ReplicationOutcome[]): Record<string, Estimate> {
  const names = [...new Set(outcomes.flatMap((o) => Object.keys(o.kpis)))].sort();
  return Object.fromEntries(
    names.map((k) => [
      k,
      estimate(outcomes.map((o) => o.kpis[k]).filter((v): v is number => v !== undefined)),
    ]),
  );
}

/** The printed tables: headcount per role × shift (baseline → plan), cost, targets. */
export function staffingTables(doc: {
  shifts: string[];
  baseline: { headcount: Record<string, Record<string, number>>; cost: number };
  plan: StaffingPlan;
  targets: Record<string, ServiceTarget>;
  baselineKpis: Record<string, Estimate>;
  check?: StaffingCheck["targets"];
}): string {
  const roles = Object.keys(doc.plan.headcount).sort();
  const head = [["role", ...doc.shifts.map((s) => `${s} (now → plan)`), "total (now → plan)"]];
  for (const role of roles) {
    const now = doc.baseline.headcount[role] ?? {};
    const plan = doc.plan.headcount[role] ?? {};
    const sum = (x: Record<string, number>) => Object.values(x).reduce((a, b) => a + b, 0);
    head.push([
      role,
      ...doc.shifts.map((s) => `${now[s] ?? 0} → ${plan[s] ?? 0}`),
      `${sum(now)} → ${sum(plan)}`,
    ]);
  }
  head.push([
    "cost per day",
    ...doc.shifts.map(() => ""),
    `${num(doc.baseline.cost)} → ${num(doc.plan.cost)}`,
  ]);
  const rows = [
    ["target", "baseline (±95%)", "plan (±95%)", "met", "whole 95% CI on the right side"],
  ];
  for (const [kpi, t] of Object.entries(doc.targets)) {
    const bounds = [
      t.min !== undefined ? `>= ${t.min}` : "",
      t.max !== undefined ? `<= ${t.max}` : "",
    ]
      .filter(Boolean)
      .join(" and ");
    const b = doc.baselineKpis[kpi];
    const c = doc.check?.[kpi];
    rows.push([
      `${kpi} ${bounds}`,
      b ? `${num(b.mean)} ± ${num(b.ci95)}` : "-",
      c ? `${num(c.estimate.mean)} ± ${num(c.estimate.ci95)}` : "-",
      c ? (c.ok ? "yes" : "NO") : "-",
      c ? (c.confident ? "yes" : "no") : "-",
    ]);
  }
  return `${table(head)}\n\n${table(rows)}`;
}

/** Registers `whsim staff`. */
export function staffCommand(program: Command): void {
  const command = program
    .command("staff")
    .description(
      "least-cost headcount per role per shift for a scenario's workload, checked by simulation against service targets",
    )
    .argument("<scenario>", "scenario file")
    .option(
      "--targets <list>",
      `service targets on KPI means, comma-separated (default: ${DEFAULT_TARGETS}), e.g. onTimeShipRate>=0.95,orderCycleTimeS<=3600`,
    )
    .option("--efficiency <share>", "productive share of a worker's time, 0..1 (default: 0.85)")
    .option("--max-per-shift <n>", "most workers (all roles) on one shift (default: no limit)");
  addExperimentOptions(command, {
    replications: "replications of the baseline and of the check (default: the scenario's)",
    seed: "master seed (default: the scenario's)",
    warmupDays: "warm-up deleted from statistics (replaces the scenario's)",
    out: "results/staff-<scenario>",
    json: "print staffing.json on stdout instead of the tables",
  }).action(staffAction);
}

/** The checked inputs of `whsim staff`. */
interface StaffInputs {
  file: string;
  scenario: Scenario;
  inputFiles: Record<string, string>;
  seed: number;
  replications: number;
  workers: number;
  targets: ReturnType<typeof parseTargets>;
  efficiency: number | undefined;
  maxPerShift: number | undefined;
}

/** Checks the flags and reads the scenario; every problem at once (InputError). */
function staffInputs(file: string, flags: StaffFlags): StaffInputs {
  const { issues, parsed } = beginExperiment(flags);
  const targets = parseTargets(flags.targets ?? DEFAULT_TARGETS, issues);
  let efficiency: number | undefined;
  if (flags.efficiency !== undefined) {
    efficiency = Number(flags.efficiency);
    if (flags.efficiency.trim() === "" || !(efficiency > 0 && efficiency <= 1))
      issues.push({
        file: "--efficiency",
        path: "",
        value: flags.efficiency,
        expected: "a share in (0, 1], e.g. 0.85",
      });
  }
  let maxPerShift: number | undefined;
  if (flags.maxPerShift !== undefined) {
    maxPerShift = Number(flags.maxPerShift);
    if (!/^\s*\d+\s*$/.test(flags.maxPerShift) || maxPerShift < 1)
      issues.push({
        file: "--max-per-shift",
        path: "",
        value: flags.maxPerShift,
        expected: "a whole number of workers >= 1",
      });
  }
  const base = readScenarioFlags(file, flags.warmupDays, issues);
  const inputFiles = base ? scenarioInputFiles(base, "", file, issues) : {};
  if (base) checkRunSize(base, file, flags.force, issues);
  if (base) checkRunnableIn(base, file, issues);
  throwIssues(issues);
  const scenario = base!;
  return {
    file,
    scenario,
    inputFiles,
    seed: parsed.seed ?? scenario.seed,
    replications: parsed.replications ?? scenario.replications,
    workers: parsed.workers,
    targets,
    efficiency,
    maxPerShift,
  };
}

/** What a staffing run found: the baseline, the plan and its check by simulation. */
interface StaffRun {
  status: StaffStatus;
  baselineOutcomes: ReplicationOutcome[];
  problem: StaffingProblem;
  plan: StaffingPlan;
  staffed: Scenario | undefined;
  check: StaffingCheck | undefined;
}

/** Refuses targets on KPIs the baseline does not report (InputError). */
function checkTargetKpis(targets: StaffInputs["targets"], kpis: Record<string, Estimate>): void {
  const issues: InputIssue[] = [];
  for (const kpi of Object.keys(targets)) {
    if (kpis[kpi]) continue;
    const hint = didYouMean(kpi, Object.keys(kpis));
    issues.push({
      file: "--targets",
      path: kpi,
      value: kpi,
      expected: `a KPI the model reports${hint ? ` (did you mean ${hint}?)` : ""}`,
    });
  }
  throwIssues(issues);
}

/** Simulates the baseline, plans the least-cost crew and checks it by simulation. */
async function runStaffing(
  inputs: StaffInputs,
  session: ReturnType<typeof openSession>,
): Promise<StaffRun> {
  const { scenario, seed, replications, targets } = inputs;
  const baseline = await runExperiment(session.executor, [{ id: "baseline", scenario }], {
    seed,
    replications,
    signal: session.signal,
    onProgress: (done) => session.progress(done, 2 * replications),
  });
  const baselineOutcomes = baseline.outcomes;
  if (!baseline.aborted) checkTargetKpis(targets, estimates(baselineOutcomes));
  const problem = staffingProblemFromRun(scenario, baselineOutcomes, {
    efficiency: inputs.efficiency,
    maxHeadcountPerShift: inputs.maxPerShift,
  });
  const run = { baselineOutcomes, problem, staffed: undefined, check: undefined };
  if (baseline.aborted) {
    const plan: StaffingPlan = { status: "timedout", cost: Number.NaN, headcount: {} };
    return { ...run, status: "aborted", plan };
  }
  const plan = planStaffing(problem);
  if (plan.status !== "optimal") return { ...run, status: plan.status, plan };
  const staffed = checkScenario(
    applyStaffing(scenario, plan),
    `${inputs.file} with the staffing plan`,
  );
  try {
    const check = await checkStaffing(session.executor, staffed, targets, {
      seed,
      replications,
      signal: session.signal,
    });
    return { ...run, status: check.status, plan, staffed, check };
  } catch (error) {
    if (!isExperimentAborted(error)) throw error;
    return { ...run, status: "aborted", plan, staffed };
  }
}

/** The staffing.json document. */
function staffingDocument(inputs: StaffInputs, run: StaffRun) {
  const { scenario, seed, replications, targets, efficiency, maxPerShift } = inputs;
  const { problem, plan, check, baselineOutcomes } = run;
  const roles = Object.keys(plan.headcount).length
    ? Object.keys(plan.headcount)
    : Object.keys(problem.need);
  const baselineHeadcount = scenarioHeadcount(scenario, roles);
  return {
    kind: "staffing",
    version: VERSION,
    scenario: scenario.name,
    file: inputs.file,
    scenarioHash: scenarioHash(scenario),
    seed,
    replications,
    status: run.status,
    targets,
    efficiency: efficiency ?? 0.85,
    ...(maxPerShift !== undefined ? { maxPerShift } : {}),
    shifts: problem.shifts,
    need: problem.need,
    baseline: {
      headcount: baselineHeadcount,
      cost: headcountCost(baselineHeadcount, problem),
      kpis: estimates(baselineOutcomes),
      replicationKpis: baselineOutcomes.map((o) => o.kpis),
    },
    plan: { status: plan.status, cost: plan.cost, headcount: plan.headcount },
    ...(check
      ? {
          check: {
            targets: check.targets,
            kpis: estimates(check.outcomes),
            replicationKpis: check.outcomes.map((o) => o.kpis),
          },
        }
      : {}),
  };
}

/** Runs `whsim staff <file>`: writes the results folder and prints the tables (or JSON). */
async function staffAction(file: string, flags: StaffFlags): Promise<void> {
  const inputs = staffInputs(file, flags);
  const { scenario, seed, replications, targets } = inputs;
  const session = openSession({
    workers: inputs.workers,
    executor: flags.executor,
    label: "staff",
  });
  let run: StaffRun;
  try {
    run = await runStaffing(inputs, session);
  } finally {
    await session.close();
  }
  const { status, problem, plan, staffed, check } = run;
  const document = staffingDocument(inputs, run);
  publishResults({
    dir: flags.out ?? defaultResultsFolder(scenario.name, "staff-"),
    files: {
      "staffing.json": jsonText(document),
      ...inputs.inputFiles,
      ...(staffed ? { "staffed.yaml": stringify(staffed) } : {}),
    },
    stopped: status === "aborted",
    json: flags.json,
    document,
    text: (written) => {
      const tables = staffingTables({
        shifts: problem.shifts.map((s) => s.id),
        baseline: document.baseline,
        plan,
        targets,
        baselineKpis: document.baseline.kpis,
        check: check?.targets,
      });
      return `${scenario.name}: staffing ${status === "meets" ? "meets the targets" : status === "fails" ? "FAILS the targets" : status} (${replications} replications, seed ${seed})\n\n${tables}\n\nwritten to ${written}/staffing.json${staffed ? " and staffed.yaml" : ""}\n`;
    },
  });
}
