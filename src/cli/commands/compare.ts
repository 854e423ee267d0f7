/**
 * `whsim compare <a> <b> [...]`: runs every scenario on the same seeds (common random
 * numbers), then reports per KPI the paired difference from the first scenario with a
 * 95 % confidence interval and a verdict, and the time breakdowns side by side.
 */

import { resolve } from "node:path";
import type { Command } from "commander";
import { formatCsv } from "../../common/csv.ts";
import type { InputIssue } from "../../common/inputError.ts";
import { defaultResultsFolder } from "../../common/resultsFolderName.ts";
import {
  differenceUnit,
  displayScale,
  formatDifference,
  formatOnScale,
  formatQuantity,
} from "../../common/units.ts";
import { VERSION } from "../../common/version.ts";
import { type Comparison, compareOutcomes } from "../../experiment/compare.ts";
import { scenarioHash } from "../../experiment/hash.ts";
import { runExperiment } from "../../experiment/runExperiment.ts";
import { checkReplaceable } from "../../node/outputFolder.ts";
import { readScenarioFile } from "../../node/readScenarioFile.ts";
import { candidateFolder } from "../../report/readResultsFolder.ts";
import type { Scenario } from "../../scenario/index.ts";
import { kpiUnit } from "../../warehouse/measure/kpis.ts";
import { isWaitingReason } from "../../warehouse/measure/workerTime.ts";
import {
  applyWarmup,
  checkRunSize,
  commonFlags,
  type ExperimentFlags,
  FORCE_HELP,
  jsonText,
  openSession,
  scenarioInputFiles,
  table,
  throwIssues,
  writeOutput,
} from "../experimentCommon.ts";

/** Unique candidate ids from scenario names (`name`, `name#2`, …). */
export function candidateIds(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}#${n}`;
  });
}

/** The KPI table of a comparison: estimates, difference to the baseline and verdict. */
export function comparisonTable(c: Comparison, options: { currency?: string } = {}): string {
  const others = c.candidates.slice(1);
  const header = ["KPI", "unit", ...c.candidates.map((id) => `${id} (±95%)`)];
  for (const id of others) header.push(`${id} − ${c.baseline} [95% CI]`, "verdict");
  const rows = [header];
  for (const [kpi, k] of Object.entries(c.kpis)) {
    // One scale per row, from the baseline's mean: shares in %, differences in points.
    const scale = displayScale(kpiUnit(kpi, options.currency), k.estimates[c.baseline]?.mean ?? 0);
    const show = (v: number | undefined) =>
      v === undefined || !Number.isFinite(v) ? "-" : formatOnScale(v, scale);
    const row = [
      kpi,
      scale.unit || "-",
      ...c.candidates.map(
        (id) => `${show(k.estimates[id]?.mean)} ± ${show(k.estimates[id]?.ci95)}`,
      ),
    ];
    const diffUnit = differenceUnit(scale) === scale.unit ? "" : ` ${differenceUnit(scale)}`;
    for (const id of others) {
      const d = k.differences[id];
      row.push(
        d ? `${show(d.mean)}${diffUnit} [${show(d.low)}, ${show(d.high)}]` : "-",
        d?.verdict ?? "-",
      );
    }
    rows.push(row);
  }
  const phases = [
    ...new Set(c.candidates.flatMap((id) => Object.keys(c.breakdown[id]?.order ?? {}))),
  ];
  const breakdown = [
    [
      "order phase (mean per order)",
      ...c.candidates,
      ...others.map((id) => `${id} − ${c.baseline}`),
    ],
  ];
  const time = (v: number | undefined) =>
    v === undefined || !Number.isFinite(v) ? "-" : formatQuantity(v, "s");
  const timeDiff = (v: number | undefined) =>
    v === undefined || !Number.isFinite(v) ? "-" : formatDifference(v, "s");
  for (const phase of phases) {
    breakdown.push([
      phase,
      ...c.candidates.map((id) => time(c.breakdown[id]?.order[phase])),
      ...others.map((id) => timeDiff(c.breakdownDifference[id]?.order[phase])),
    ]);
  }
  // Worker time shares that moved by at least half a percentage point.
  const workers = [
    ["worker time (share)", ...c.candidates, ...others.map((id) => `${id} − ${c.baseline}`)],
  ];
  const roles = [
    ...new Set(c.candidates.flatMap((id) => Object.keys(c.breakdown[id]?.worker ?? {}))),
  ];
  for (const role of roles.sort()) {
    const states = [
      ...new Set(c.candidates.flatMap((id) => Object.keys(c.breakdown[id]?.worker[role] ?? {}))),
    ];
    for (const state of states) {
      const moved = others.some(
        (id) => Math.abs(c.breakdownDifference[id]?.worker[role]?.[state] ?? 0) >= 0.005,
      );
      if (!moved) continue;
      // A reason for waiting is a part of `waiting`, listed under it and never added to it.
      const label = isWaitingReason(state)
        ? `${role}   of which waiting for ${state.slice("waiting.".length)}`
        : `${role} ${state}`;
      const share = (v: number | undefined) =>
        v === undefined || !Number.isFinite(v) ? "-" : formatQuantity(v, "share");
      const points = (v: number | undefined) =>
        v === undefined || !Number.isFinite(v) ? "-" : formatDifference(v, "share");
      workers.push([
        label,
        ...c.candidates.map((id) => share(c.breakdown[id]?.worker[role]?.[state])),
        ...others.map((id) => points(c.breakdownDifference[id]?.worker[role]?.[state])),
      ]);
    }
  }
  const parts = [table(rows)];
  if (phases.length > 0) parts.push(table(breakdown));
  if (workers.length > 1) parts.push(table(workers));
  return parts.join("\n\n");
}

