/**
 * An equipment kind: how a truck, cart or walking person moves, lifts and where it fits.
 * One definition per kind (in `kinds/`), read by every task that uses it; a scenario may
 * override any figure of a pool's kind.
 */

/** Tasks that may need equipment (cross-docking uses the putaway equipment). */
export const EQUIPPED_TASKS = ["unload", "putaway", "replenish", "pick", "load"] as const;
export type EquippedTask = (typeof EQUIPPED_TASKS)[number];

/** The figures of an equipment kind that decide travel and lift times. */
export interface Motion {
  /** Cruise speed empty, m/s. */
  speedMps: number;
  /** Cruise speed loaded, m/s. */
  loadedSpeedMps: number;
  /** Acceleration from standstill, m/s² (0 = instant speed changes). */
  accelMps2: number;
  /** Deceleration to standstill, m/s² (0 = instant). */
  decelMps2: number;
  /** Time to turn into or out of a picking aisle, s (each entry and each exit). */
  turnS: number;
  /** Extra time to enter an aisle for an aisle-bound truck (guidance, alignment), s; 0 otherwise. */
  aisleTransferS: number;
  /** Fork (or platform) lift speed with a load, m/s (0 = no lift: levels are reached by hand). */
  liftLoadedMps: number;
  /** Lift speed without a load, m/s. */
  liftEmptyMps: number;
  /** Lowering speed, m/s (loaded and empty alike). */
  lowerMps: number;
  /** Highest beam height it stores at or picks from, m. */
  maxLiftM: number;
  /** Narrowest aisle it works in (clear width between rack faces), m. */
  minAisleWidthM: number;
}

/** An equipment kind: its motion figures, what it is and which tasks it serves. */
export interface EquipmentKindSpec extends Motion {
  /** What planners call it. */
  label: string;
  /**
   * Body width, m (chassis width b1 of the type sheets; a walking person's shoulder width).
   * An aisle narrower than two of the widest bodies working in it lets no one pass.
   */
  widthM: number;
  /** Tasks it can be assigned to in `equipment.tasks`. */
  tasks: readonly EquippedTask[];
  /** Where the default figures come from (docs/scenarios.md lists them). */
  source: string;
  /** Default costs of one unit (`costs.equipment.<kind>`; sources in docs/scenarios.md). */
  cost: EquipmentCostDefaults;
}

/** An equipment kind's default costs: price, life, maintenance and running cost per hour. */
export interface EquipmentCostDefaults {
  purchase: number;
  lifeYears: number;
  maintenancePerYear: number;
  perOperatingHour: number;
}

/** The motion fields a scenario may override, in documentation order. */
export const MOTION_FIELDS = [
  "speedMps",
  "loadedSpeedMps",
  "accelMps2",
  "decelMps2",
  "turnS",
  "aisleTransferS",
  "liftLoadedMps",
  "liftEmptyMps",
  "lowerMps",
  "maxLiftM",
  "minAisleWidthM",
] as const satisfies readonly (keyof Motion)[];
