/** The `timeStandards` section: seconds to pick up and set down a pallet, by location type. */
import { z } from "zod";
import { distSpec } from "../distSpec.ts";

/** A handling time in seconds, within [0, 3600], with its default. */
const seconds = (value: number) => z.number().min(0).max(3600).default(value);

/** Seconds per location type (`dock`: at a door), each with its default. */
const byLocationType = (
  d: Record<"pallet" | "shelf" | "flow" | "floor" | "staging" | "dock", number>,
) =>
  z
    .strictObject({
      pallet: seconds(d.pallet),
      shelf: seconds(d.shelf),
      flow: seconds(d.flow),
      floor: seconds(d.floor),
      staging: seconds(d.staging),
      dock: seconds(d.dock),
    })
    .prefault({});

/** Seconds of a pallet handling by where the pallet is: a rack position, the floor, the dock. */
const palletStandard = (rack: number, floor: number, what: string) =>
  byLocationType({
    pallet: rack,
    shelf: rack,
    flow: rack,
    floor,
    staging: floor,
    dock: floor,
  }).describe(
    `Seconds to ${what} a pallet, by location type (\`dock\`: at a door) (defaults ${rack} in racking, ${floor} on the floor and at the dock), lift time excluded`,
  );

/**
 * Seconds of one case or unit handled at a location, by its type: at waist height in
 * shelving and flow rack, bending into a pallet, on the floor or at a dock.
 */
const pickStandard = (rack: number, low: number, what: string) =>
  byLocationType({
    pallet: low,
    shelf: rack,
    flow: rack,
    floor: low,
    staging: low,
    dock: low,
  }).describe(
    `Seconds to ${what}, by location type (defaults ${rack} in shelving and flow rack, ${low} from a pallet, the floor or a dock; BasicMOST, see docs/scenarios.md)`,
  );

/** Seconds of an activity at a station (pack station or staging lane). */
const stationStandard = (seconds: number, what: string) =>
  z
    .number()
    .min(0)
    .max(3600)
    .default(seconds)
    .describe(`Seconds to ${what} (default ${seconds}; BasicMOST, see docs/scenarios.md)`);

/** Activities whose time may vary: a factor drawn per occurrence on `handling.<activity>`. */
const variationFields = Object.fromEntries(
  ["casePick", "unitPick", "scan", "label", "cartonErect", "wrap"].map((activity) => [
    activity,
    distSpec({ min: 0, max: 10 })
      .optional()
      .describe(
        `A factor on each ${activity} standard, drawn per occurrence on the stream \`handling.${activity}\` (default 1: the standard)`,
      ),
  ]),
);

export const timeStandardsSchema = z
  .strictObject({
    palletPickUpS: palletStandard(20, 15, "pick up"),
    palletSetDownS: palletStandard(20, 15, "set down"),
    palletVariation: distSpec({ min: 0, max: 10 })
      .optional()
      .describe(
        "A factor on each pallet pick-up and set-down, drawn per handling on the stream `handling.pallet` (e.g. lognormal mean 1) (default 1: the standard)",
      ),
    casePickS: pickStandard(
      2.88,
      5.04,
      "take or put one case (picking full cases, case replenishment)",
    ),
    unitPickS: pickStandard(2.16, 3.24, "pick one unit (default of outbound.picking.timePerUnitS)"),
    scanS: stationStandard(1.8, "scan one unit at packing"),
    labelS: stationStandard(2.88, "apply the shipping label of an order"),
    cartonErectS: stationStandard(10.8, "erect and tape the carton of an order"),
    wrapS: stationStandard(40.68, "stretch-wrap an outbound pallet before loading"),
    variation: z
      .strictObject(variationFields)
      .prefault({})
      .describe("Optional distributions of the activity standards (factors of mean 1)"),
  })
  .prefault({})
  .describe("Handling time standards (see docs/scenarios.md, Time standards)");
