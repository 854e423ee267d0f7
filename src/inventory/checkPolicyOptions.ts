/** Validation of the policy simulator's options: every problem, each naming its field. */
import type { InputIssue } from "../common/inputError.ts";
import { checkDistSpec } from "../engine/index.ts";
import type { InventoryPolicyOptions } from "./policyTypes.ts";

/** Problems in the options, each naming the field (empty when valid). */
export function checkInventoryPolicyOptions(
  options: InventoryPolicyOptions,
  file = "<options>",
): InputIssue[] {
  const issues: InputIssue[] = [];
  const bad = (path: string, value: unknown, expected: string) =>
    issues.push({ file, path, value, expected });
  const positive = (path: string, v: unknown) => {
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) bad(path, v, "a number > 0");
  };
  const nonNegative = (path: string, v: unknown) => {
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) bad(path, v, "a number >= 0");
  };
  const d = options.demand;
  if (d?.kind === "poisson") positive("demand.ratePerDay", d.ratePerDay);
  else if (d?.kind === "normal") {
    nonNegative("demand.meanPerDay", d.meanPerDay);
    nonNegative("demand.sdPerDay", d.sdPerDay);
  } else if (d?.kind === "empirical") {
    if (!Array.isArray(d.valuesPerDay) || d.valuesPerDay.length === 0) {
      bad("demand.valuesPerDay", d.valuesPerDay, "at least one daily value");
    } else {
      for (const [i, v] of d.valuesPerDay.entries()) nonNegative(`demand.valuesPerDay[${i}]`, v);
    }
  } else bad("demand.kind", (d as { kind?: unknown })?.kind, "poisson, normal or empirical");
  if (typeof options.leadTimeS === "number") nonNegative("leadTimeS", options.leadTimeS);
  else {
    for (const issue of checkDistSpec(options.leadTimeS, "leadTimeS")) {
      issues.push({ file, ...issue });
    }
  }
  const p = options.policy;
  switch (p?.kind) {
    case "sQ":
      if (!Number.isFinite(p.s)) bad("policy.s", p.s, "a number");
      positive("policy.Q", p.Q);
      break;
    case "sS":
      if (!Number.isFinite(p.s)) bad("policy.s", p.s, "a number");
      if (!(Number.isFinite(p.S) && p.S > p.s)) bad("policy.S", p.S, `a number > s (${p.s})`);
      break;
    case "RS":
      positive("policy.reviewPeriodS", p.reviewPeriodS);
      positive("policy.S", p.S);
      break;
    case "minMax":
      if (!Number.isFinite(p.min)) bad("policy.min", p.min, "a number");
      if (!(Number.isFinite(p.max) && p.max > p.min))
        bad("policy.max", p.max, `a number > min (${p.min})`);
      if (p.orderMultiple !== undefined) positive("policy.orderMultiple", p.orderMultiple);
      break;
    default:
      bad("policy.kind", (p as { kind?: unknown })?.kind, "sQ, sS, RS or minMax");
  }
  positive("days", options.days);
  if (options.warmupDays !== undefined) nonNegative("warmupDays", options.warmupDays);
  if (
    options.shortage !== undefined &&
    options.shortage !== "backorder" &&
    options.shortage !== "lostSales"
  ) {
    bad("shortage", options.shortage, "backorder or lostSales");
  }
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed))
    bad("seed", options.seed, "an integer");
  const r = options.replications;
  if (r !== undefined && !(Number.isSafeInteger(r) && r >= 1))
    bad("replications", r, "an integer >= 1");
  const b = options.batches;
  if (b !== undefined && !(Number.isSafeInteger(b) && b >= 2)) bad("batches", b, "an integer >= 2");
  if (options.initialOnHand !== undefined) nonNegative("initialOnHand", options.initialOnHand);
  return issues;
}
