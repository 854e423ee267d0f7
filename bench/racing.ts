/**
 * Racing versus full evaluation: the same candidates selected (1) by successive-halving
 * racing then Kim–Nelson on common random numbers, and (2) by running every candidate for
 * as many replications as the most-run candidate got in (1) and taking the best mean.
 * Prints replications used, the share saved and whether both pick the same winner.
 * Target: ≥ 50 % saved, same winner.
 *
 *   npx tsx bench/racing.ts [case: queue|layout|both]
 */
import { resolve } from "node:path";
import { createInProcessExecutor } from "../src/experiment/inProcessExecutor.ts";
import type { Candidate } from "../src/experiment/jobs.ts";
import { buildJobs } from "../src/experiment/jobs.ts";
import { mmcWaitS, type QueueScenario, runQueueModel } from "../src/experiment/queueModel.ts";
import type { Runner } from "../src/experiment/types.ts";
import { readScenarioFile } from "../src/node/readScenarioFile.ts";
import { enumerateCandidates, screenCandidates } from "../src/optimize/layoutSearch.ts";
import { lossOf, type Objective, objectiveFor } from "../src/optimize/objective.ts";
import { parseOptimizeSpec } from "../src/optimize/optimizeSpec.ts";
import { selectBest } from "../src/optimize/selectBest.ts";
import { runUnitLoadModel } from "../src/optimize/unitLoadModel.ts";
import { checkScenario, type Scenario } from "../src/scenario/index.ts";

const which = process.argv[2] ?? "both";

async function compareSchemes<S>(
  name: string,
  runner: Runner<any>,
  candidates: Candidate<S>[],
  objective: Objective,
  iz: number,
) {
  const t0 = performance.now();
  const raced = await selectBest(createInProcessExecutor(runner), candidates, {
    objective,
    seed: 11,
    indifferenceZone: { absolute: iz },
    race: { initialReplications: 2, eta: 2, finalists: 3 },
    selection: { initialReplications: 8, maxReplications: 60 },
  });
  const racingS = (performance.now() - t0) / 1000;
  const perCandidate = Math.max(
    ...candidates.map((c) => raced.outcomes.filter((o) => o.candidate === c.id).length),
  );
  const t1 = performance.now();
  const full = await createInProcessExecutor(runner).run(
    buildJobs(candidates, { seed: 11, replications: perCandidate }) as never,
  );
  const fullS = (performance.now() - t1) / 1000;
  const means = candidates.map((c) => {
    const mine = full.filter((o) => o.candidate === c.id);
    return { id: c.id, mean: mine.reduce((s, o) => s + lossOf(o, objective), 0) / mine.length };
  });
  means.sort((a, b) => a.mean - b.mean);
  const fullEvaluations = full.length;
  console.log(
    `\n${name}: ${candidates.length} candidates, objective ${objective.kpi} (${objective.sense}), δ = ${iz}`,
  );
  console.log(
    `  racing + Kim–Nelson: ${raced.evaluations} replications (${racingS.toFixed(1)} s), status ${raced.status}, winner ${raced.winner}`,
  );
  console.log(
    `  full evaluation    : ${fullEvaluations} replications (${candidates.length} × ${perCandidate}, ${fullS.toFixed(1)} s), winner ${means[0].id}`,
  );
  console.log(
    `  saved: ${(100 * (1 - raced.evaluations / fullEvaluations)).toFixed(1)} % (target >= 50 %), same winner: ${raced.winner === means[0].id}`,
  );
}

if (which === "queue" || which === "both") {
  // Servers 2..13 at λ = 2.5/s: 20 per server-hour plus 0.02 per second waited.
  const costly: Runner<QueueScenario> = (scenario, options) => {
    const r = runQueueModel(scenario, options);
    return {
      ...r,
      kpis: {
        ...r.kpis,
        costPerHour: scenario.servers * 20 + scenario.arrivalRatePerS * 3600 * r.kpis.waitS * 0.02,
      },
    };
  };
  const candidates = Array.from({ length: 12 }, (_, i) => ({
    id: `servers=${i + 3}`,
    scenario: {
      arrivalRatePerS: 2.5,
      serviceMeanS: 1,
      servers: i + 3,
      horizonS: 3000,
      warmupS: 300,
    },
  }));
  const theory = candidates.map(
    (c) =>
      `${c.scenario.servers}:${(c.scenario.servers * 20 + 9000 * mmcWaitS(2.5, 1, c.scenario.servers) * 0.02).toFixed(1)}`,
  );
  console.log(`queue staffing, theory cost per hour by servers: ${theory.join(" ")}`);
  await compareSchemes("queue staffing", costly, candidates, objectiveFor("costPerHour"), 3);
}

if (which === "layout" || which === "both") {
  const base = readScenarioFile(resolve("tests/experiment/fixtures/tiny.yaml"));
  const { forward: _f, ...layout } = base.layout as Record<string, unknown>;
  const plain: Scenario = checkScenario({
    ...base,
    layout: { ...layout, aisles: 8, baysPerAisle: 10 },
  });
  const spec = parseOptimizeSpec(
    {
      scenario: "tiny.yaml",
      model: "unitLoad",
      objective: "travelMPerRequest",
      space: {
        "layout.generator": ["traditional", "flyingV", "fishbone"],
        "layout.aisles": [6, 8, 10],
        "layout.crossAisles": [0, 1, 2],
      },
      screen: { keep: 100 },
    },
    "bench",
  );
  const kept = screenCandidates(enumerateCandidates(plain, spec), spec);
  // Requests of a unit-load replication: fewer than the default, so the full evaluation stays short.
  const candidates = kept.map((c) => ({
    id: c.id,
    scenario: { ...c.scenario, unitLoadRequests: 500 },
  }));
  await compareSchemes(
    "unit-load layouts",
    runUnitLoadModel as Runner<any>,
    candidates,
    objectiveFor("travelMPerRequest"),
    0.3,
  );
}
