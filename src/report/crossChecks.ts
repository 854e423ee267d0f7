/**
 * Analytic cross-checks shown beside the simulated figures: Little's law on orders, an
 * Erlang-C estimate of the wait at pack stations and dock doors, and a routing estimate of
 * travel per pick. Each says what it compared, its tolerance, and whether they agree.
 */
import { type DistSpec, distMean } from "../engine/index.ts";
import type { Layout } from "../layout/types.ts";
import { erlangC } from "./erlangC.ts";
import type { BreakdownData, Estimate } from "./resultSchemas.ts";
import { lowerBoundTourM, type PickBlock, returnTourM, sShapeTourM } from "./routingEstimate.ts";

/** The outcome of one cross-check. */
export type CheckStatus = "agrees" | "disagrees" | "not available";

/** One analytic figure beside its simulated counterpart. */
export interface CrossCheck {
  name: string;
  /** The formula or model, in words. */
  theory: string;
  /** What is compared, with its unit. */
  quantity: string;
  unit: string;
  analytic: number | null;
  simulated: number | null;
  /** The tolerance, in words. */
  tolerance: string;
  status: CheckStatus;
  /** Inputs used, or why the check is not available. */
  note: string;
}

/** What the checks read: KPIs, breakdown, resolved scenario and built layout. */
export interface CrossCheckInput {
  kpis: Record<string, Estimate>;
  breakdown?: BreakdownData;
  scenario?: Record<string, unknown>;
  layout?: Layout;
  /** Mean work in process from the trace samples after the warm-up, orders. */
  traceWipMean?: number;
}

/** Relative tolerance of Little's law (plus 3 standard errors, REFERENCES.md rule). */
export const LITTLE_TOLERANCE = 0.05;
/** Erlang-C is an approximation here (non-stationary arrivals, general service): ±50 % or 60 s. */
export const ERLANG_TOLERANCE = { relative: 0.5, absoluteS: 60 };
/** Routing estimates assume uniform picks and a depot at the first aisle: ±30 %. */
export const ROUTING_TOLERANCE = 0.3;

const WIP_KPIS = [
  "wipOrders",
  "ordersInProcess",
  "ordersInSystem",
  "workInProcessOrders",
  "orderWip",
];

