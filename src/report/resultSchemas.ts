/**
 * zod schemas of the results files a report reads (summary.json, comparison.json, sweep.json,
 * optimization.json, staffing.json, a comparison's candidates/<k>/timeline.json), as documented in docs/architecture.md. Extra fields are allowed (newer
 * writers may add some); missing or mistyped required fields are errors.
 */
import { z } from "zod";

const finite = z.number().refine(Number.isFinite, "a finite number");
/** A bound or half-width that is null (read as NaN) when fewer than two replications give none. */
const orNaN = (schema: z.ZodNumber) => schema.nullable().transform((v) => v ?? Number.NaN);
/** A KPI estimate over replications. `ci95` is the 95 % half-width, null for n < 2. */
export const estimateSchema = z.looseObject({
  mean: z.number(),
  ci95: orNaN(z.number().min(0)),
  n: z.number().int().min(0),
  unit: z.string().optional(),
  stdDev: z.number().optional(),
});

/**
 * A KPI record; entries with a null mean (a KPI no replication reported: NaN written as
 * null by JSON) are dropped rather than shown as numbers.
 */
const kpiRecord = z.preprocess(
  (v) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v).filter(([, e]) => (e as { mean?: unknown } | null)?.mean !== null),
        )
      : v,
  z.record(z.string(), estimateSchema),
);

/** Where time goes: order phases (mean s) and worker states (share of time per role). */
export const breakdownSchema = z.looseObject({
  order: z.record(z.string(), finite),
  worker: z.record(z.string(), z.record(z.string(), finite)),
});

/** A per-day series over replications (mean, 95 % half-width or null). */
const dailySeriesSchema = z.looseObject({
  mean: z.array(finite),
  ci95: z.array(z.number().min(0).nullable()),
});

const common = {
  version: z.string().min(1),
  seed: z.number().int(),
  replications: z.number().int().min(1),
};

/** summary.json of `whsim run`. */
export const summarySchema = z.looseObject({
  kind: z.literal("run"),
  ...common,
  scenario: z.union([z.string(), z.looseObject({ name: z.string() })]),
  scenarioHash: z.string().min(1),
  warmupS: z.number().min(0),
  horizonS: z.number().gt(0),
  kpis: kpiRecord,
  breakdown: breakdownSchema,
  /** Daily series of the warm-up check (absent in older results). */
  daily: z.record(z.string(), dailySeriesSchema).optional(),
  conservation: z.unknown().optional(),
});

const differenceSchema = estimateSchema.extend({
  low: orNaN(z.number()),
  high: orNaN(z.number()),
  verdict: z.string().min(1),
});

/** A candidate of a comparison: an id, or an object with an id and its details. */
const candidateSchema = z.union([
  z.string().min(1),
  z.looseObject({
    id: z.string().min(1),
    name: z.string().optional(),
    scenario: z.string().optional(),
    scenarioHash: z.string().optional(),
  }),
]);

/** comparison.json of `whsim compare` (`kind` "comparison"; "compare" is read too). */
export const comparisonSchema = z.looseObject({
  kind: z.enum(["comparison", "compare"]),
  aborted: z.boolean().optional(),
  scenarios: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        scenario: z.string().optional(),
        scenarioHash: z.string().optional(),
      }),
    )
    .optional(),
  ...common,
  warmupS: z.number().min(0).optional(),
  horizonS: z.number().gt(0).optional(),
  baseline: z.string().min(1),
  candidates: z.array(candidateSchema).min(2),
  level: z.number().gt(0).lt(1).default(0.95),
  kpis: z.record(
    z.string(),
    z.looseObject({
      direction: z.string().default("neutral"),
      estimates: kpiRecord,
      differences: z.preprocess(
        (v) =>
          v !== null && typeof v === "object" && !Array.isArray(v)
            ? Object.fromEntries(
                Object.entries(v).filter(
                  ([, e]) => (e as { mean?: unknown } | null)?.mean !== null,
                ),
              )
            : v,
        z.record(z.string(), differenceSchema),
      ),
    }),
  ),
  breakdown: z.record(z.string(), breakdownSchema).default({}),
  breakdownDifference: z.record(z.string(), breakdownSchema).optional(),
});

const scalar = z.union([z.number(), z.string(), z.boolean()]);

/** sweep.json of `whsim sweep`. */
export const sweepSchema = z.looseObject({
  kind: z.literal("sweep"),
  ...common,
  scenario: z.union([z.string(), z.looseObject({ name: z.string() })]).optional(),
  scenarioHash: z.string().optional(),
  warmupS: z.number().min(0).optional(),
  horizonS: z.number().gt(0).optional(),
  axes: z
    .array(
      z.looseObject({
        path: z.string().min(1),
        variable: z.boolean().default(false),
        values: z.array(scalar).min(1),
      }),
    )
    .min(1),
  points: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        settings: z.record(z.string(), scalar).default({}),
        variables: z.record(z.string(), z.number()).default({}),
        kpis: kpiRecord,
      }),
    )
    .min(1),
  aborted: z.boolean().optional(),
});

/** optimization.json of `whsim optimize` (`kind` "optimization"; "optimize" is read too). */
/** A crew: headcount per role per shift. */
const crewSchema = z.record(z.string(), z.record(z.string(), z.number()));
/** A number or null (no value), read as null. */
const nullableNumber = z.number().nullable();

/** One option of the planner's answer (today's, or a finalist): crew, cost by part, service. */
const optionSchema = z.looseObject({
  id: z.string().min(1),
  crew: crewSchema.optional(),
  annualCost: z.record(z.string(), estimateSchema).default({}),
  service: z.record(z.string(), estimateSchema).default({}),
  replications: z.number().int().min(0).optional(),
});

