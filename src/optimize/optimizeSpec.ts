/**
 * The optimization spec (`whsim optimize <spec>`): the base scenario, the objective, the
 * search space over layout generators and policies, constraints, and the racing and
 * selection settings. Validated with zod; every problem is reported at once.
 */
import { z } from "zod";
import { InputError, type InputIssue } from "../common/inputError.ts";
import { ROLES, zodToInputIssues } from "../scenario/index.ts";
import { kpiNameIssue } from "./kpiNames.ts";
import { parseServiceTargets, type ServiceTargetInput } from "./serviceTargets.ts";

const value = z.union([z.number(), z.string(), z.boolean()]);

/** The spec as written; see docs/experiments.md for an example. */
export const optimizeSpecSchema = z.strictObject({
  /** The base scenario file, relative to the spec. */
  scenario: z.string().min(1).describe("Base scenario file, relative to the spec"),
  /** What is simulated: the whole warehouse, or unit-load single-command travel only. */
  model: z.enum(["warehouse", "unitLoad"]).default("warehouse"),
  /**
   * KPI to optimise, with its sense (default: from the KPI, e.g. times are minimised).
   * Defaults to `annualCost.total` (warehouse) or `travelMPerRequest` (unitLoad).
   */
  objective: z
    .union([
      z.string().min(1),
      z.strictObject({
        kpi: z.string().min(1),
        sense: z.enum(["minimize", "maximize"]).optional(),
      }),
    ])
    .optional(),
  /**
   * Crews per layout: the least-cost crew meeting the targets, from the staffing program's
   * plans on a pilot run of each layout, refined one worker at a time by simulation.
   */
  crew: z
    .strictObject({
      /** Plan each layout's own crews (warehouse model). Default true. */
      search: z.boolean().default(true),
      /** Productive shares of a worker's time to plan at; each gives a crew. */
      efficiencies: z.array(z.number().gt(0).max(1)).min(1).max(5).default([0.85, 0.7]),
      /** Pilot replications per layout and crew tried. Default 1. */
      pilotReplications: z.number().int().min(1).max(20).default(1),
      /**
       * Tolerances ε by which a crew's pilot means must clear each service target, so that
       * the feasibility check can tell the chosen crew from the bound. Default 2.
       */
      margin: z.number().min(0).max(10).default(2),
      /** Most one-worker moves of a layout's crew search. Default 4. */
      maxRounds: z.number().int().min(0).max(50).default(4),
      /** Roles whose crews are planned. Default every role. */
      roles: z.array(z.enum(ROLES)).min(1).optional(),
    })
    .prefault({}),
  /** Scenario paths → values to try (cartesian product). `waveIntervalMin` (0 = continuous
   * release) and `layout.generator` are understood specially. */
  space: z.record(z.string().min(1), z.array(value).min(1)).default({}),
  /**
   * Service targets on KPI means (`onTimeShipRate >= 0.98`); only a feasible candidate
   * wins. Default for the warehouse model: `onTimeShipRate >= 0.95`; none for unitLoad.
   */
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
    .optional(),
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
  /** The answer's sensitivity table: wage and rent ±20 % from the cost parts, volume re-simulated. */
  sensitivity: z
    .strictObject({
      /** Replications per finalist at volume ±20 % (0 leaves volume out). Default 3. */
      volumeReplications: z.number().int().min(0).max(50).default(3),
    })
    .prefault({}),
  /** Most replications in total (all candidates). Default 400. */
  budget: z.number().int().min(1).default(400),
  seed: z.number().int().min(0).optional(),
  /** Size of the grid above which the spec is refused. */
  maxCandidates: z.number().int().min(1).max(100_000).default(5000),
});

/** A validated optimization spec with defaults. */
export type OptimizeSpec = z.output<typeof optimizeSpecSchema>;

/** Targets when a warehouse spec gives none. */
export const DEFAULT_WAREHOUSE_TARGETS = ["onTimeShipRate >= 0.95"];

/** The spec's objective KPI, or the model's default. */
export function objectiveKpi(spec: Pick<OptimizeSpec, "objective" | "model">): string {
  if (spec.objective === undefined)
    return spec.model === "unitLoad" ? "travelMPerRequest" : "annualCost.total";
  return typeof spec.objective === "string" ? spec.objective : spec.objective.kpi;
}

/** The spec's targets as written, or the model's default. */
export function targetInputs(spec: Pick<OptimizeSpec, "targets" | "model">) {
  return spec.targets ?? (spec.model === "unitLoad" ? [] : DEFAULT_WAREHOUSE_TARGETS);
}

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
  if (Array.isArray(raw.targets) && result.success && result.data.targets) {
    const inputs = result.data.targets;
    const targets = parseServiceTargets(inputs as ServiceTargetInput[], file, "targets", issues);
    targets.forEach((t) => {
      const i = inputs.findIndex((input) =>
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
