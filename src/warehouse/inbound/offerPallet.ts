/**
 * Where a checked pallet goes: offered to the `palletChecked` listeners in install order
 * (quality, then cross-docking) until one takes it, else to storage (putaway).
 */
import type { Pallet, World } from "../world.ts";

type PalletListener = World["listeners"]["palletChecked"][number];

/**
 * Offers `pallet` to the listeners after `after` (all of them when absent: the pallet was
 * just checked, and counts as checked); putaway takes it when none does.
 */
export function offerPallet(world: World, pallet: Pallet, after?: PalletListener): void {
  const listeners = world.listeners.palletChecked;
  if (after === undefined && world.sim.now >= world.warmupS) world.stats.palletsChecked++;
  for (let i = after === undefined ? 0 : listeners.indexOf(after) + 1; i < listeners.length; i++)
    if (listeners[i](pallet)) return;
  for (const listener of world.listeners.palletForStorage) listener(pallet);
}
