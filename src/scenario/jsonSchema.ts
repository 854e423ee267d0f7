/** The JSON Schema of scenario files, generated from the zod schema for editor completion. */
import { z } from "zod";
import { scenarioSchema } from "./schema.ts";

/** JSON Schema (draft 2020-12) describing what a scenario file may contain. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return { ...schema, title: "whsim scenario" };
}

/** The schema as the text committed in `scenarios/scenario.schema.json`. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

type JsonNode = Record<string, any>;

/** `[min, max]` of a number node, with `(`/`)` for exclusive bounds; "" when unbounded. */
function numberRange(node: JsonNode): string {
  const low =
    node.exclusiveMinimum !== undefined
      ? `(${node.exclusiveMinimum}`
      : node.minimum !== undefined
        ? `[${node.minimum}`
        : "(-∞";
  const high =
    node.exclusiveMaximum !== undefined
      ? `${node.exclusiveMaximum})`
      : node.maximum !== undefined
        ? `${node.maximum}]`
        : "∞)";
  return low === "(-∞" && high === "∞)" ? "" : `${low}, ${high}`;
}

/**
 * The range column of the field reference: a number's bounds, a list's item count (and its
 * items' bounds), a distribution's parameter bounds (those of its `constant` value).
 */
function rangeOf(node: JsonNode): string {
  if (node.type === "number" || node.type === "integer") return numberRange(node);
  const forms = (node.anyOf ?? node.oneOf) as JsonNode[] | undefined;
  const constantForm = forms?.find((f) => f.properties?.dist?.const === "constant");
  if (constantForm) {
    const bounds = numberRange(constantForm.properties.value);
    return bounds ? `parameters in ${bounds}` : "";
  }
  if (node.type === "array") {
    const count =
      node.minItems === node.maxItems && node.minItems !== undefined
        ? `${node.minItems} items`
        : node.maxItems !== undefined
          ? `${node.minItems ?? 0}–${node.maxItems} items`
          : "";
    const items = node.items && node.items.type !== "object" ? rangeOf(node.items) : "";
    return [count, items && `each in ${items}`].filter(Boolean).join(", ");
  }
  if (node.type === "object" && node.additionalProperties?.type === "number") {
    return `each in ${numberRange(node.additionalProperties)}`;
  }
  return "";
}

/**
 * The field reference of docs/scenarios.md, generated from the JSON Schema: one row per
 * field with its type, default and description (nested mappings and list items flattened
 * into dotted paths; the inline layout is described in docs of layouts/).
 */
export function scenarioReferenceMarkdown(): string {
  const rows: string[] = [
    "| field | type | range | default | description |",
    "|---|---|---|---|---|",
  ];
  const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
  const typeOf = (node: JsonNode): string => {
    if (node.enum) return node.enum.map((v: unknown) => JSON.stringify(v)).join(" \\| ");
    const forms = (node.anyOf ?? node.oneOf) as JsonNode[] | undefined;
    if (forms?.every((f) => f.properties?.dist)) return "distribution";
    if (forms?.every((f) => f.properties?.mode)) return "mapping by `mode`";
    if (forms) return "one of several forms";
    if (node.type === "array") return `list of ${node.items ? typeOf(node.items) : "values"}`;
    return String(node.type ?? "value");
  };
  const walk = (node: JsonNode, path: string) => {
    if (path === "layout" || path === "$schema") {
      rows.push(
        `| \`${path}\` | ${path === "layout" ? "path or mapping" : "string"} | | | ${cell(node.description ?? "")} |`,
      );
      return;
    }
    if (path) {
      const def = node.default === undefined ? "" : `\`${JSON.stringify(node.default)}\``;
      const shortDef = def.length > 60 ? "see description" : def;
      rows.push(
        `| \`${path}\` | ${cell(typeOf(node))} | ${cell(rangeOf(node))} | ${cell(shortDef)} | ${cell(node.description ?? "")} |`,
      );
    }
    if (node.type === "object" && node.properties) {
      for (const [key, child] of Object.entries(node.properties as Record<string, JsonNode>)) {
        walk(child, path ? `${path}.${key}` : key);
      }
    } else if (
      node.type === "object" &&
      node.additionalProperties &&
      typeof node.additionalProperties === "object"
    ) {
      walk(node.additionalProperties, `${path}.<name>`);
    } else if (node.type === "array" && node.items?.type === "object") {
      walk({ ...node.items, description: undefined, default: undefined }, `${path}[]`);
    }
  };
  walk(scenarioJsonSchema(), "");
  // The `[]` item rows repeat the list row's text; keep only rows with something to say.
  return `${rows.filter((r) => !/^\| `[^`]*\[\]` \| object \| {2}\| {2}\| {2}\|$/.test(r)).join("\n")}\n`;
}

/** Marker lines around the generated reference in docs/scenarios.md. */
const REFERENCE_BEGIN =
  "<!-- reference:begin (generated by npx tsx src/node/writeScenarioSchema.ts) -->";
const REFERENCE_END = "<!-- reference:end -->";

/** `doc` with the text between the reference markers replaced by the current reference. */
export function withReference(doc: string): string {
  const begin = doc.indexOf(REFERENCE_BEGIN);
  const end = doc.indexOf(REFERENCE_END);
  if (begin < 0 || end < begin) return doc;
  return `${doc.slice(0, begin + REFERENCE_BEGIN.length)}\n\n${scenarioReferenceMarkdown()}\n${doc.slice(end)}`;
}
