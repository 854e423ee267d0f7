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
import { defaultResultsFolder } from "../../common/resultsFolderName.ts";
import { VERSION } from "../../common/version.ts";
import { scenarioHash } from "../../experiment/hash.ts";
import { checkReplaceable } from "../../node/outputFolder.ts";
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
  checkRunSize,
  commonFlags,
  type ExperimentFlags,
  FORCE_HELP,
  intFlag,
  jsonText,
  num,
  openSession,
  scenarioInputFiles,
  table,
  throwIssues,
  writeOutput,
} from "../experimentCommon.ts";

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
      "payback yr",
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
      f?.paybackYears.mean != null ? num(f.paybackYears.mean) : "-",
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
  program
    .command("optimize")
    .description(
      "search layouts and policies: screen, race on common random numbers, select the best",
    )
    .argument(
      "<spec>",
      "optimization spec (YAML or JSON): base scenario, objective, space, constraints",
    )
    .option("--budget <n>", "most replications in total (default: the spec's budget)")
    .option("--seed <n>", "master seed (default: the spec's, else the scenario's)")
    .option("--workers <n>", "worker threads (default: the number of cores)")
    .option("--executor <address>", "run replications elsewhere (e.g. redis://host:port)")
    .option("--out <dir>", "results folder (default: results/optimize-<scenario>)")
    .option("--json", "print optimization.json on stdout instead of the table")
    .option("--force", FORCE_HELP)
    .action(async (file: string, flags: OptimizeFlags) => {
      // A mistyped --out is refused before any simulation runs, not after.
      if (flags.out) checkReplaceable(flags.out);
      const issues: InputIssue[] = [];
      const parsed = commonFlags(flags, issues);
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
      const seed = parsed.seed ?? spec!.seed ?? base!.seed;
      const session = openSession({
        workers: parsed.workers,
        executor: flags.executor,
        label: "optimize",
        model: spec!.model,
      });
      let done = 0;
      let stage = "screen";
      let result: OptimizationResult;
      try {
        result = await optimizeLayout(session.executor, base!, spec!, {
          seed,
          budget,
          file: shown,
          signal: session.signal,
          onResult: () => session.progress(++done, budget ?? spec!.budget, stage),
          onStage: (s) => {
            stage = s;
            session.progress(done, budget ?? spec!.budget, stage);
          },
        });
      } finally {
        await session.close();
      }
      const document = {
        kind: "optimization",
        version: VERSION,
        spec: file,
        scenario: base!.name,
        scenarioHash: scenarioHash(base),
        model: spec!.model,
        seed,
        budget: budget ?? spec!.budget,
        /** Replications run in total (as `evaluations`). */
        replications: result.evaluations,
        ...withoutScenario(result),
      };
      const outDir = flags.out ?? defaultResultsFolder(base!.name, "optimize-");
      const files: Record<string, string> = { "optimization.json": jsonText(document) };
      if (result.winnerLayout) {
        const header = `# Winner of whsim optimize ${file} (seed ${seed}, status ${result.status}): ${result.winner}\n`;
        files["winner.layout.yaml"] = header + stringify(result.winnerLayout);
      }
      // The winner's resolved scenario and built layout, for the report's assumption tables.
      if (result.winnerScenario)
        Object.assign(files, scenarioInputFiles(result.winnerScenario, "", shown, []));
      const written = writeOutput(outDir, files, { partial: result.status === "aborted" });
      if (flags.json) process.stdout.write(jsonText(document));
      else {
        process.stdout.write(
          `${result.answer ? `${result.answer.recommendation}\n\n${answerTable(result.answer)}\n\n` : ""}${base!.name}: status ${result.status}, winner ${result.winner ?? "none"}; ${result.evaluations} replications (a full evaluation of the simulated candidates would take ${result.fullEvaluations})\n\n${optimizationTable(result)}\n\nwritten to ${written}/optimization.json${result.winnerLayout ? " and winner.layout.yaml" : ""}\n`,
        );
      }
      if (result.status === "aborted") process.exitCode = 130;
    });
}
