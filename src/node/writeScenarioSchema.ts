/**
 * Writes `scenarios/scenario.schema.json` from the zod schema:
 * `npx tsx src/node/writeScenarioSchema.ts`. A test checks the committed file is current.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchemaText } from "../scenario/jsonSchema.ts";

/** Path of the committed JSON Schema. */
export const SCENARIO_SCHEMA_PATH = fileURLToPath(
  new URL("../../scenarios/scenario.schema.json", import.meta.url),
);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCENARIO_SCHEMA_PATH, scenarioJsonSchemaText());
  process.stdout.write(`wrote ${SCENARIO_SCHEMA_PATH}\n`);
}
