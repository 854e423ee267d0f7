/**
 * The layout specification users write (in `layouts/*.yaml` or inline in a scenario): a
 * generator with parameters, or explicit geometry. `layoutSpecSchema` validates it with zod
 * and fills defaults; `buildLayout` turns the result into a `Layout`.
 */
import { z } from "zod";

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();
const count = z.number().int().nonnegative();
/** A coordinate, metres: within 10 km of the origin. */
const coordinate = z.number().min(-10_000).max(10_000);
const xy = z.tuple([coordinate, coordinate]);

/** Capacity of one location; defaults suit a 1.2 × 1.0 m pallet position. */
export const capacitySchema = z
  .object({
    cubeM3: positive.max(100).default(1.7),
    weightKg: positive.max(100_000).default(1000),
    unitLoads: z.number().int().positive().max(1000).default(1),
  })
  .strict();

/** Rack and aisle dimensions shared by every generator. */
const rackFields = {
  /** Clear width of a picking aisle, metres. Default 3.0 (counterbalance/reach truck). */
  aisleWidthM: z.number().min(0.5).max(30).default(3),
  /** Width of cross aisles, metres. Default 3.5. */
  crossAisleWidthM: z.number().min(0.5).max(30).default(3.5),
  /** Depth of one rack (single-deep), metres. Default 1.1. */
  rackDepthM: z.number().min(0.2).max(10).default(1.1),
  /** Width of one bay along the aisle, metres. Default 2.7 (two pallets). */
  bayWidthM: z.number().min(0.3).max(20).default(2.7),
  /** Storage levels per bay. Default 4. */
  levels: z.number().int().min(1).max(20).default(4),
  /** Beam pitch between levels, metres (at most 5). Default 1.5. */
  levelHeightM: positive.max(5).default(1.5),
  /** Positions per bay and level. Default 2. */
  slotsPerBay: z.number().int().min(1).max(20).default(2),
  locationType: z.enum(["pallet", "shelf", "flow", "floor"]).default("pallet"),
  capacity: capacitySchema.default({ cubeM3: 1.7, weightKg: 1000, unitLoads: 1 }),
  /** Aisles are narrow-aisle (VNA). Default false. */
  narrowAisles: z.boolean().default(false),
};

/** Dock doors and the areas in front of them. */
export const docksSchema = z
  .object({
    /**
     * Material flow: `U` arrival and departure doors on the front wall, `I` (through)
     * arrival doors on the back wall, `L` arrival doors on the left wall.
     */
    flow: z.enum(["U", "I", "L"]).default("U"),
    inbound: z.number().int().min(0).max(100).default(2),
    outbound: z.number().int().min(0).max(100).default(2),
    doorWidthM: positive.max(20).default(3.5),
    /** Staging lanes per door. Default 1. */
    stagingLanesPerDoor: count.max(10).default(1),
    /** Staging lane depth (away from the door), metres. Default 10. */
    stagingDepthM: positive.max(200).default(10),
    /** Unit loads one staging lane holds (at most 1000). Default 12. */
    stagingCapacityUnitLoads: z.number().int().positive().max(1000).default(12),
  })
  .strict();

/** Forward pick area: the first aisles (nearest the outbound side) hold shelving or flow rack. */
export const forwardSchema = z
  .object({
    /** Number of picking aisles given to the forward area. */
    aisles: z.number().int().min(1).max(500),
    locationType: z.enum(["shelf", "flow", "pallet"]).default("shelf"),
    levels: z.number().int().min(1).max(20).default(5),
    levelHeightM: positive.max(5).default(0.4),
    slotsPerBay: z.number().int().min(1).max(20).default(4),
    capacity: capacitySchema.default({ cubeM3: 0.12, weightKg: 60, unitLoads: 4 }),
  })
  .strict();

const common = {
  name: z.string().min(1),
  /** Pack stations placed in front of the storage area. Default 0. */
  packStations: count.max(100).default(0),
  /** Zone group of every generated zone. Default "main". */
  zoneGroup: z.string().min(1).default("main"),
};

/** Traditional parallel picking aisles with front, back and `crossAisles` middle cross aisles. */
export const traditionalSpecSchema = z
  .object({
    generator: z.literal("traditional"),
    ...common,
    ...rackFields,
    /** Number of picking aisles. */
    aisles: z.number().int().min(1).max(500),
    /** Bays along each aisle side (over all blocks). */
    baysPerAisle: z.number().int().min(1).max(1000),
    /** Middle cross aisles (0 = one block). Default 0. */
    crossAisles: count.max(50).default(0),
    /** Floor positions of a returns area in the front row (zone kind `returns`). Default 0. */
    returnsPositions: count.max(200).default(0),
    /** Floor positions of a quarantine area in the front row (zone kind `quarantine`). Default 0. */
    quarantinePositions: count.max(200).default(0),
    /** Where the P&D point sits on the front cross aisle. Default "center". */
    pd: z.enum(["center", "left"]).default("center"),
    forward: forwardSchema.optional(),
    docks: docksSchema.default({
      flow: "U",
      inbound: 2,
      outbound: 2,
      doorWidthM: 3.5,
      stagingLanesPerDoor: 1,
      stagingDepthM: 10,
      stagingCapacityUnitLoads: 12,
    }),
  })
  .strict();

/**
 * Forward pick area of an aisle design: the `bays` rack bays nearest the P&D point hold
 * shelving or flow rack instead of the reserve racking.
 */
