/** Field schemas several sections share: times of day and of the run, day names, SKU ranks, names. */
import { z } from "zod";
import { HORIZON_MAX_S, MAX_SKUS } from "../limits.ts";

/** A time of day, HH:MM (24 h). */
export const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day HH:MM")
  .describe("A time of day, HH:MM (24 h)");

/** Day names, Monday first; the simulation starts on a Monday at 00:00. */
export const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** A day name. */
export const day = z.enum(DAY_NAMES);
/** Monday to Friday. */
export const weekdays = [...DAY_NAMES.slice(0, 5)] as (typeof DAY_NAMES)[number][];

/** A SKU by its popularity rank, 1 = most popular (a new schema each call). */
export const skuRank = () =>
  z.number().int().min(1).max(MAX_SKUS).describe("SKU by popularity rank, 1 = most popular");

/** Days of the week something happens on, Monday to Friday by default. */
export const weekdayList = (description: string) =>
  z.array(day).min(1).max(7).default(weekdays).describe(description);

/** A time within the run, s from the start (Monday 00:00). */
export const runTime = (description: string) =>
  z.number().min(0).max(HORIZON_MAX_S).describe(description);

/** An optional reference to a named item (a carrier, a supplier, a zone). */
export const optionalName = (description: string) =>
  z.string().min(1).optional().describe(description);
