/**
 * Class-to-zone allocation as a linear program: how much of each storage class (A, B, C…)
 * goes into each zone so that picks travel least, within zone capacities. Picks of a
 * class spread over its space evenly, so the pick cost of a slot of class c in zone z is
 * (picks_c / space_c) × costPerPick_z.
 */
import { type LpStatus, solveLp } from "./solveLp.ts";

/** A storage class: its demand and the space it needs. */
export interface StorageClass {
  id: string;
  /** Picks per day (or any period). */
  picksPerDay: number;
  /** Space needed, in slots (or m³; the same unit as zone capacity). */
  space: number;
  /** Zones this class may use. Defaults to every zone. */
  zones?: string[];
}

/** A zone: its capacity and the cost of one pick there (e.g. mean travel seconds). */
export interface StorageZone {
  id: string;
  capacity: number;
  costPerPick: number;
}

/** The allocation: space of each class in each zone. */
export interface ClassToZoneResult {
  status: LpStatus;
  /** Total pick cost per day; NaN unless optimal. */
  costPerDay: number;
  /** allocation[class][zone] = space. */
  allocation: Record<string, Record<string, number>>;
}

/** Variable names are indices, so ids with any characters are safe. */
const variable = (c: number, z: number) => `x_${c}_${z}`;

/** Solves the class-to-zone LP. Returns `infeasible` when the classes do not fit. */
export function classToZone(
  classes: readonly StorageClass[],
  zones: readonly StorageZone[],
  options: { timeoutMs?: number } = {},
): ClassToZoneResult {
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  classes.forEach((cls, c) => {
    constraints[`class_${c}`] = { equal: cls.space };
    zones.forEach((zone, z) => {
      if (cls.zones && !cls.zones.includes(zone.id)) return;
      const density = cls.space > 0 ? cls.picksPerDay / cls.space : 0;
      variables[variable(c, z)] = {
        cost: density * zone.costPerPick,
        [`class_${c}`]: 1,
        [`zone_${z}`]: 1,
      };
    });
  });
  zones.forEach((zone, z) => {
    constraints[`zone_${z}`] = { max: zone.capacity };
  });
  const result = solveLp({ optimize: "cost", opType: "min", constraints, variables }, options);
  const allocation: Record<string, Record<string, number>> = {};
  classes.forEach((cls, c) => {
    allocation[cls.id] = {};
    zones.forEach((zone, z) => {
      const v = result.values[variable(c, z)] ?? 0;
      if (v > 0) allocation[cls.id][zone.id] = v;
    });
  });
  // NOTE: a class with no eligible zone and positive space has no variable; the solver may
  // then miss its equality row, so infeasibility is checked here too.
  const orphan = classes.some(
    (cls, c) => cls.space > 0 && !zones.some((_, z) => variables[variable(c, z)]),
  );
  if (orphan) return { status: "infeasible", costPerDay: Number.NaN, allocation: {} };
  return {
    status: result.status,
    costPerDay: result.objective,
    allocation: result.status === "optimal" ? allocation : {},
  };
}
