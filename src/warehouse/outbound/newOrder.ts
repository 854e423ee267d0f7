/** newOrder(): a customer or production order as it is created, with nothing done yet. */
import type { Order, OrderLine, World } from "../world.ts";

/** The fields an order is created with; every progress time starts as NaN, every total as 0. */
export interface NewOrder {
  createdS: number;
  carrier: number;
  /** Departure (or line-side time) the order is promised for, s. */
  dueS: number;
  lines: OrderLine[];
  stockout: boolean;
}

/** A new order with the next order id; `units` is the sum of its lines. */
export function newOrder(world: World, fields: NewOrder): Order {
  let units = 0;
  for (const line of fields.lines) units += line.qty;
  return {
    id: world.nextId.order++,
    createdS: fields.createdS,
    carrier: fields.carrier,
    dueS: fields.dueS,
    lines: fields.lines,
    units,
    stockout: fields.stockout,
    releasedS: Number.NaN,
    pickStartS: Number.NaN,
    pickEndS: Number.NaN,
    packStartS: Number.NaN,
    packEndS: Number.NaN,
    shippedS: Number.NaN,
    travelS: 0,
    congestionS: 0,
    pickS: 0,
    sortS: 0,
    partsLeft: 0,
    waitingOn: -1,
  };
}
