/** Scenarios for the operations tests: the tiny warehouse with operations, and a short default DC. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { loadScenario, type Scenario } from "../../src/scenario/index.ts";
import { tinyScenario } from "../warehouse/tiny.ts";

/** Deep merge of plain objects (arrays and scalars replace). */
export function merge(base: any, over: any): any {
  if (over === undefined) return base;
  if (typeof base !== "object" || base === null || Array.isArray(base)) return over;
  if (typeof over !== "object" || over === null || Array.isArray(over)) return over;
  const out: any = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

const allDay = { crews: [{ shift: "all", headcount: 1 }], speedMps: 1 };

/** The tiny warehouse (tests/warehouse/tiny.ts) with one counter and one returns clerk. */
export function tinyOps(overrides: Record<string, unknown> = {}): Scenario {
  return tinyScenario(
    merge({ workforce: { roles: { counter: allDay, returnsClerk: allDay } } }, overrides),
  );
}

/** The bundled default DC, two days (half a day of warm-up), one replication, with overrides. */
export function shortDefault(overrides: Record<string, unknown> = {}): Scenario {
  const text = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");
  const base = { ...parse(text), horizonDays: 2, warmupDays: 0.5, replications: 1 };
  return loadScenario(JSON.stringify(merge(base, overrides)), "default.yaml");
}
