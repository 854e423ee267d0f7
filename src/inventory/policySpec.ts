/**
 * The short text forms analysts type for the policy simulator (`poisson:2/day`, `5d`,
 * `sQ:12,20`), and the YAML/JSON document form, turned into `InventoryPolicyOptions`.
 * Every problem is collected and thrown as one InputError.
 */
import { InputError, type InputIssue } from "../common/inputError.ts";
import type { DistSpec } from "../engine/index.ts";
import {
  checkInventoryPolicyOptions,
  DAY_S,
  type DemandSpec,
  type InventoryPolicyOptions,
} from "./policySimulator.ts";
import type { ReorderPolicy } from "./reorder/types.ts";

/** Where a text came from, for messages: a file (or flag) and a path inside it. */
export interface SpecSource {
  file: string;
  path: string;
}

const UNIT_S: Record<string, number> = { s: 1, m: 60, min: 60, h: 3600, d: DAY_S, w: 7 * DAY_S };
const PER_DAY: Record<string, number> = { day: 1, d: 1, week: 1 / 7, w: 1 / 7, h: 24, hour: 24 };

const num = (text: string): number =>
  /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text.trim()) ? Number(text) : Number.NaN;

/** A duration such as `5d`, `12h`, `30min`, `2w`, `90s` (a bare number is days), in seconds; NaN if malformed. */
export function parseDurationS(text: string): number {
  const m = /^\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*(s|min|m|h|d|w)?\s*$/i.exec(text);
  if (!m) return Number.NaN;
  const value = num(m[1]);
  return value * (m[2] ? UNIT_S[m[2].toLowerCase()] : DAY_S);
}

/** `poisson:2/day`, `normal:20,5/day`, or `empirical:0,1,4,2` (daily values); throws InputError. */
export function parseDemand(text: string, where: SpecSource): DemandSpec {
  const fail = (expected: string): never => {
    throw new InputError({ ...where, value: text, expected });
  };
  const m = /^\s*(\w+)\s*:\s*(.+?)\s*$/.exec(text);
  if (!m) return fail("poisson:RATE/day, normal:MEAN,SD/day or empirical:V1,V2,...");
  const kind = m[1].toLowerCase();
  let body = m[2];
  let factor = 1;
  const per = /\/\s*(\w+)\s*$/.exec(body);
  if (per) {
    const f = PER_DAY[per[1].toLowerCase()];
    if (f === undefined) return fail("a rate per day, week or hour (e.g. poisson:2/day)");
    factor = f;
    body = body.slice(0, per.index);
  }
  const values = body.split(",").map(num);
  if (values.some((v) => Number.isNaN(v)))
    return fail("numbers after the colon (e.g. poisson:2/day)");
  if (kind === "poisson" && values.length === 1)
    return { kind: "poisson", ratePerDay: values[0] * factor };
  if (kind === "normal" && values.length === 2) {
    // A normal per week scales its mean by 1/7 and its sd by √(1/7) (independent days).
    return {
      kind: "normal",
      meanPerDay: values[0] * factor,
      sdPerDay: values[1] * Math.sqrt(factor),
    };
  }
  if (kind === "empirical" && !per) return { kind: "empirical", valuesPerDay: values };
  return fail("poisson:RATE/day, normal:MEAN,SD/day or empirical:V1,V2,... (daily values)");
}

/** `5d` (fixed), or `uniform:3d,7d`, `exponential:5d`, `normal:5d,1d`, `triangular:3d,5d,9d`, `gamma:SHAPE,SCALE`; seconds. */
export function parseLeadTime(text: string, where: SpecSource): number | DistSpec {
  const fail = (): never => {
    throw new InputError({
      ...where,
      value: text,
      expected:
        "a duration (5d, 36h) or uniform:MIN,MAX, exponential:MEAN, normal:MEAN,SD, triangular:MIN,MODE,MAX, gamma:SHAPE,SCALE",
    });
  };
  const fixed = parseDurationS(text);
  if (Number.isFinite(fixed)) return fixed;
  const m = /^\s*(\w+)\s*:\s*(.+?)\s*$/.exec(text);
  if (!m) return fail();
  const kind = m[1].toLowerCase();
  const parts = m[2].split(",");
  if (kind === "gamma" && parts.length === 2) {
    const shape = num(parts[0]);
    const scale = parseDurationS(parts[1]);
    return Number.isFinite(shape) && Number.isFinite(scale)
      ? { dist: "gamma", shape, scale }
      : fail();
  }
  const v = parts.map(parseDurationS);
  if (v.some((x) => !Number.isFinite(x))) return fail();
  if (kind === "uniform" && v.length === 2) return { dist: "uniform", min: v[0], max: v[1] };
  if (kind === "exponential" && v.length === 1) return { dist: "exponential", mean: v[0] };
  if (kind === "normal" && v.length === 2) return { dist: "normal", mean: v[0], sd: v[1], min: 0 };
  if (kind === "triangular" && v.length === 3)
    return { dist: "triangular", min: v[0], mode: v[1], max: v[2] };
  return fail();
}

