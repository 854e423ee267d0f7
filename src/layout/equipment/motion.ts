/**
 * Times of a move and of a lift for an equipment kind: travel from standstill to
 * standstill with acceleration and deceleration, turns at aisle entries and exits, and the
 * lift and lower of a store or retrieve at a level's height.
 */
import { travelTimeS } from "../travelModel.ts";
import { MOTION_FIELDS, type Motion } from "./equipmentKind.ts";
import { type EquipmentKind, equipmentKinds } from "./registry.ts";

/** A kind's motion with the scenario's overrides applied (undefined fields keep the kind's). */
export function withOverrides(base: Motion, overrides: Partial<Motion> | undefined): Motion {
  const out: Motion = {
    speedMps: base.speedMps,
    loadedSpeedMps: base.loadedSpeedMps,
    accelMps2: base.accelMps2,
    decelMps2: base.decelMps2,
    turnS: base.turnS,
    aisleTransferS: base.aisleTransferS,
    liftLoadedMps: base.liftLoadedMps,
    liftEmptyMps: base.liftEmptyMps,
    lowerMps: base.lowerMps,
    maxLiftM: base.maxLiftM,
    minAisleWidthM: base.minAisleWidthM,
  };
  if (!overrides) return out;
  for (const field of MOTION_FIELDS) {
    const value = overrides[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/**
 * Time to move `distanceM` from standstill to standstill, s: the speed profile of
 * `travelTimeS`, plus a turn for leaving the aisle `fromAisle` and one for entering
 * `toAisle` when they differ ("" = a place outside the aisles), plus the aisle transfer of
 * an aisle-bound truck on entering an aisle.
 */
export function moveTimeS(
  motion: Motion,
  distanceM: number,
  loaded: boolean,
  fromAisle = "",
  toAisle = "",
): number {
  const runS = travelTimeS(distanceM, {
    speedMps: loaded ? motion.loadedSpeedMps : motion.speedMps,
    accelMps2: motion.accelMps2,
    decelMps2: motion.decelMps2,
  });
  if (fromAisle === toAisle) return runS;
  let extraS = 0;
  if (fromAisle !== "") extraS += motion.turnS;
  if (toAisle !== "") extraS += motion.turnS + motion.aisleTransferS;
  return runS + extraS;
}

/**
 * Lift and lower time of a store (`loaded` up, empty down) or a retrieve (empty up, loaded
 * down) at `heightM`, s: `h / v_up + h / v_lower`. Zero on the floor and for kinds without
 * a lift (levels reached by hand).
 */
export function liftTimeS(motion: Motion, heightM: number, store: boolean): number {
  if (heightM <= 0 || motion.lowerMps <= 0) return 0;
  const upMps = store ? motion.liftLoadedMps : motion.liftEmptyMps;
  if (upMps <= 0) return 0;
  return heightM / upMps + heightM / motion.lowerMps;
}

/**
 * The motion of a pool of `kind` with the scenario's overrides: a `speedMps` given without
 * `loadedSpeedMps` is the loaded speed too.
 */
export function poolMotion(kind: EquipmentKind, overrides: Partial<Motion> | undefined): Motion {
  const motion = withOverrides(equipmentKinds[kind], overrides);
  if (overrides?.speedMps !== undefined && overrides.loadedSpeedMps === undefined)
    motion.loadedSpeedMps = overrides.speedMps;
  return motion;
}
