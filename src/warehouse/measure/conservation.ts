/**
 * The conservation check of every run: units in (initial stock + received + returned) equal
 * units out (shipped + scrapped + shrunk) plus units still in the building, counted location by location from
 * the ledger's physical view; and orders created equal shipped + open + cancelled.
 */
import type { Conservation } from "../types.ts";
import type { World } from "../world.ts";

/** Thrown when a run creates or loses stock or orders: a model bug, never bad input. */
export class ConservationError extends Error {
  constructor(readonly balance: Conservation) {
    super(`conservation violated: ${JSON.stringify(balance)}`);
    this.name = "ConservationError";
  }
}

/** Computes the balance at the end of a run and throws ConservationError if it does not hold. */
export function checkConservation(world: World): Conservation {
  const { ledger, stats, site } = world;
  let inLocations = 0;
  for (const face of site.faces) inLocations += ledger.onHand({ locationId: face.id }, "physical");
  for (const slot of site.reserve)
    inLocations += ledger.onHand({ locationId: slot.location.id }, "physical");
  const totalOnHand = ledger.onHand({}, "physical");
  const flows = ledger.flows("physical");
  const balance: Conservation = {
    unitsInitial: stats.total.unitsInitial,
    unitsReceived: stats.total.unitsReceived,
    unitsShipped: stats.total.unitsShipped,
    unitsInLocations: inLocations,
    unitsInProcess: totalOnHand - inLocations,
    unitsReturned: flows.returned,
    unitsScrapped: flows.scrapped,
    unitsShrunk: flows.shrunk,
    ordersCreated: stats.total.ordersCreated,
    ordersShipped: stats.total.ordersShipped,
    ordersOpen: world.openOrders,
    ordersCancelled: 0,
    ok: false,
  };
  let sumByLocation = 0;
  for (const id of ledger.locationIds())
    sumByLocation += ledger.onHand({ locationId: id }, "physical");
  const unitsOk =
    balance.unitsInitial + balance.unitsReceived + balance.unitsReturned ===
      balance.unitsShipped +
        balance.unitsInLocations +
        balance.unitsInProcess +
        balance.unitsScrapped +
        balance.unitsShrunk &&
    sumByLocation === totalOnHand &&
    flows.shipped === balance.unitsShipped &&
    flows.received === balance.unitsInitial + balance.unitsReceived &&
    balance.unitsInProcess >= 0;
  const ordersOk =
    balance.ordersCreated === balance.ordersShipped + balance.ordersOpen + balance.ordersCancelled;
  balance.ok = unitsOk && ordersOk;
  if (!balance.ok) throw new ConservationError(balance);
  return balance;
}
