/**
 * Upper bounds shared by the scenario schema and the CSV data readers: the most SKUs, the
 * longest horizon and the seconds of a day, so a value the schema accepts is one the
 * simulation can run.
 */

/** Seconds in a day. */
export const DAY_S = 86_400;
/** Longest horizon, days. */
export const HORIZON_MAX_DAYS = 400;
/** Longest horizon, seconds: the latest time a given order, delivery or count may have. */
export const HORIZON_MAX_S = HORIZON_MAX_DAYS * DAY_S;
/** Most SKUs in a SKU master (generated or from a CSV). */
export const MAX_SKUS = 200_000;
/** Most units on one pallet, order line or delivery pallet. */
export const MAX_UNITS = 1_000_000;
