/**
 * Pairs each order's `created` and `shipped` records by order id while the trace streams in,
 * so the viewer can draw cycle times: one slot per created order, its shipping time filled in
 * when the order ships (NaN while open). One map lookup per order record.
 */
import { GrowF64 } from "./growable.ts";

/** Creation and shipping time of every order the trace creates, in creation order. */
export interface OrderCycles {
  /** Creation time of each order, s. */
  createdT: Float64Array;
  /** Shipping time of the same order, s; NaN for orders still open at the trace's end. */
  shippedT: Float64Array;
}

/** Builds OrderCycles from `order` records in trace order. */
export class OrderCycleBuilder {
  private readonly createdT = new GrowF64(1024);
  private readonly shippedT = new GrowF64(1024);
  /** Slot of each created order by its id. */
  private readonly slot = new Map<unknown, number>();

  /** Reads one `order` record; events other than `created` and `shipped` are ignored. */
  add(event: string, id: unknown, t: number): void {
    if (event === "created") {
      this.slot.set(id, this.createdT.length);
      this.createdT.push(t);
      this.shippedT.push(Number.NaN);
    } else if (event === "shipped") {
      const i = this.slot.get(id);
      // A shipment of an order the trace never created (a cut trace) has no cycle time.
      if (i !== undefined) this.shippedT.data[i] = t;
    }
  }

  finish(): OrderCycles {
    return { createdT: this.createdT.toArray(), shippedT: this.shippedT.toArray() };
  }
}

/** The orders of a window and how they stand: cycle times of the shipped, count of the open. */
export interface WindowCycles {
  /** Cycle time (shipping − creation) of each order created in the window and shipped, s. */
  cycleS: number[];
  /** Orders created in the window and not shipped by the trace's end. */
  open: number;
}

/** Cycle times of the orders created at or after `fromS` (the end of the warm-up). */
export function windowCycles(cycles: OrderCycles, fromS: number): WindowCycles {
  const cycleS: number[] = [];
  let open = 0;
  for (let i = 0; i < cycles.createdT.length; i++) {
    const c = cycles.createdT[i];
    if (!(c >= fromS)) continue;
    const s = cycles.shippedT[i];
    if (Number.isNaN(s)) open++;
    else cycleS.push(s - c);
  }
  return { cycleS, open };
}
