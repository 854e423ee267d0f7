/**
 * The optimization spec (`whsim optimize <spec>`): the base scenario, the objective, the
 * search space over layout generators and policies, constraints, and the racing and
 * selection settings. Validated with zod; every problem is reported at once.
 */
import { z } from "zod";
import { InputError, type InputIssue } from "../common/inputError.ts";
import { zodToInputIssues } from "../scenario/index.ts";
import { kpiNameIssue } from "./kpiNames.ts";
import { parseServiceTargets, type ServiceTargetInput } from "./serviceTargets.ts";

const value = z.union([z.number(), z.string(), z.boolean()]);

/** The spec as written; see docs/experiments.md for an example. */
export const optimizeSpecSchema = z.strictObject({
  /** The base scenario file, relative to the spec. */
  scenario: z.string().min(1).describe("Base scenario file, relative to the spec"),
  /** What is simulated: the whole warehouse, or unit-load single-command travel only. */
  model: z.enum(["warehouse", "unitLoad"]).default("warehouse"),
  /** KPI to optimise, with its sense (default: from the KPI, e.g. times are minimised). */
  objective: z
    .union([
      z.string().min(1),
      z.strictObject({
        kpi: z.string().min(1),
        sense: z.enum(["minimize", "maximize"]).optional(),
      }),
    ])
    .default("orderCycleTimeS"),
  /** Scenario paths → values to try (cartesian product). `waveIntervalMin` (0 = continuous
   * release) and `layout.generator` are understood specially. */
  space: z.record(z.string().min(1), z.array(value).min(1)).default({}),
  /** Service targets on KPI means (`onTimeShipRate >= 0.98`); only a feasible candidate wins. */
  targets: z
    .array(
      z.union([
        z.string().min(1),
        z
          .strictObject({
            kpi: z.string().min(1),
            min: z.number().optional(),
            max: z.number().optional(),
            tolerance: z.number().positive().optional(),
          })
          .refine((t) => t.min !== undefined || t.max !== undefined, "a min or a max"),
      ]),
    )
    .default([]),
  constraints: z
    .strictObject({
      maxWidthM: z.number().positive().optional(),
      maxDepthM: z.number().positive().optional(),
      maxAreaM2: z.number().positive().optional(),
      minStorageLocations: z.number().int().min(0).optional(),
    })
    .default({}),
  /** Largest share by which a generator switch may change the storage positions of a type. */
  storageTolerance: z.number().min(0).max(1).default(0.03),
  screen: z
    .strictObject({
      /** Candidates kept for simulation, best analytic travel first (default 16). */
      keep: z.number().int().min(1).default(16),
    })
    .default({ keep: 16 }),
  race: z
    .strictObject({
      initialReplications: z.number().int().min(1).default(2),
      eta: z.number().min(1.5).default(2),
      finalists: z.number().int().min(1).default(3),
    })
    .default({ initialReplications: 2, eta: 2, finalists: 3 }),
  selection: z
    .strictObject({
      /** Indifference zone: `2%` of the best mean, or an absolute amount in KPI units. */
      indifferenceZone: z
        .union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?%$/)])
        .default("2%"),
      alpha: z.number().gt(0).lt(0.5).default(0.05),
      initialReplications: z.number().int().min(2).default(8),
      maxReplications: z.number().int().min(2).default(60),
    })
    .default({ indifferenceZone: "2%", alpha: 0.05, initialReplications: 8, maxReplications: 60 }),
  /** Most replications in total (all candidates). Default 400. */
  budget: z.number().int().min(1).default(400),
  seed: z.number().int().min(0).optional(),
  /** Size of the grid above which the spec is refused. */
  maxCandidates: z.number().int().min(1).max(100_000).default(5000),
});

/** A validated optimization spec with defaults. */
export type OptimizeSpec = z.output<typeof optimizeSpecSchema>;

/**
 * Every problem of a spec at once: the schema's, plus an objective that names no KPI of
 * the model (checked even when other fields are wrong, so one run lists everything).
 */
export function optimizeSpecIssues(data: unknown, file: string): InputIssue[] {
  const result = optimizeSpecSchema.safeParse(data);
  const issues = result.success
    ? []
    : zodToInputIssues(optimizeSpecSchema, result.error.issues, data, file);
  if (data === null || typeof data !== "object") return issues;
  const raw = data as Record<string, unknown>;
  const model = raw.model === "unitLoad" ? "unitLoad" : "warehouse";
  const objective = raw.objective;
  const kpiIssue =
    objective !== null && typeof objective === "object"
      ? kpiNameIssue((objective as Record<string, unknown>).kpi, model, file, "objective.kpi")
      : kpiNameIssue(objective, model, file, "objective");
  if (kpiIssue) issues.push(kpiIssue);
  if (Array.isArray(raw.targets) && result.success) {
    const targets = parseServiceTargets(
      result.data.targets as ServiceTargetInput[],
      file,
      "targets",
      issues,
    );
    targets.forEach((t) => {
      const i = result.data.targets.findIndex((input) =>
        typeof input === "string" ? input.trim().startsWith(t.kpi) : input.kpi === t.kpi,
      );
      const issue = kpiNameIssue(t.kpi, model, file, `targets[${i}]`);
      if (issue) issues.push(issue);
    });
  }
  return issues;
}

/** Validates plain data (parsed YAML/JSON) as a spec; throws InputError with every problem. */
export function parseOptimizeSpec(data: unknown, file: string): OptimizeSpec {
  const issues = optimizeSpecIssues(data, file);
  if (issues.length > 0) throw new InputError(issues);
  return optimizeSpecSchema.parse(data);
}
