/**
 * Cumulative stock flows through each view of the ledger (received, returned, shipped,
 * scrapped, shrunk, adjusted), from which the conservation balance is checked.
 */
import type { Transaction } from "../transaction.ts";
import type { StockView } from "../types.ts";
import type { DeltaList } from "./deltaList.ts";

/** Cumulative flows through one view of the ledger, units. */
export interface StockFlows {
  received: number;
  returned: number;
  shipped: number;
  scrapped: number;
  /** Physical losses nobody recorded (physical view only). */
  shrunk: number;
  /** Net record corrections by adjustments and counts (record view only). */
  adjusted: number;
}

function emptyFlows(): StockFlows {
  return { received: 0, returned: 0, shipped: 0, scrapped: 0, shrunk: 0, adjusted: 0 };
}

/** The flows of both views, added to by every committed transaction. */
export class FlowBook {
  private readonly totals: Record<StockView, StockFlows> = {
    record: emptyFlows(),
    physical: emptyFlows(),
  };

  /** A copy of the flows through one view. */
  get(view: StockView): StockFlows {
    return { ...this.totals[view] };
  }

  /** Adds a transaction's flows, given the record and physical deltas it made. */
  add(tx: Transaction, record: DeltaList, physical: DeltaList): void {
    const r = this.totals.record;
    const p = this.totals.physical;
    switch (tx.kind) {
      case "receipt":
        r.received += inflow(record);
        p.received += inflow(physical);
        break;
      case "return":
        r.returned += inflow(record);
        p.returned += inflow(physical);
        break;
      case "ship":
        r.shipped += outflow(record);
        p.shipped += outflow(physical);
        break;
      case "scrap":
        r.scrapped += outflow(record);
        p.scrapped += outflow(physical);
        break;
      case "shrinkage":
        p.shrunk += outflow(physical);
        break;
      case "adjustment":
      case "count":
        r.adjusted += tx.quantity;
        break;
      default:
        break;
    }
  }

  /** Inflow − outflow − `onHand` for one view: 0 unless the ledger is broken. */
  imbalance(view: StockView, onHand: number): number {
    const f = this.totals[view];
    return f.received + f.returned + f.adjusted - f.shipped - f.scrapped - f.shrunk - onHand;
  }
}

/** Units flowing in: the sum of the positive deltas (in list order). */
function inflow(ds: DeltaList): number {
  let s = 0;
  for (let i = 0; i < ds.length; i++) s += Math.max(0, ds.items[i].amount);
  return s;
}

/** Units flowing out: the sum of the negative deltas' sizes (in list order). */
function outflow(ds: DeltaList): number {
  let s = 0;
  for (let i = 0; i < ds.length; i++) s += Math.max(0, -ds.items[i].amount);
  return s;
}
