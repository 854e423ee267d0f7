/**
 * Collects what the run report's time charts need from trace.ndjson: each worker's state
 * changes (utilisation per hour and shift, the state timeline) and each order's creation
 * and shipping times (throughput against demand, the cycle-time distribution).
 */
import type { WorkerSteps } from "../../web/src/charts/data/workerSteps.ts";
import { OrderCycleBuilder, type OrderCycles } from "../../web/src/trace/orderCycles.ts";

/** Worker states and order times of one traced replication. */
export interface TraceTimelines {
  /** Workers of the header, in its order, with their state changes. */
  workers: WorkerSteps[];
  /** Times orders were created and shipped, s; and each order's pair of them by order id. */
  orders: { created: number[]; shipped: number[]; cycles: OrderCycles };
}

/** A collector fed one parsed record at a time. */
export interface TimelineCollector {
  /** True for lines that may hold a record the collector reads (a cheap pre-filter). */
  wants(line: string): boolean;
  add(record: Record<string, unknown>): void;
  result(): TraceTimelines;
}

interface Steps {
  id: string;
  role: string;
  t: number[];
  states: string[];
}

function addHeader(record: Record<string, unknown>, workers: Map<string, Steps>): void {
  const list = Array.isArray(record.workers) ? record.workers : [];
  for (const w of list as { id?: unknown; role?: unknown }[]) {
    if (typeof w.id === "string")
      workers.set(w.id, { id: w.id, role: String(w.role ?? "unknown"), t: [], states: [] });
  }
}

/** A new collector. */
export function timelineCollector(): TimelineCollector {
  const workers = new Map<string, Steps>();
  const cycles = new OrderCycleBuilder();
  const orders = { created: [] as number[], shipped: [] as number[] };
  return {
    wants: (line) =>
      line.includes('"state"') || line.includes('"order"') || line.includes('"header"'),
    add(r) {
      const t = r.t;
      if (r.kind === "header") addHeader(r, workers);
      else if (r.kind === "state" && typeof t === "number" && typeof r.id === "string") {
        const w = workers.get(r.id);
        w?.t.push(t);
        w?.states.push(String(r.state));
      } else if (r.kind === "order" && typeof t === "number") {
        if (r.event === "created") orders.created.push(t);
        else if (r.event === "shipped") orders.shipped.push(t);
        cycles.add(String(r.event), r.id, t);
      }
    },
    result: () => ({
      workers: [...workers.values()],
      orders: { ...orders, cycles: cycles.finish() },
    }),
  };
}
