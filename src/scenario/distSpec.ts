/**
 * The zod schema of a random-variable specification (`{ dist: "exponential", mean: 60 }`),
 * mirroring the engine's DistSpec so scenarios are validated and documented in one place.
 * Every field gets its own range for the variate (seconds, units, m³), so no parameter can
 * ask for a value no warehouse has (a constant 10¹² lines per order, a geometric p of 10⁻³⁰⁰).
 */
import { z } from "zod";

/** The range a distribution's variate is meant to take, in the field's unit. */
export interface DistRange {
  /** Smallest location parameter (value, min, mode, mean, values) accepted. */
  min: number;
  /** Largest location or scale parameter accepted; also the largest mean. */
  max: number;
}

/** Largest shape of a gamma or erlang distribution (beyond it the variate is near-constant). */
const MAX_SHAPE = 1000;
/** Largest coefficient of variation of a lognormal. */
const MAX_CV = 10;
/** Most values of an empirical distribution. */
const MAX_EMPIRICAL_VALUES = 10_000;

/** Checks that need more than one parameter: ordering, sd or cv, weights, the gamma mean. */
function refineDist(range: DistRange) {
  return (spec: Record<string, any>, ctx: z.core.$RefinementCtx<Record<string, any>>) => {
    const bad = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message, input: spec[path] });
    if (spec.dist === "uniform" && spec.max < spec.min) bad("max", "at least min");
    if (spec.dist === "triangular" && !(spec.min <= spec.mode && spec.mode <= spec.max)) {
      bad("mode", "min <= mode <= max");
    }
    if (spec.dist === "lognormal" && (spec.sd === undefined) === (spec.cv === undefined)) {
      bad("sd", "exactly one of sd or cv");
    }
    if (
      spec.dist === "empirical" &&
      spec.weights !== undefined &&
      spec.weights.length !== spec.values.length
    ) {
      bad("weights", `as many weights as values (${spec.values.length})`);
    }
    if (
      spec.dist === "empirical" &&
      spec.weights !== undefined &&
      !spec.weights.some((w: number) => w > 0)
    ) {
      bad("weights", "at least one weight above 0");
    }
    if (spec.dist === "gamma" && spec.shape * spec.scale > range.max) {
      bad("scale", `shape × scale (the mean) at most ${range.max}`);
    }
  };
}

/**
 * One distribution, tagged by `dist`, whose parameters lie in `range`: location parameters
 * (value, min, max, mode, mean, values) in [range.min, range.max], spreads (sd) up to
 * range.max, geometric p at least 1 / range.max (mean 1/p at most range.max).
 */
export function distSpec(range: DistRange) {
  const location = z.number().min(range.min).max(range.max);
  const mean = (range.min > 0 ? z.number().min(range.min) : z.number().gt(0)).max(range.max);
  const spread = z.number().min(0).max(range.max);
  const pMin = Math.min(1, 1 / range.max);
  return z
    .discriminatedUnion("dist", [
      z.strictObject({ dist: z.literal("constant"), value: location }),
      z.strictObject({ dist: z.literal("uniform"), min: location, max: location }),
      z.strictObject({ dist: z.literal("exponential"), mean }),
      z.strictObject({
        dist: z.literal("normal"),
        mean: location,
        sd: spread,
        min: location.optional(),
      }),
      z.strictObject({
        dist: z.literal("lognormal"),
        mean,
        sd: spread.optional(),
        cv: z.number().min(0).max(MAX_CV).optional(),
      }),
      z.strictObject({
        dist: z.literal("triangular"),
        min: location,
        mode: location,
        max: location,
      }),
      z.strictObject({
        dist: z.literal("gamma"),
        shape: z.number().gt(0).max(MAX_SHAPE),
        scale: z.number().gt(0).max(range.max),
      }),
      z.strictObject({
        dist: z.literal("erlang"),
        k: z.number().int().min(1).max(MAX_SHAPE),
        mean,
      }),
      z.strictObject({ dist: z.literal("poisson"), mean }),
      z.strictObject({ dist: z.literal("geometric"), p: z.number().min(pMin).max(1) }),
      z.strictObject({
        dist: z.literal("empirical"),
        values: z.array(location).min(1).max(MAX_EMPIRICAL_VALUES),
        weights: z.array(z.number().min(0).max(1e12)).optional(),
      }),
    ])
    .superRefine(refineDist(range))
    .describe(
      `A distribution: constant, uniform, exponential, normal, lognormal, triangular, gamma, erlang, poisson, geometric or empirical; parameters describe the variate itself, each within [${range.min}, ${range.max}] (geometric p >= ${pMin})`,
    );
}

/** A distribution of a non-negative quantity of any field (parameters up to 10⁷). */
export const distSpecSchema = distSpec({ min: 0, max: 1e7 });

/** A validated distribution specification (plain data). */
export type DistSpecInput = z.output<typeof distSpecSchema>;

/** Shorthand for a constant distribution. */
export function constant(value: number): DistSpecInput {
  return { dist: "constant", value };
}
