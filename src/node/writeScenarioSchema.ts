/**
 * Writes `scenarios/scenario.schema.json` from the zod schema:
 * `npx tsx src/node/writeScenarioSchema.ts`. A test checks the committed file is current.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchemaText, withReference } from "../scenario/jsonSchema.ts";

/** Path of the committed JSON Schema. */
export const SCENARIO_SCHEMA_PATH = fileURLToPath(
  new URL("../../scenarios/scenario.schema.json", import.meta.url),
);

/** Path of the scenario guide whose field reference is generated. */
export const SCENARIO_DOC_PATH = fileURLToPath(new URL("../../docs/scenarios.md", import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCENARIO_SCHEMA_PATH, scenarioJsonSchemaText());
  writeFileSync(SCENARIO_DOC_PATH, withReference(readFileSync(SCENARIO_DOC_PATH, "utf8")));
  process.stdout.write(`wrote ${SCENARIO_SCHEMA_PATH} and the reference in ${SCENARIO_DOC_PATH}\n`);
}
