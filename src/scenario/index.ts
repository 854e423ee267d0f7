/** Scenarios: the zod schema, YAML/JSON loading with complete error reports, the JSON Schema. */
export {
  applyCsvData,
  type CsvSource,
  generatedSkuIds,
  ORDER_LINES_COLUMNS,
  orderLinesFromCsv,
  SKU_MASTER_COLUMNS,
  skuMasterFromCsv,
} from "./csvData.ts";
export { type DistSpecInput, distSpecSchema } from "./distSpec.ts";
export {
  scenarioJsonSchema,
  scenarioJsonSchemaText,
  scenarioReferenceMarkdown,
  withReference,
} from "./jsonSchema.ts";
export {
  checkScenario,
  type LayoutSource,
  loadScenario,
  parseLayoutSpec,
  parseScenario,
  resolveScenario,
  type Scenario,
} from "./loader.ts";
export { MAX_INPUT_CHARS, MAX_YAML_ALIASES, parseDataText } from "./parseDataText.ts";
export {
  estimateRunSize,
  RUN_SIZE_LIMITS,
  type RunSize,
  roughMean,
  runSizeIssues,
} from "./runSize.ts";
export {
  DAY_NAMES,
  EQUIPMENT_KINDS,
  EQUIPPED_TASKS,
  type EquipmentKind,
  type EquippedTask,
  ROLES,
  type Role,
  type ScenarioFile,
  scenarioSchema,
} from "./schema.ts";
export { formatPath, zodToInputIssues } from "./zodIssues.ts";
