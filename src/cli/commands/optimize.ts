/**
 * `whsim optimize <spec> [--budget N]`: searches layouts and policies (screen by analytic
 * travel, race by simulation on common random numbers, select with Kim–Nelson) and writes
 * optimization.json with the ranked table and reasons, plus winner.layout.yaml and the
 * winner's scenario.json and layout.json.
 */

import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { stringify } from "yaml";
import { type InputIssue, isInputError } from "../../common/inputError.ts";
import { paybackText } from "../../common/paybackText.ts";
import { defaultResultsFolder } from "../../common/resultsFolderName.ts";
import { VERSION } from "../../common/version.ts";
import { scenarioHash } from "../../experiment/hash.ts";
import { displayName, readScenarioFile, readTextFile } from "../../node/readScenarioFile.ts";
import type { Answer } from "../../optimize/answer.ts";
import {
  checkSpace,
  type OptimizationResult,
  optimizeLayout,
} from "../../optimize/layoutSearch.ts";
import {
  type OptimizeSpec,
  optimizeSpecIssues,
  parseOptimizeSpec,
} from "../../optimize/optimizeSpec.ts";
import { parseDataText, type Scenario } from "../../scenario/index.ts";
import {
  addExperimentOptions,
  beginExperiment,
  type CommonFlags,
  type ExperimentFlags,
  intFlag,
} from "../experimentFlags.ts";
import { openSession } from "../experimentSession.ts";
import { jsonText, publishResults, scenarioInputFiles } from "../resultsOutput.ts";
import { checkRunSize, throwIssues } from "../scenarioInput.ts";
import { num, table } from "../textTable.ts";

interface OptimizeFlags extends ExperimentFlags {
  budget?: string;
}

/** `mean ± half-width`, or the mean and `-` when there is no interval (n < 2). */
function meanAndHalfWidth(mean: number, ci95: number): string {
  return Number.isFinite(ci95) ? `${num(mean)} ± ${num(ci95)}` : `${num(mean)} ± -`;
}

/** Most rejected candidates listed one by one; the rest are counted. */
const MAX_LISTED_REJECTED = 20;

/**
 * The candidates not simulated: invalid and infeasible ones each with their reason,
 * screened-out ones counted (they are valid, only longer travel than those kept).
 */
