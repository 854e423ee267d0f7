/**
 * The zod schema of a random-variable specification (`{ dist: "exponential", mean: 60 }`),
 * mirroring the engine's DistSpec so scenarios are validated and documented in one place.
 */
import { z } from "zod";

const positive = z.number().positive();
const finite = z.number();

/** One distribution, tagged by `dist`. Parameters are those of the variate itself (seconds, units…). */
export const distSpecSchema = z
  .discriminatedUnion("dist", [
    z.strictObject({ dist: z.literal("constant"), value: finite }),
    z.strictObject({ dist: z.literal("uniform"), min: finite, max: finite }),
    z.strictObject({ dist: z.literal("exponential"), mean: positive }),
    z.strictObject({
      dist: z.literal("normal"),
      mean: finite,
      sd: z.number().min(0),
      min: finite.optional(),
    }),
    z.strictObject({
      dist: z.literal("lognormal"),
      mean: positive,
      sd: z.number().min(0).optional(),
      cv: z.number().min(0).optional(),
    }),
    z.strictObject({ dist: z.literal("triangular"), min: finite, mode: finite, max: finite }),
    z.strictObject({ dist: z.literal("gamma"), shape: positive, scale: positive }),
    z.strictObject({ dist: z.literal("erlang"), k: z.number().int().min(1), mean: positive }),
    z.strictObject({ dist: z.literal("poisson"), mean: positive }),
    z.strictObject({ dist: z.literal("geometric"), p: z.number().gt(0).max(1) }),
    z.strictObject({
      dist: z.literal("empirical"),
      values: z.array(finite).min(1),
      weights: z.array(z.number().min(0)).optional(),
    }),
  ])
  .superRefine((spec, ctx) => {
    const bad = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message, input: (spec as any)[path] });
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
  })
  .describe(
    "A distribution: constant, uniform, exponential, normal, lognormal, triangular, gamma, erlang, poisson, geometric or empirical; parameters describe the variate itself",
  );

/** A validated distribution specification (plain data). */
export type DistSpecInput = z.output<typeof distSpecSchema>;

/** Shorthand for a constant distribution. */
export function constant(value: number): DistSpecInput {
  return { dist: "constant", value };
}