export const forwardBaysSchema = forwardSchema
  .omit({ aisles: true })
  .extend({
    /** Rack bays (both sides of an aisle count separately) given to the forward area. */
    bays: z.number().int().min(1).max(100_000),
  })
  .strict();

/** Gue & Meller aisle designs with one P&D point at the centre of the front wall. */
const aisleDesignFields = {
  ...common,
  ...rackFields,
  /** Building width, metres (with `depthM`); or give `storageSlots` instead. */
  widthM: z.number().positive().max(5000).optional(),
  depthM: z.number().positive().max(5000).optional(),
  /** Smallest number of floor positions (bays × slots, one level) to fit; sizes the building. */
  storageSlots: z.number().int().positive().max(500_000).optional(),
  /** Width ÷ depth when sized by `storageSlots`. Default 2. */
  aspectRatio: z.number().min(0.1).max(10).default(2),
  /** Outbound (and inbound) doors either side of the P&D point on the front wall. Default 1. */
  doorsPerSide: count.max(20).default(1),
  /**
   * Doors by flow with staging lanes, as for a traditional layout (replaces `doorsPerSide`):
   * a front area with staging lanes and a front cross aisle is added before the storage.
   */
  docks: docksSchema.optional(),
  /** Forward pick area in the bays nearest the P&D point (sizes the building for them too). */
  forward: forwardBaysSchema.optional(),
};

/** Fishbone: diagonal cross aisles from the P&D point, horizontal aisles below, vertical above. */
export const fishboneSpecSchema = z
  .object({ generator: z.literal("fishbone"), ...aisleDesignFields })
  .strict();

/** Flying-V: vertical picking aisles, a front cross aisle and a V-shaped cross aisle. */
export const flyingVSpecSchema = z
  .object({
    generator: z.literal("flyingV"),
    ...aisleDesignFields,
    /** Slope (dy/dx) of the V's arms near the P&D point. Default 0.6. */
    vSlope: positive.max(100).default(0.6),
  })
  .strict();

const aisleInput = z
  .object({
    id: z.string().min(1),
    points: z.array(xy).min(2).max(10_000),
    widthM: positive.max(30).default(3),
    oneWay: z.boolean().default(false),
    narrow: z.boolean().default(false),
    zone: z.string().optional(),
  })
  .strict();

const rectInput = z
  .object({ x: coordinate, y: coordinate, widthM: positive.max(5000), depthM: positive.max(5000) })
  .strict();

/** Explicit geometry: every aisle, location and door given by hand. */
export const explicitSpecSchema = z
  .object({
    generator: z.literal("explicit"),
    name: z.string().min(1),
    widthM: positive.max(5000),
    depthM: positive.max(5000),
    zones: z
      .array(
        z
          .object({
            id: z.string().min(1),
            zoneGroup: z.string().min(1).default("main"),
            kind: z.enum([
              "forward",
              "reserve",
              "bulk",
              "staging",
              "quarantine",
              "returns",
              "pack",
              "dock",
            ]),
            rect: rectInput.optional(),
            /** ABC zone: the velocity class (A, B, C…) whose SKUs classBased putaway stores here. */
            abcClass: z
              .string()
              .regex(/^[A-Z]$/, "a velocity class letter A–Z")
              .optional(),
          })
          .strict(),
      )
      .min(1),
    aisles: z.array(aisleInput).min(1),
    crossAisles: z.array(aisleInput).default([]),
    locations: z
      .array(
        z
          .object({
            id: z.string().min(1),
            x: coordinate,
            y: coordinate,
            zone: z.string().min(1),
            type: z.enum(["pallet", "shelf", "flow", "floor", "staging"]).default("pallet"),
            /** The aisle it is reached from; its access point is the projection onto it. */
            aisle: z.string().min(1),
            level: z.number().int().min(1).max(100).default(1),
            heightM: nonNegative.max(100).default(0),
            capacity: capacitySchema.default({ cubeM3: 1.7, weightKg: 1000, unitLoads: 1 }),
          })
          .strict(),
      )
      .min(1),
    docks: z
      .array(
        z
          .object({
            id: z.string().min(1),
            kind: z.enum(["inbound", "outbound"]),
            x: coordinate,
            y: coordinate,
            widthM: positive.max(20).default(3.5),
          })
          .strict(),
      )
      .default([]),
    packStations: z
      .array(z.object({ id: z.string().min(1), x: coordinate, y: coordinate }).strict())
      .default([]),
    pdPoints: z
      .array(z.object({ id: z.string().min(1), x: coordinate, y: coordinate }).strict())
      .min(1),
  })
  .strict();

/** Any layout specification, told apart by `generator`. */
export const layoutSpecSchema = z.discriminatedUnion("generator", [
  traditionalSpecSchema,
  fishboneSpecSchema,
  flyingVSpecSchema,
  explicitSpecSchema,
]);

/** A validated layout specification with defaults filled in. */
export type LayoutSpec = z.output<typeof layoutSpecSchema>;
/** A layout specification as a user writes it (defaults optional). */
export type LayoutSpecInput = z.input<typeof layoutSpecSchema>;
export type TraditionalSpec = z.output<typeof traditionalSpecSchema>;
export type FishboneSpec = z.output<typeof fishboneSpecSchema>;
export type FlyingVSpec = z.output<typeof flyingVSpecSchema>;
export type ExplicitSpec = z.output<typeof explicitSpecSchema>;
export type DocksSpec = z.output<typeof docksSchema>;
export type ForwardBaysSpec = z.output<typeof forwardBaysSchema>;