/** Registers `whsim compare`. */
export function compareCommand(program: Command): void {
  program
    .command("compare")
    .description("compare scenarios on common random numbers: paired differences with 95% CIs")
    .argument("<scenarios...>", "two or more scenario files; the first is the baseline")
    .option("--replications <n>", "replications per scenario (default: the first scenario's)")
    .option("--precision <p>", "add replications until every mean is within p (e.g. 2%)")
    .option("--seed <n>", "master seed for every scenario (default: the first scenario's)")
    .option("--warmup-days <d>", "warm-up deleted from statistics, for every scenario")
    .option("--workers <n>", "worker threads (default: the number of cores)")
    .option("--executor <address>", "run replications elsewhere (e.g. redis://host:port)")
    .option("--out <dir>", "results folder (default: results/compare-<a>-<b>)")
    .option("--json", "print comparison.json on stdout instead of the table")
    .option("--force", FORCE_HELP)
    .action(async (files: string[], flags: ExperimentFlags) => {
      // A mistyped --out is refused before any simulation runs, not after.
      if (flags.out) checkReplaceable(flags.out);
      const issues: InputIssue[] = [];
      if (files.length < 2) {
        issues.push({
          file: "compare",
          path: "",
          value: files,
          expected: "at least two scenario files",
        });
      }
      const parsed = commonFlags(flags, issues);
      const scenarios: Scenario[] = [];
      for (const file of files) {
        try {
          scenarios.push(
            applyWarmup(readScenarioFile(resolve(file)), flags.warmupDays, file, issues),
          );
        } catch (error) {
          if ((error as { issues?: InputIssue[] }).issues)
            issues.push(...(error as { issues: InputIssue[] }).issues);
          else throw error;
        }
      }
      // Each candidate's resolved scenario and built layout, for the report: candidates/<k>/.
      const inputFiles: Record<string, string> = {};
      if (scenarios.length === files.length) {
        for (const [k, s] of scenarios.entries())
          Object.assign(inputFiles, scenarioInputFiles(s, candidateFolder(k), files[k], issues));
      }
      for (const [k, s] of scenarios.entries()) checkRunSize(s, files[k], flags.force, issues);
      throwIssues(issues);
      const ids = candidateIds(scenarios.map((s) => s.name));
      const seed = parsed.seed ?? scenarios[0].seed;
      const replications = parsed.replications ?? scenarios[0].replications;
      const session = openSession({
        workers: parsed.workers,
        executor: flags.executor,
        label: "compare",
      });
      let result: Awaited<ReturnType<typeof runExperiment>>;
      try {
        result = await runExperiment(
          session.executor,
          scenarios.map((scenario, i) => ({ id: ids[i], scenario })),
          {
            seed,
            replications,
            precision: parsed.precision !== undefined ? { relative: parsed.precision } : undefined,
            signal: session.signal,
            onProgress: (done, total) => session.progress(done, total),
          },
        );
      } finally {
        await session.close();
      }
      const comparison = compareOutcomes(result.outcomes, ids);
      const document = {
        kind: "comparison",
        version: VERSION,
        seed,
        replications: result.replications,
        aborted: result.aborted,
        ...(parsed.precision !== undefined
          ? { precision: parsed.precision, precisionMet: result.precisionMet ?? false }
          : {}),
        scenarios: scenarios.map((s, i) => ({
          id: ids[i],
          file: files[i],
          scenario: s.name,
          scenarioHash: scenarioHash(s),
          warmupDays: s.warmupDays,
          folder: candidateFolder(i).slice(0, -1),
        })),
        ...comparison,
      };
      const outDir = flags.out ?? defaultResultsFolder(ids.slice(0, 2).join("-"), "compare-");
      const kpiNames = Object.keys(comparison.kpis);
      const replicationsCsv = formatCsv([
        ["candidate", "replication", ...kpiNames],
        ...result.outcomes.map((o) => [
          o.candidate,
          o.replication,
          ...kpiNames.map((k) => o.kpis[k]),
        ]),
      ]);
      const written = writeOutput(
        outDir,
        {
          "comparison.json": jsonText(document),
          "replications.csv": replicationsCsv,
          ...inputFiles,
        },
        { partial: result.aborted },
      );
      if (flags.json) process.stdout.write(jsonText(document));
      else {
        let note = result.aborted ? " (stopped early: partial results)" : "";
        if (parsed.precision !== undefined) {
          note += result.precisionMet
            ? `; relative precision ${parsed.precision * 100}% reached`
            : `; relative precision ${parsed.precision * 100}% NOT reached (limit 100 replications)`;
        }
        process.stdout.write(
          `${ids.join(" vs ")}: ${result.replications} replications each, seed ${seed}${note}\n\n${comparisonTable(comparison, { currency: scenarios[0]?.costs.currency })}\n\nwritten to ${written}/comparison.json\n`,
        );
      }
      if (result.aborted) process.exitCode = 130;
    });
}
