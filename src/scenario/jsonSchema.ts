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
