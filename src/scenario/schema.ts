/**
 * The scenario schema: everything a warehouse run needs (horizon, layout, SKUs and demand,
 * inbound, outbound, storage rules, workforce, equipment, costs), with every default
 * documented in `.describe()` so `docs/scenarios.md` and the JSON Schema agree with the code.
 */
import { z } from "zod";
import { EQUIPPED_TASKS, type EquippedTask } from "../layout/equipment/equipmentKind.ts";
import { EQUIPMENT_KINDS, type EquipmentKind } from "../layout/equipment/registry.ts";
import { layoutSpecSchema } from "../layout/spec.ts";
import { DAY_S, HORIZON_MAX_DAYS } from "./limits.ts";
import { costsSchema } from "./sections/costs.ts";
import { equipmentSchema } from "./sections/equipment.ts";
import { inboundSchema } from "./sections/inbound.ts";
import { operationsSchema } from "./sections/operations.ts";
import { outboundSchema } from "./sections/outbound.ts";
import { skusSchema } from "./sections/skus.ts";
import { storageSchema } from "./sections/storage.ts";
import { timeStandardsSchema } from "./sections/timeStandards.ts";
import { workforceSchema } from "./sections/workforce.ts";

export { DAY_NAMES } from "./sections/fields.ts";
export { ROLES, type Role } from "./sections/workforce.ts";
export { EQUIPMENT_KINDS, EQUIPPED_TASKS, type EquipmentKind, type EquippedTask };

/** Layout reference: a file path (relative to the scenario file) or an inline layout spec. */
const layoutRefSchema = z
  .union([z.string().min(1), layoutSpecSchema])
  .describe(
    "The layout: a layout file path relative to the scenario, or an inline layout (see layouts/)",
  );

/** The scenario file as written (before the layout reference is resolved). */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe("JSON Schema reference for editors; ignored"),
    name: z.string().min(1).describe("Scenario name; also the default output folder"),
    description: z.string().default("").describe("Free text"),
    horizonDays: z
      .number()
      .gt(0)
      .max(HORIZON_MAX_DAYS)
      .default(5)
      .describe("Simulated days, warm-up included (default 5)"),
    warmupDays: z
      .number()
      .min(0)
      .max(HORIZON_MAX_DAYS)
      .default(1)
      .describe("Days discarded from statistics at the start (default 1)"),
    seed: z.number().int().min(0).default(1).describe("Master seed (default 1)"),
    replications: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(5)
      .describe("Replications (default 5)"),
    sampleIntervalS: z
      .number()
      .min(1)
      .max(DAY_S)
      .default(900)
      .describe("Interval of the periodic `sample` trace record, s (default 900)"),
    layout: layoutRefSchema,
    skus: skusSchema,
    inbound: inboundSchema,
    outbound: outboundSchema,
    storage: storageSchema,
    workforce: workforceSchema,
    timeStandards: timeStandardsSchema,
    equipment: equipmentSchema,
    costs: costsSchema,
    operations: operationsSchema,
  })
  .describe("A whsim scenario");

/** The scenario as parsed, defaults filled in, layout still a path or an inline spec. */
export type ScenarioFile = z.output<typeof scenarioSchema>;