/** `sQ:s,Q`, `sS:s,S`, `RS:R,S` (R a duration, e.g. 7d), `minMax:min,max[,multiple]`; throws InputError. */
export function parsePolicy(text: string, where: SpecSource): ReorderPolicy {
  const fail = (): never => {
    throw new InputError({
      ...where,
      value: text,
      expected: "sQ:s,Q or sS:s,S or RS:R,S (R a duration such as 7d) or minMax:min,max[,multiple]",
    });
  };
  const m = /^\s*(\w+)\s*:\s*(.+?)\s*$/.exec(text);
  if (!m) return fail();
  const parts = m[2].split(",");
  const v = parts.map(num);
  switch (m[1]) {
    case "sQ":
      return v.length === 2 && v.every(Number.isFinite) ? { kind: "sQ", s: v[0], Q: v[1] } : fail();
    case "sS":
      return v.length === 2 && v.every(Number.isFinite) ? { kind: "sS", s: v[0], S: v[1] } : fail();
    case "RS": {
      const r = parts.length === 2 ? parseDurationS(parts[0]) : Number.NaN;
      return Number.isFinite(r) && Number.isFinite(v[1])
        ? { kind: "RS", reviewPeriodS: r, S: v[1] }
        : fail();
    }
    case "minMax":
      if ((v.length === 2 || v.length === 3) && v.every(Number.isFinite)) {
        return v.length === 3
          ? { kind: "minMax", min: v[0], max: v[1], orderMultiple: v[2] }
          : { kind: "minMax", min: v[0], max: v[1] };
      }
      return fail();
    default:
      return fail();
  }
}

/** The document form (YAML or JSON): strings as on the command line, or the structured objects. */
export interface PolicyDocument
  extends Partial<Omit<InventoryPolicyOptions, "demand" | "leadTimeS" | "policy">> {
  demand?: string | DemandSpec;
  leadTime?: string | number | DistSpec;
  policy?: string | ReorderPolicy;
}

const DOC_KEYS = [
  "demand",
  "leadTime",
  "policy",
  "days",
  "warmupDays",
  "shortage",
  "seed",
  "replications",
  "batches",
  "initialOnHand",
];

/** The fields of a parsed document; throws InputError unless it is a mapping. */
export function policyDocumentFields(doc: unknown, file: string): Record<string, unknown> {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new InputError({
      file,
      path: "",
      value: doc,
      expected: "a mapping with demand, leadTime, policy and days",
    });
  }
  return doc as Record<string, unknown>;
}

/**
 * Turns a parsed document into checked options (a numeric `leadTime` is days). Collects
 * every problem, unknown keys included, and throws them as one InputError.
 */
export function policyOptionsFromDocument(doc: unknown, file: string): InventoryPolicyOptions {
  const issues: InputIssue[] = [];
  const d = policyDocumentFields(doc, file);
  for (const key of Object.keys(d)) {
    if (!DOC_KEYS.includes(key))
      issues.push({ file, path: key, value: d[key], expected: `one of ${DOC_KEYS.join(", ")}` });
  }
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof InputError) issues.push(...error.issues);
      else throw error;
      return undefined;
    }
  };
  const required: Record<string, string> = {
    demand: "a demand such as poisson:2/day (required)",
    leadTime: "a lead time such as 5d (required)",
    policy: "a policy such as sQ:12,20 (required)",
    days: "the days to simulate (required)",
  };
  for (const [key, expected] of Object.entries(required)) {
    if (d[key] === undefined) issues.push({ file, path: key, value: undefined, expected });
  }
  const demand =
    typeof d.demand === "string"
      ? attempt(() => parseDemand(d.demand as string, { file, path: "demand" }))
      : (d.demand as DemandSpec | undefined);
  const leadTimeS =
    typeof d.leadTime === "string"
      ? attempt(() => parseLeadTime(d.leadTime as string, { file, path: "leadTime" }))
      : typeof d.leadTime === "number"
        ? d.leadTime * DAY_S
        : (d.leadTime as DistSpec | undefined);
  const policy =
    typeof d.policy === "string"
      ? attempt(() => parsePolicy(d.policy as string, { file, path: "policy" }))
      : (d.policy as ReorderPolicy | undefined);
  const options = { ...d, demand, leadTimeS, policy } as InventoryPolicyOptions & {
    leadTime?: unknown;
  };
  delete options.leadTime;
  // Parts that failed to parse are already reported; check the rest with stand-ins for them.
  const failed = new Set<string>();
  if (d.demand !== undefined && demand === undefined) failed.add("demand");
  if (d.leadTime !== undefined && leadTimeS === undefined) failed.add("leadTime");
  if (d.policy !== undefined && policy === undefined) failed.add("policy");
  for (const key of ["demand", "leadTime", "policy", "days"])
    if (d[key] === undefined) failed.add(key);
  const probe: InventoryPolicyOptions = {
    ...options,
    demand: options.demand ?? { kind: "poisson", ratePerDay: 1 },
    leadTimeS: options.leadTimeS ?? 0,
    policy: options.policy ?? { kind: "sQ", s: 0, Q: 1 },
  };
  // The document calls it leadTime (days or text); the options call it leadTimeS.
  const more = [
    ...issues,
    ...checkInventoryPolicyOptions(probe, file)
      .map((i) => ({ ...i, path: i.path.replace(/^leadTimeS/, "leadTime") }))
      .filter((i) => !failed.has(i.path.split(".")[0])),
  ];
  if (more.length > 0) throw new InputError(more);
  return options;
}