function get(obj: unknown, path: string): unknown {
  let here = obj;
  for (const key of path.split(".")) {
    if (here === null || typeof here !== "object") return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

function num(obj: unknown, path: string): number | undefined {
  const v = get(obj, path);
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

function meanOf(spec: unknown): number | undefined {
  if (!spec || typeof spec !== "object" || typeof (spec as { dist?: unknown }).dist !== "string")
    return undefined;
  try {
    const m = distMean(spec as DistSpec);
    return Number.isFinite(m) ? m : undefined;
  } catch {
    return undefined;
  }
}

const unavailable = (
  base: Omit<CrossCheck, "status" | "analytic" | "simulated" | "note">,
  note: string,
): CrossCheck => ({
  ...base,
  analytic: null,
  simulated: null,
  status: "not available",
  note,
});

/** Little's law L = λW on orders: work in process against throughput × cycle time. */
export function littleCheck(input: CrossCheckInput): CrossCheck {
  const base = {
    name: "Little's law (orders)",
    theory: "L = λ·W: orders in process = throughput × order cycle time",
    quantity: "Orders in process",
    unit: "orders",
    tolerance: `±${LITTLE_TOLERANCE * 100} % or 3 standard errors`,
  };
  const tp = input.kpis.throughputOrdersPerHour;
  const ct = input.kpis.orderCycleTimeS;
  if (!tp || !ct) return unavailable(base, "needs throughputOrdersPerHour and orderCycleTimeS");
  const wipName = WIP_KPIS.find((k) => input.kpis[k]);
  const wip = wipName ? input.kpis[wipName] : undefined;
  const simulated = wip?.mean ?? input.traceWipMean;
  if (simulated === undefined || !Number.isFinite(simulated)) {
    return unavailable(
      base,
      "needs a work-in-process KPI (wipOrders) or trace samples (run with --trace)",
    );
  }
  const lambda = tp.mean / 3600;
  const analytic = lambda * ct.mean;
  // Standard errors from the 95 % half-widths (≈ 2 se); relative errors add in quadrature.
  // One replication has no half-width (NaN, null in JSON): no error estimate, as before.
  const half = (e: Estimate) => (Number.isFinite(e.ci95) ? e.ci95 : 0);
  const relVar = (e: Estimate) => (e.mean !== 0 ? (half(e) / 2 / e.mean) ** 2 : 0);
  const seAnalytic = Math.abs(analytic) * Math.sqrt(relVar(tp) + relVar(ct));
  const seSim = wip ? half(wip) / 2 : 0;
  const se = Math.sqrt(seAnalytic ** 2 + seSim ** 2);
  const allowed = Math.max(LITTLE_TOLERANCE * Math.abs(analytic), 3 * se);
  return {
    ...base,
    analytic,
    simulated,
    status: Math.abs(simulated - analytic) <= allowed ? "agrees" : "disagrees",
    note: `λ = ${round(tp.mean)} orders/h, W = ${round(ct.mean)} s; simulated L from ${wipName ?? "trace samples"}; allowed difference ${round(allowed)} orders`,
  };
}

/** Staffed hours per week of a role: the union of its crews' shifts, per start day. */
export function staffedHoursPerWeek(scenario: unknown, role: string): number | undefined {
  const crews = get(scenario, `workforce.roles.${role}.crews`);
  const shifts = get(scenario, "workforce.shifts") as
    | Record<string, { start: string; end: string; days?: string[] }>
    | undefined;
  if (!Array.isArray(crews) || !shifts) return undefined;
  const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  const minutes = new Uint8Array(7 * 24 * 60);
  const clock = (t: string) => {
    const [h, m] = t.split(":").map(Number);
    return h * 60 + m;
  };
  for (const crew of crews as { shift: string; headcount: number }[]) {
    const shift = shifts[crew.shift];
    if (!shift || !(crew.headcount > 0)) continue;
    const start = clock(shift.start);
    let end = clock(shift.end);
    if (end <= start) end += 24 * 60;
    for (const day of shift.days ?? days.slice(0, 5)) {
      const d = days.indexOf(day);
      if (d < 0) continue;
      for (let t = start; t < end; t++) minutes[(d * 1440 + t) % minutes.length] = 1;
    }
  }
  let total = 0;
  for (const m of minutes) total += m;
  return total / 60;
}

function maxHeadcount(scenario: unknown, role: string): number | undefined {
  const crews = get(scenario, `workforce.roles.${role}.crews`);
  if (!Array.isArray(crews)) return undefined;
  return Math.max(0, ...crews.map((c: { headcount?: number }) => c.headcount ?? 0));
}

/** Erlang-C estimate of the wait for a pack station, beside the simulated waitPack phase. */
export function packCheck(input: CrossCheckInput): CrossCheck {
  const base = {
    name: "Erlang C (pack stations)",
    theory: "M/M/c: Wq = P_W / (cμ − λ), arrivals during staffed hours",
    quantity: "Wait for packing",
    unit: "s",
    tolerance: `±${ERLANG_TOLERANCE.relative * 100} % or ${ERLANG_TOLERANCE.absoluteS} s`,
  };
  const tp = input.kpis.throughputOrdersPerHour;
  const simulated = input.breakdown?.order.waitPack;
  const packS = input.breakdown?.order.pack;
  const stations =
    num(input.scenario, "outbound.packing.stations") ?? input.layout?.packStations.length;
  const packers = maxHeadcount(input.scenario, "packer");
  const staffed = staffedHoursPerWeek(input.scenario, "packer");
  if (!tp || simulated === undefined || !packS || !stations || !packers || !staffed) {
    return unavailable(
      base,
      "needs throughput, the waitPack and pack phases, pack stations and packer shifts",
    );
  }
  const c = Math.min(stations, packers);
  // Orders arrive for packing only while packers work: scale the mean rate to staffed hours.
  const lambda = (tp.mean * (168 / staffed)) / 3600;
  const mu = 1 / packS;
  const q = erlangC(lambda, mu, c);
  const note = `c = ${c} (min of ${stations} stations, ${packers} packers per shift), λ = ${round(lambda * 3600)} orders per staffed hour, 1/μ = ${round(packS)} s, ρ = ${round(q.rho)}`;
  return erlangStatus(base, q.wq, simulated, note);
}

function erlangStatus(
  base: Omit<CrossCheck, "status" | "analytic" | "simulated" | "note">,
  wq: number,
  simulated: number,
  note: string,
): CrossCheck {
  if (!Number.isFinite(wq)) {
    return {
      ...base,
      analytic: null,
      simulated,
      status: "disagrees",
      note: `${note}: the M/M/c queue is unstable (ρ ≥ 1), the simulated wait is bounded only by the horizon`,
    };
  }
  const diff = Math.abs(simulated - wq);
  const ok = diff <= Math.max(ERLANG_TOLERANCE.relative * Math.abs(wq), ERLANG_TOLERANCE.absoluteS);
  return { ...base, analytic: wq, simulated, status: ok ? "agrees" : "disagrees", note };
}

/** Erlang-C estimate of the yard wait for an inbound dock door. */
export function dockCheck(input: CrossCheckInput): CrossCheck {
  const base = {
    name: "Erlang C (inbound dock doors)",
    theory: "M/M/c: Wq = P_W / (cμ − λ), trailers as arrivals, doors as servers",
    quantity: "Trailer wait for a door",
    unit: "s",
    tolerance: `±${ERLANG_TOLERANCE.relative * 100} % or ${ERLANG_TOLERANCE.absoluteS} s`,
  };
  const k = input.kpis;
  // whsim runs report yardWaitS, inboundTrailersPerHour and inboundDoorTimeS; the other
  // names are accepted for results of other tools.
  const waitName = ["yardWaitS", "trailerYardWaitS", "dockWaitS", "inboundYardWaitS"].find(
    (n) => k[n],
  );
  const rateName = ["inboundTrailersPerHour", "trailersPerHour", "trailerArrivalsPerHour"].find(
    (n) => k[n],
  );
  const doorName = ["inboundDoorTimeS", "doorTimeS", "trailerDoorTimeS", "trailerTurnaroundS"].find(
    (n) => k[n],
  );
  const doors = input.layout?.docks.filter((d) => d.kind === "inbound").length;
  if (!waitName || !rateName || !doorName || !doors) {
    return unavailable(
      base,
      "needs trailer arrival rate, yard wait and door time KPIs and the inbound doors",
    );
  }
  const wait = k[waitName].mean;
  const doorS = doorName === "trailerTurnaroundS" ? k[doorName].mean - wait : k[doorName].mean;
  if (!(doorS > 0)) return unavailable(base, `${doorName} gives no positive time at the door`);
  const lambda = k[rateName].mean / 3600;
  const q = erlangC(lambda, 1 / doorS, doors);
  const scheduled = (
    get(input.scenario, "inbound.suppliers") as { arrivals?: { mode?: string } }[] | undefined
  )?.every((s) => s.arrivals?.mode === "timetable");
  const note = `c = ${doors} doors, λ = ${round(k[rateName].mean)} trailers/h, 1/μ = ${round(doorS)} s, ρ = ${round(q.rho)}${scheduled ? "; arrivals follow a timetable, so they bunch and Erlang C is only indicative" : ""}`;
  return erlangStatus(base, q.wq, wait, note);
}

/**
 * The pick area as one block of parallel aisles, from the layout's pick grid: only the
 * forward (pick-face) aisles when the layout has a forward zone, since picks happen there.
 */
export function pickBlock(layout: Layout | undefined): PickBlock | undefined {
  const grid = layout?.pickGrid;
  if (!layout || !grid || grid.aisleXsM.length < 2) return undefined;
  const forwardZones = new Set(layout.zones.filter((z) => z.kind === "forward").map((z) => z.id));
  const zoneOf = new Map(layout.aisles.map((a) => [a.id, a.zone ?? ""]));
  const forward = grid.aisleXsM.filter((_, i) =>
    forwardZones.has(zoneOf.get(grid.aisles[i]) ?? ""),
  );
  const xs = (forward.length >= 2 ? forward : [...grid.aisleXsM]).sort((a, b) => a - b);
  const spacingM = (xs[xs.length - 1] - xs[0]) / (xs.length - 1);
  const lengthM = grid.backYM - grid.frontYM;
  return lengthM > 0 ? { aisles: xs.length, spacingM, lengthM } : undefined;
}

/** Picks per tour: a KPI if reported, else from lines per order and the picking method. */
function picksPerTour(input: CrossCheckInput): number | undefined {
  const kpi = input.kpis.linesPerTour ?? input.kpis.picksPerTour;
  if (kpi) return kpi.mean;
  const lines = meanOf(get(input.scenario, "outbound.linesPerOrder"));
  if (!lines) return undefined;
  const method = get(input.scenario, "outbound.picking.method");
  if (method === "batch") return lines * (num(input.scenario, "outbound.picking.batchSize") ?? 1);
  if (method === "zone") return lines / (num(input.scenario, "outbound.picking.zones") ?? 1);
  return lines;
}

/** Routing estimate of travel per pick line beside the simulated pickTravelMPerLine. */
export function routingCheck(input: CrossCheckInput): CrossCheck {
  const routing = String(get(input.scenario, "outbound.picking.routing") ?? "");
  const base = {
    name: `Routing estimate (${routing || "unknown policy"})`,
    theory: "",
    quantity: "Travel per pick line",
    unit: "m/line",
    tolerance: `±${ROUTING_TOLERANCE * 100} %`,
  };
  const travel = input.kpis.pickTravelMPerLine;
  const block = pickBlock(input.layout);
  const m = picksPerTour(input);
  if (!travel || !block || !m || !(m >= 1)) {
    return unavailable(
      { ...base, theory: "one-block tour formulas" },
      "needs pickTravelMPerLine, a parallel-aisle pick grid and lines per tour",
    );
  }
  const inputs = `n = ${block.aisles} aisles, w = ${round(block.spacingM)} m, L = ${round(block.lengthM)} m, m = ${round(m)} picks per tour`;
  const lower = lowerBoundTourM(block, m) / m;
  let analytic: number;
  let theory: string;
  if (routing === "return") {
    analytic = returnTourM(block, m) / m;
    theory = "return policy, uniform picks: 2w·E[R] + in-aisle returns (REFERENCES.md)";
  } else if (routing === "sShape") {
    analytic = sShapeTourM(block, m) / m;
    theory = "S-shape, uniform picks: 2w·E[R] + L·(E[V] + ¼)";
  } else {
    // Other policies (largest gap, midpoint, combined, optimal) lie between the bound and S-shape.
    analytic = sShapeTourM(block, m) / m;
    theory = "S-shape estimate, an upper reference for largest gap, combined and optimal routes";
  }
  const sim = travel.mean;
  const ok = Math.abs(sim - analytic) <= ROUTING_TOLERANCE * analytic;
  return {
    ...base,
    theory,
    analytic,
    simulated: sim,
    status: ok ? "agrees" : "disagrees",
    note: `${inputs}; with uniform picks no route is shorter than ${round(lower)} m/line. Popular SKUs slotted near the front, and a depot away from the first aisle, move travel below or above the uniform estimate`,
  };
}

function round(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v);
}

/** Every cross-check, in report order. */
export function crossChecks(input: CrossCheckInput): CrossCheck[] {
  return [littleCheck(input), packCheck(input), dockCheck(input), routingCheck(input)];
}