/** The planner's answer in optimization.json: each part optional, rendered when present. */
const answerSchema = z.looseObject({
  currency: z.string().optional(),
  baseline: optionSchema.optional(),
  finalists: z
    .array(
      optionSchema.extend({
        saving: estimateSchema
          .extend({ low: orNaN(z.number()), high: orNaN(z.number()) })
          .optional(),
        movedLocationsCost: z.number().optional(),
        paybackYears: z
          .looseObject({ mean: nullableNumber, low: nullableNumber, high: nullableNumber })
          .optional(),
        crewChange: z.array(z.string()).optional(),
      }),
    )
    .default([]),
  sensitivity: z
    .array(
      z.looseObject({
        change: z.string(),
        winner: z.string(),
        winnerChanges: z.boolean(),
        totals: z.record(z.string(), z.number()).default({}),
        method: z.string().optional(),
        replications: z.number().optional(),
        meetsTargets: z.record(z.string(), z.boolean()).optional(),
      }),
    )
    .default([]),
  recommendation: z.string().optional(),
});

export const optimizationSchema = z.looseObject({
  kind: z.enum(["optimization", "optimize"]),
  version: z.string().min(1),
  seed: z.number().int(),
  status: z.string().min(1),
  scenario: z.string().optional(),
  scenarioHash: z.string().optional(),
  model: z.string().optional(),
  budget: z.number().optional(),
  objective: z.looseObject({ kpi: z.string().min(1), sense: z.enum(["minimize", "maximize"]) }),
  winner: z.string().min(1).optional(),
  /** The winner's layout specification (built for the drawing). */
  winnerLayout: z.record(z.string(), z.unknown()).optional(),
  winnerSettings: z.record(z.string(), scalar).optional(),
  ranking: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        settings: z.record(z.string(), scalar).default({}),
        rank: z.number().int().min(1).optional(),
        reached: z.string().optional(),
        rejected: z.string().optional(),
        estimate: estimateSchema.optional(),
        versusWinner: estimateSchema
          .extend({ low: orNaN(z.number()), high: orNaN(z.number()) })
          .optional(),
        metrics: z
          .looseObject({
            widthM: z.number(),
            depthM: z.number(),
            areaM2: z.number(),
            locations: z.number(),
            avgSingleCommandDistanceM: z.number(),
          })
          .optional(),
      }),
    )
    .min(1),
  candidates: z
    .looseObject({ total: z.number(), rejected: z.number(), simulated: z.number() })
    .optional(),
  evaluations: z.number().int().min(0).optional(),
  fullEvaluations: z.number().int().min(0).optional(),
  indifferenceZone: z.number().min(0).optional(),
  why: z.union([z.string(), z.array(z.string())]).optional(),
  targets: z
    .array(z.looseObject({ kpi: z.string(), op: z.string(), value: z.number() }))
    .optional(),
  answer: answerSchema.optional(),
});

const headcountSchema = z.record(z.string(), z.record(z.string(), z.number().int().min(0)));
const targetSchema = z.looseObject({ min: z.number().optional(), max: z.number().optional() });

/** staffing.json of `whsim staff` (`kind` "staffing"). */
export const staffingSchema = z.looseObject({
  kind: z.literal("staffing"),
  ...common,
  scenario: z.string().optional(),
  scenarioHash: z.string().optional(),
  status: z.enum(["meets", "fails", "infeasible", "timedout", "unbounded", "aborted"]),
  targets: z.record(z.string(), targetSchema),
  efficiency: z.number().gt(0).max(1),
  maxPerShift: z.number().optional(),
  shifts: z.array(
    z.looseObject({
      id: z.string().min(1),
      covers: z.array(z.string()),
      costPerWorker: z.number().min(0),
    }),
  ),
  need: z.record(z.string(), z.record(z.string(), z.number().min(0))),
  baseline: z.looseObject({ headcount: headcountSchema, cost: z.number(), kpis: kpiRecord }),
  plan: z.looseObject({
    status: z.string().min(1),
    cost: z.number().nullable(),
    headcount: headcountSchema,
  }),
  check: z
    .looseObject({
      targets: z.record(
        z.string(),
        z.looseObject({
          estimate: estimateSchema,
          target: targetSchema,
          ok: z.boolean(),
          confident: z.boolean(),
        }),
      ),
      kpis: kpiRecord,
    })
    .optional(),
});

const count = z.number().int().min(0);

/** candidates/<k>/timeline.json of `whsim compare`: one candidate's data over time. */
export const timelineSchema = z.looseObject({
  kind: z.literal("timeline"),
  replication: z.number().int().min(0),
  warmupS: z.number().min(0),
  horizonS: z.number().gt(0),
  createdPerHour: z.array(count),
  shippedPerHour: z.array(count),
  wip: z.array(z.tuple([finite, finite])),
  utilizationPerShift: z.looseObject({
    shifts: z.array(z.string()),
    roles: z.array(
      z.looseObject({ role: z.string(), shares: z.array(z.number().min(0).max(1).nullable()) }),
    ),
  }),
});

export type Estimate = z.output<typeof estimateSchema>;
export type BreakdownData = z.output<typeof breakdownSchema>;
export type Summary = z.output<typeof summarySchema>;
export type ComparisonFile = z.output<typeof comparisonSchema>;
export type SweepFile = z.output<typeof sweepSchema>;
export type OptimizationFile = z.output<typeof optimizationSchema>;
export type StaffingFile = z.output<typeof staffingSchema>;
export type TimelineFile = z.output<typeof timelineSchema>;