function rejectedLines(rejected: OptimizationResult["ranking"]): string {
  if (rejected.length === 0) return "";
  const reasons = new Map<string, number>();
  for (const r of rejected) {
    const reason = (r.rejected ?? "").split(":")[0];
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const listed = rejected.filter((r) => !r.rejected?.startsWith("screened out"));
  const lines = listed.slice(0, MAX_LISTED_REJECTED).map((r) => `  ${r.id}: ${r.rejected}`);
  if (listed.length > MAX_LISTED_REJECTED)
    lines.push(`  ... and ${listed.length - MAX_LISTED_REJECTED} more (see optimization.json)`);
  return `\nnot simulated: ${[...reasons].map(([k, n]) => `${n} ${k}`).join(", ")}${lines.length > 0 ? `\n${lines.join("\n")}` : ""}`;
}

/** The ranked table of an optimization, then the rejected count and the reasons. */
export function optimizationTable(result: OptimizationResult): string {
  const kpi = result.objective.kpi;
  // Results written before targets existed have none.
  const withTargets = (result.targets ?? []).length > 0;
  const rows = [
    [
      "rank",
      "candidate",
      "reached",
      `${kpi} (±95%)`,
      "vs winner [Bonferroni CI]",
      "n",
      "single-command m",
      "locations",
      ...(withTargets ? ["targets"] : []),
    ],
  ];
  for (const r of result.ranking) {
    if (r.rejected) continue;
    rows.push([
      String(r.rank ?? "-"),
      r.id,
      r.reached ?? "-",
      r.estimate ? meanAndHalfWidth(r.estimate.mean, r.estimate.ci95) : "-",
      r.versusWinner
        ? Number.isFinite(r.versusWinner.low)
          ? `${num(r.versusWinner.mean)} [${num(r.versusWinner.low)}, ${num(r.versusWinner.high)}]`
          : `${num(r.versusWinner.mean)} [-]`
        : "",
      String(r.estimate?.n ?? 0),
      num(r.metrics?.avgSingleCommandDistanceM),
      String(r.metrics?.locations ?? "-"),
      ...(withTargets ? [r.feasibility?.verdict ?? "not checked"] : []),
    ]);
  }
  const rejectedLine = rejectedLines(result.ranking.filter((r) => r.rejected));
  return `${rows.length > 1 ? table(rows) : "(no candidate simulated)"}${rejectedLine}\n\nwhy:\n${result.why.map((w) => `  - ${w}`).join("\n")}`;
}

/**
 * The spec's base scenario, or undefined with the problem added to `issues`; a missing
 * file is reported at the spec's `scenario:` field.
 */
function readBaseScenario(
  data: unknown,
  specPath: string,
  specShown: string,
  issues: InputIssue[],
): Scenario | undefined {
  const name = (data as Record<string, unknown> | null)?.scenario;
  if (typeof name !== "string" || name === "") return undefined; // the schema reports it
  const path = resolve(dirname(specPath), name);
  if (!existsSync(path)) {
    issues.push({
      file: specShown,
      path: "scenario",
      value: name,
      expected: `an existing scenario file, relative to the spec (looked for ${displayName(path)})`,
    });
    return undefined;
  }
  try {
    return readScenarioFile(path);
  } catch (error) {
    if (!isInputError(error)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
}

/** The result without the winner's scenario (written as scenario.json instead). */
function withoutScenario(result: OptimizationResult): Omit<OptimizationResult, "winnerScenario"> {
  const { winnerScenario: _, ...rest } = result;
  return rest;
}

/** Annual cost by part, service and saving per finalist and today's, then the sensitivity. */
export function answerTable(answer: Answer): string {
  const cur = answer.currency;
  const cell = (e: { mean: number; ci95: number } | undefined) =>
    e ? meanAndHalfWidth(e.mean, e.ci95) : "-";
  const rows = [
    [
      "option",
      `total ${cur}/yr (±95%)`,
      "labour",
      "equipment",
      "racking",
      "space",
      "on time",
      `saving ${cur}/yr [95% CI]`,
      "payback",
    ],
  ];
  for (const o of [answer.baseline, ...answer.finalists]) {
    const f = "saving" in o ? (o as Answer["finalists"][number]) : undefined;
    rows.push([
      o.id,
      cell(o.annualCost.total),
      num(o.annualCost.labour.mean),
      num(o.annualCost.equipment.mean),
      num(o.annualCost.racking.mean),
      num(o.annualCost.space.mean),
      num(o.service.onTimeShipRate.mean),
      f ? `${num(f.saving.mean)} [${num(f.saving.low)}, ${num(f.saving.high)}]` : "-",
      f ? paybackText(f.paybackYears) : "-",
    ]);
  }
  const sens = [["change", "winner", "winner changes", "how"]];
  for (const r of answer.sensitivity)
    sens.push([
      r.change,
      r.winner,
      r.winnerChanges ? "yes" : "no",
      r.method === "simulated" ? `re-simulated, ${r.replications} replications` : "cost parts",
    ]);
  return `${table(rows)}\n\nsensitivity:\n${table(sens)}`;
}

/** Registers `whsim optimize`. */
export function optimizeCommand(program: Command): void {
  const command = program
    .command("optimize")
    .description(
      "search layouts and policies: screen, race on common random numbers, select the best",
    )
    .argument(
      "<spec>",
      "optimization spec (YAML or JSON): base scenario, objective, space, constraints",
    )
    .option("--budget <n>", "most replications in total (default: the spec's budget)");
  addExperimentOptions(command, {
    seed: "master seed (default: the spec's, else the scenario's)",
    out: "results/optimize-<scenario>",
    json: "print optimization.json on stdout instead of the table",
  }).action(optimizeAction);
}

/** The checked inputs of `whsim optimize`. */
interface OptimizeInputs {
  parsed: CommonFlags;
  budget: number | undefined;
  /** The spec's file as shown in messages. */
  shown: string;
  spec: OptimizeSpec;
  base: Scenario;
}

/** Checks the flags, the spec, its base scenario and its space; every problem at once. */
function optimizeInputs(file: string, flags: OptimizeFlags): OptimizeInputs {
  const { issues, parsed } = beginExperiment(flags);
  const budget = intFlag("--budget", flags.budget, issues, 1, 10_000_000);
  const path = resolve(file);
  const shown = displayName(path);
  let spec: OptimizeSpec | undefined;
  let base: Scenario | undefined;
  try {
    const data = parseDataText(readTextFile(path, shown, "optimization spec"), shown);
    const specIssues = optimizeSpecIssues(data, shown);
    issues.push(...specIssues);
    if (specIssues.length === 0) spec = parseOptimizeSpec(data, shown);
    base = readBaseScenario(data, path, shown, issues);
    const space = (data as Record<string, unknown> | null)?.space;
    if (base && space !== null && typeof space === "object" && !Array.isArray(space)) {
      issues.push(...checkSpace(base, space as Record<string, unknown[]>, shown));
    }
  } catch (error) {
    if (isInputError(error)) issues.push(...error.issues);
    else throw error;
  }
  if (base) checkRunSize(base, shown, flags.force, issues);
  throwIssues(issues);
  return { parsed, budget, shown, spec: spec!, base: base! };
}

/** Runs the search in a session, the progress bar naming the stage under way. */
async function runOptimization(
  inputs: OptimizeInputs,
  seed: number,
  executor: string | undefined,
): Promise<OptimizationResult> {
  const { spec, budget } = inputs;
  const session = openSession({
    workers: inputs.parsed.workers,
    executor,
    label: "optimize",
    model: spec.model,
  });
  let done = 0;
  let stage = "screen";
  try {
    return await optimizeLayout(session.executor, inputs.base, spec, {
      seed,
      budget,
      file: inputs.shown,
      signal: session.signal,
      onResult: () => session.progress(++done, budget ?? spec.budget, stage),
      onStage: (s) => {
        stage = s;
        session.progress(done, budget ?? spec.budget, stage);
      },
    });
  } finally {
    await session.close();
  }
}

/** optimization.json, winner.layout.yaml and the winner's scenario.json and layout.json. */
function optimizeFiles(
  document: unknown,
  result: OptimizationResult,
  header: string,
  shown: string,
): Record<string, string> {
  const files: Record<string, string> = { "optimization.json": jsonText(document) };
  if (result.winnerLayout) files["winner.layout.yaml"] = header + stringify(result.winnerLayout);
  // The winner's resolved scenario and built layout, for the report's assumption tables.
  if (result.winnerScenario)
    Object.assign(files, scenarioInputFiles(result.winnerScenario, "", shown, []));
  return files;
}

/** The printed answer: the recommendation, the ranking and where the results are. */
function optimizeText(result: OptimizationResult, base: Scenario, written: string): string {
  const answer = result.answer
    ? `${result.answer.recommendation}\n\n${answerTable(result.answer)}\n\n`
    : "";
  return `${answer}${base.name}: status ${result.status}, winner ${result.winner ?? "none"}; ${result.evaluations} replications (a full evaluation of the simulated candidates would take ${result.fullEvaluations})\n\n${optimizationTable(result)}\n\nwritten to ${written}/optimization.json${result.winnerLayout ? " and winner.layout.yaml" : ""}\n`;
}

/** Runs `whsim optimize <spec>`: writes the results folder and prints the ranking (or JSON). */
async function optimizeAction(file: string, flags: OptimizeFlags): Promise<void> {
  const inputs = optimizeInputs(file, flags);
  const { spec, base, budget } = inputs;
  const seed = inputs.parsed.seed ?? spec.seed ?? base.seed;
  const result = await runOptimization(inputs, seed, flags.executor);
  const document = {
    kind: "optimization",
    version: VERSION,
    spec: file,
    scenario: base.name,
    scenarioHash: scenarioHash(base),
    model: spec.model,
    seed,
    budget: budget ?? spec.budget,
    /** Replications run in total (as `evaluations`). */
    replications: result.evaluations,
    ...withoutScenario(result),
  };
  const header = `# Winner of whsim optimize ${file} (seed ${seed}, status ${result.status}): ${result.winner}\n`;
  publishResults({
    dir: flags.out ?? defaultResultsFolder(base.name, "optimize-"),
    files: optimizeFiles(document, result, header, inputs.shown),
    stopped: result.status === "aborted",
    json: flags.json,
    document,
    text: (written) => optimizeText(result, base, written),
  });
}
