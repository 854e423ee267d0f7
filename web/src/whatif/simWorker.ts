/**
 * Web Worker that runs the simulation core in the browser: applies what-if parameters to a
 * scenario, simulates one replication (seed and replication index as the CLI numbers them,
 * so results match `whsim run`) and posts back KPIs, the breakdown, the daily counts, the
 * layout and the indexed trace, so the result plays like a run from disk.
 */
import defaultScenarioText from "../../../scenarios/default.yaml?raw";
import { formatIssue, isInputError } from "../../../src/common/inputError.ts";
import type { Layout } from "../../../src/layout/types.ts";
import { checkScenario, loadScenario, type Scenario } from "../../../src/scenario/index.ts";
import { kpiUnit } from "../../../src/warehouse/measure/kpis.ts";
import { scenarioLayout, simulate } from "../../../src/warehouse/simulate.ts";
import type { Breakdown, DailyCounts } from "../../../src/warehouse/types.ts";
import { type TraceIndex, transferables } from "../trace/traceIndex.ts";
import { createTraceParser } from "../trace/traceParser.ts";
import { applyParams, paramsOf, type WhatIfParams } from "./whatIfParams.ts";

/** A request: `scenario` null means the bundled default scenario; `params` null runs it as is. */
export interface SimRequest {
  id: number;
  kind: "describe" | "run";
  scenario: unknown | null;
  params: WhatIfParams | null;
  seed: number;
  /** Replication index (0-based); its random streams are the CLI's for the same index. */
  replication: number;
  trace: boolean;
}

/** Replies of the simulation worker. */
export type SimReply =
  | {
      id: number;
      kind: "described";
      name: string;
      seed: number;
      replications: number;
      params: WhatIfParams;
      shifts: string[];
    }
  | { id: number; kind: "progress"; fraction: number }
  | {
      id: number;
      kind: "done";
      name: string;
      kpis: Record<string, number>;
      /** Unit of each KPI (`s`, `m`, `share`, …). */
      units: Record<string, string>;
      breakdown: Breakdown;
      daily: DailyCounts;
      /** Warm-up discarded, s. */
      warmupS: number;
      layout: Layout;
      index: TraceIndex | null;
      ms: number;
    }
  | { id: number; kind: "error"; messages: string[] };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<SimRequest>) => void) | null;
  postMessage(message: SimReply, transfer?: Transferable[]): void;
};

function baseScenario(request: SimRequest): Scenario {
  return request.scenario === null
    ? loadScenario(defaultScenarioText, "scenarios/default.yaml")
    : checkScenario(request.scenario, "scenario.json");
}

scope.onmessage = (event) => {
  const request = event.data;
  try {
    const base = baseScenario(request);
    if (request.kind === "describe") {
      scope.postMessage({
        id: request.id,
        kind: "described",
        name: base.name,
        seed: base.seed,
        replications: base.replications,
        params: paramsOf(base),
        shifts: Object.keys(base.workforce.shifts),
      });
      return;
    }
    // Validate the changed scenario like a file: bad values come back as input problems.
    const scenario = request.params
      ? checkScenario(applyParams(base, request.params), "what-if")
      : base;
    const started = performance.now();
    const layout = scenarioLayout(scenario);
    const parser = request.trace
      ? createTraceParser({ floor: { widthM: layout.widthM, depthM: layout.depthM } })
      : null;
    let lastProgress = 0;
    const result = simulate(scenario, {
      seed: request.seed,
      replication: request.replication,
      trace: parser ? (record) => parser.pushRecord(record) : undefined,
      onProgress: (fraction) => {
        if (fraction - lastProgress >= 0.05) {
          lastProgress = fraction;
          scope.postMessage({ id: request.id, kind: "progress", fraction });
        }
      },
    });
    const index = parser ? parser.finish() : null;
    scope.postMessage(
      {
        id: request.id,
        kind: "done",
        name: scenario.name,
        kpis: result.kpis,
        units: Object.fromEntries(Object.keys(result.kpis).map((k) => [k, kpiUnit(k)])),
        breakdown: result.breakdown,
        daily: result.daily,
        warmupS: result.warmupS,
        layout,
        index,
        ms: performance.now() - started,
      },
      index ? transferables(index) : [],
    );
  } catch (error) {
    const messages = isInputError(error)
      ? error.issues.map(formatIssue)
      : [error instanceof Error ? error.message : String(error)];
    scope.postMessage({ id: request.id, kind: "error", messages });
  }
};
