/**
 * Packaging at the pack stations: the smallest carton or pallet whose volume, times the
 * fill factor, holds the order's cube; an order too big for the largest takes several of
 * it. Its make-up time adds to packing, and the material used is counted by type.
 */
import type { Operation } from "../operation.ts";
import type { Order, World } from "../world.ts";

/** Packaging chosen for a cube: the type's index and how many of it (index -1: none defined). */
export function choosePackaging(
  types: readonly { cubeM3: number }[],
  cubeM3: number,
  fillFactor: number,
): { type: number; count: number } {
  if (types.length === 0) return { type: -1, count: 0 };
  const need = cubeM3 / fillFactor;
  let best = -1;
  let largest = 0;
  types.forEach((t, i) => {
    if (t.cubeM3 >= need && (best < 0 || t.cubeM3 < types[best].cubeM3)) best = i;
    if (t.cubeM3 > types[largest].cubeM3) largest = i;
  });
  if (best >= 0) return { type: best, count: 1 };
  return { type: largest, count: Math.ceil(need / types[largest].cubeM3) };
}

/** Installs packaging: replaces `world.packagingS`; returns material used per type after the warm-up. */
export function installPackaging(world: World): Record<string, number> {
  const spec = world.scenario.operations.packaging;
  const used: Record<string, number> = {};
  if (spec.types.length === 0) return used;
  for (const t of spec.types) used[t.name] = 0;
  world.packagingS = (order: Order) => {
    let cube = 0;
    for (const line of order.lines) cube += line.qty * world.skus[line.sku].info.sku.unitCubeM3;
    const { type, count } = choosePackaging(spec.types, cube, spec.fillFactor);
    if (type < 0 || count === 0) return 0;
    const t = spec.types[type];
    if (world.sim.now >= world.warmupS) used[t.name] += count;
    return t.packS * count;
  };
  return used;
}

/** Packaging: cartons or pallets chosen by cube, their make-up time and material used. */
export const packagingOperation: Operation = {
  name: "packaging",
  install(world) {
    const used = installPackaging(world);
    const hours = (world.horizonS - world.warmupS) / 3600;
    const kpis = (): Record<string, number> => {
      const k: Record<string, number> = {};
      for (const [name, n] of Object.entries(used)) {
        k[`packaging.${name}`] = n;
        k[`packagingPerHour.${name}`] = n / hours;
      }
      return k;
    };
    return { kpis };
  },
};
