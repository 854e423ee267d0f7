/**
 * Checks an optimization spec's search space against the base scenario: every key names
 * something that can be set, every value has the type the scenario or the layout
 * generators take.
 */
import { z } from "zod";
import { didYouMean, type InputIssue, withArticle } from "../common/inputError.ts";
import { checkPath, getPath, splitPath } from "../experiment/scenarioPath.ts";
import { fishboneSpecSchema, flyingVSpecSchema, traditionalSpecSchema } from "../layout/index.ts";
import type { Scenario } from "../scenario/index.ts";

/** Special space key: minutes between waves (0 = continuous release). */
export const WAVE_INTERVAL_KEY = "waveIntervalMin";
export const GENERATORS = ["traditional", "fishbone", "flyingV"] as const;
const LAYOUT_KEYS = new Set([
  ...Object.keys(traditionalSpecSchema.shape),
  ...Object.keys(fishboneSpecSchema.shape),
  ...Object.keys(flyingVSpecSchema.shape),
]);
/** JSON Schema type names of the primitive values a space may set, as JS `typeof` names. */
const PRIMITIVE: Record<string, string> = {
  number: "number",
  integer: "number",
  string: "string",
  boolean: "boolean",
};

/** The primitive types a JSON Schema node admits (its type, const, enum and alternatives). */
function jsonSchemaTypes(node: JsonSchemaNode, out: Set<string>): Set<string> {
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  for (const t of types) if (PRIMITIVE[t]) out.add(PRIMITIVE[t]);
  if (node.const !== undefined && PRIMITIVE[typeof node.const]) out.add(typeof node.const);
  for (const v of node.enum ?? []) if (PRIMITIVE[typeof v]) out.add(typeof v);
  for (const alt of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) jsonSchemaTypes(alt, out);
  return out;
}

interface JsonSchemaNode {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
}

/** The JS types (`number`, `string`, `boolean`) a zod schema accepts as input; empty when none. */
function primitiveTypes(schema: z.ZodType | undefined): Set<string> {
  if (!schema) return new Set();
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return jsonSchemaTypes(json as JsonSchemaNode, new Set());
}

/** The value types a space path takes: from the generator schemas or the base scenario. */
function expectedTypes(base: Scenario, parts: string[], path: string): Set<string> {
  if (parts[0] === "layout" && parts.length === 2) {
    const out = new Set<string>();
    for (const schema of [traditionalSpecSchema, fishboneSpecSchema, flyingVSpecSchema]) {
      const field = (schema.shape as Record<string, z.ZodType | undefined>)[parts[1]];
      for (const t of primitiveTypes(field)) out.add(t);
    }
    return out;
  }
  const current = getPath(base, path);
  return ["number", "string", "boolean"].includes(typeof current)
    ? new Set([typeof current])
    : new Set();
}

/** Reports space values of the wrong type (a text where a number is expected). */
function checkValueTypes(
  base: Scenario,
  path: string,
  values: readonly unknown[],
  file: string,
): InputIssue[] {
  const types = expectedTypes(base, splitPath(path), path);
  if (types.size === 0) return [];
  const issues: InputIssue[] = [];
  values.forEach((v, i) => {
    if (!types.has(typeof v)) {
      issues.push({
        file,
        path: `space.${path}[${i}]`,
        value: v,
        expected: [...types].map(withArticle).join(" or "),
      });
    }
  });
  return issues;
}

/**
 * Checks a spec's space against the base scenario: every key names something that can be
 * set and every value has the right type. Well-typed values that make an infeasible
 * scenario are not errors here; those candidates are rejected with their reason.
 */
export function checkSpace(
  base: Scenario,
  space: Record<string, readonly unknown[]>,
  file: string,
): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const [path, values] of Object.entries(space)) {
    if (!Array.isArray(values)) continue;
    if (path === WAVE_INTERVAL_KEY) {
      values.forEach((v, i) => {
        if (typeof v !== "number" || v < 0 || (v > 0 && (v < 5 || v > 1440))) {
          issues.push({
            file,
            path: `space.${path}[${i}]`,
            value: v,
            expected: "0 (continuous) or minutes from 5 to 1440",
          });
        }
      });
      continue;
    }
    const parts = splitPath(path);
    if (parts[0] === "layout" && parts.length >= 2) {
      if (!LAYOUT_KEYS.has(parts[1])) {
        const hint = didYouMean(parts[1], LAYOUT_KEYS);
        issues.push({
          file,
          path: `space.${path}`,
          value: parts[1],
          expected: hint
            ? `a layout parameter; did you mean ${hint}?`
            : "a layout generator parameter",
        });
      } else if (parts[1] !== "generator") {
        issues.push(...checkValueTypes(base, path, values, file));
      }
      if (parts[1] === "generator") {
        values.forEach((v, i) => {
          if (!GENERATORS.includes(v as (typeof GENERATORS)[number])) {
            issues.push({
              file,
              path: `space.${path}[${i}]`,
              value: v,
              expected: GENERATORS.join(", "),
            });
          }
        });
      }
      continue;
    }
    const pathIssues = checkPath(base, path, `${file}: space`);
    issues.push(...pathIssues);
    if (pathIssues.length === 0) issues.push(...checkValueTypes(base, path, values, file));
  }
  return issues;
}
