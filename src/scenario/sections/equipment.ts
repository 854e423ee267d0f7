/** The `equipment` section: pools by kind with their motion figures, task equipment, traffic. */
import { z } from "zod";
import { MOTION_FIELDS, type Motion } from "../../layout/equipment/equipmentKind.ts";
import { EQUIPMENT_KINDS, type EquipmentKind } from "../../layout/equipment/registry.ts";

/** What each motion field means, with its unit (the kind's figure is the default). */
const MOTION_DESCRIPTIONS: Record<keyof Motion, string> = {
  speedMps: "Travel speed empty, m/s",
  loadedSpeedMps: "Travel speed loaded, m/s",
  accelMps2: "Acceleration from standstill, m/s² (0 = instant)",
  decelMps2: "Deceleration to standstill, m/s² (0 = instant)",
  turnS: "Time to turn into or out of a picking aisle, s",
  aisleTransferS: "Extra time to enter an aisle (aisle-bound trucks), s",
  liftLoadedMps: "Lift speed with a load, m/s (0 = no lift)",
  liftEmptyMps: "Lift speed without a load, m/s",
  lowerMps: "Lowering speed, m/s",
  maxLiftM: "Highest beam height it stores at or picks from, m",
  minAisleWidthM: "Narrowest aisle it works in, m",
};

/** Upper bounds of the motion fields: what a real truck or person can have. */
const MOTION_MAX: Record<keyof Motion, number> = {
  speedMps: 20,
  loadedSpeedMps: 20,
  accelMps2: 10,
  decelMps2: 10,
  turnS: 600,
  aisleTransferS: 600,
  liftLoadedMps: 5,
  liftEmptyMps: 5,
  lowerMps: 5,
  maxLiftM: 50,
  minAisleWidthM: 30,
};

/** Optional overrides of an equipment kind's motion figures. */
const motionFields = Object.fromEntries(
  MOTION_FIELDS.map((field) => [
    field,
    z
      .number()
      .min(0)
      .max(MOTION_MAX[field])
      .optional()
      .describe(`${MOTION_DESCRIPTIONS[field]} (default: the kind's figure)`),
  ]),
) as Record<keyof Motion, z.ZodOptional<z.ZodNumber>>;

const poolSchema = z
  .strictObject({
    count: z.number().int().min(0).max(1000).describe("Units in the pool"),
    ...motionFields,
    speedMps: z
      .number()
      .positive()
      .max(20)
      .optional()
      .describe("Travel speed empty, m/s (default: the kind's figure)"),
    loadedSpeedMps: z
      .number()
      .positive()
      .max(20)
      .optional()
      .describe("Travel speed loaded, m/s (default speedMps when given, else the kind's figure)"),
  })
  .describe(
    "An equipment pool: how many units, and any figure that differs from the kind's (its costs are under `costs.equipment`)",
  );

const taskEquipment = z.enum([...EQUIPMENT_KINDS, "none"] as unknown as [
  EquipmentKind | "none",
  ...(EquipmentKind | "none")[],
]);

export const equipmentSchema = z
  .strictObject({
    pools: z
      .strictObject(
        Object.fromEntries(EQUIPMENT_KINDS.map((kind) => [kind, poolSchema.optional()])) as Record<
          EquipmentKind,
          z.ZodOptional<typeof poolSchema>
        >,
      )
      .default({
        reachTruck: { count: 3 },
        palletJack: { count: 3 },
        cart: { count: 10 },
      })
      .describe(
        `Equipment pools by kind (${EQUIPMENT_KINDS.join(", ")}) (default 3 reach trucks, 3 pallet jacks, 10 carts)`,
      ),
    walking: z
      .strictObject(
        Object.fromEntries(
          MOTION_FIELDS.filter((f) => f !== "speedMps" && f !== "loadedSpeedMps").map((f) => [
            f,
            motionFields[f],
          ]),
        ) as Record<keyof Motion, z.ZodOptional<z.ZodNumber>>,
      )
      .default({})
      .describe("Walking without equipment: overrides of the walking figures (speed is per role)"),
    tasks: z
      .strictObject({
        unload: taskEquipment.default("palletJack"),
        putaway: taskEquipment.default("reachTruck"),
        replenish: taskEquipment.default("reachTruck"),
        pick: taskEquipment.default("cart"),
        load: taskEquipment.default("palletJack"),
      })
      .prefault({})
      .describe(
        "Equipment each task needs, or `none` (defaults: unload and load palletJack, putaway and replenish reachTruck, pick cart); the kind must serve the task",
      ),
    traffic: z
      .strictObject({
        passingSlowdown: z
          .number()
          .min(0)
          .max(10)
          .default(0.15)
          .describe(
            "Extra fraction of travel time for a move into a wide aisle another worker is in (default 0.15, an assumption: passing costs a slow-down, not a stop)",
          ),
        pickFaceBlocking: z
          .boolean()
          .default(true)
          .describe(
            "A picker reaching a pick face another picker is picking from waits until it is free (default true: the pick-face blocking of wide aisles, Parikh & Meller 2009)",
          ),
        pdPointCapacity: z
          .int()
          .min(1)
          .max(1000)
          .optional()
          .describe(
            "Pickers that can set up a tour at the P&D point at once; the next one waits (default: no limit)",
          ),
        crossAisleCapacity: z
          .int()
          .min(1)
          .max(1000)
          .optional()
          .describe(
            "Workers that can move along one cross aisle at once; a move waits at its start until every cross aisle on its route has room (default: no limit)",
          ),
      })
      .prefault({})
      .describe(
        "Traffic: an aisle marked narrow, or narrower than two of the widest bodies (equipment or walking) of the scenario, lets no one pass — one worker at a time, or, when the layout marks it one-way, workers following each other; wide aisles let workers pass; pick faces and the P&D point hold a limited number of workers",
      ),
  })
  .prefault({})
  .describe("Equipment pools and which tasks need which");
