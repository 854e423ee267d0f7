/**
 * Analytic cross-checks shown beside the simulated figures: Little's law on orders, an
 * Erlang-C estimate of the wait at pack stations and dock doors, and a routing estimate of
 * travel per pick. Each says what it compared, its tolerance, and whether they agree; a
 * check whose model does not describe this warehouse (arrivals in batches, an overloaded
 * queue) says so and is left out of the headline instead of crying wolf.
 */
import { type DistSpec, distMean } from "../engine/index.ts";
import type { Layout } from "../layout/types.ts";
import { erlangC } from "./erlangC.ts";
import type { BreakdownData, Estimate } from "./resultSchemas.ts";
import { lowerBoundTourM, type PickBlock, returnTourM, sShapeTourM } from "./routingEstimate.ts";

/**
 * The outcome of one cross-check: `assumptions do not hold` when the theory models something
 * else than this warehouse (its figure is shown, not judged); `not available` without inputs.
 */
export type CheckStatus = "agrees" | "disagrees" | "assumptions do not hold" | "not available";

/** Whether a check's verdict counts (its model applies and its inputs exist). */
export function isJudged(check: CrossCheck): boolean {
  return check.status === "agrees" || check.status === "disagrees";
}

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
    theory: "L = λ·W: orders in process = arrival rate × order cycle time",
    quantity: "Orders in process",
    unit: "orders",
    tolerance: `±${LITTLE_TOLERANCE * 100} % or 3 standard errors`,
  };
  // λ is the arrival rate; results without demandOrdersPerHour give throughput instead.
  const tp = input.kpis.demandOrdersPerHour ?? input.kpis.throughputOrdersPerHour;
  const ct = input.kpis.orderCycleTimeS;
  if (!tp || !ct) return unavailable(base, "needs demandOrdersPerHour and orderCycleTimeS");
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
  // Orders left open by the warm-up are in process during the window but not in W: add their
  // share of the work in process when the results report it.
  const backlog = input.kpis.backlogInProcessOrders?.mean ?? 0;
  const analytic = lambda * ct.mean + backlog;
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
    note: `λ = ${round(tp.mean)} orders/h, W = ${round(ct.mean)} s${backlog > 0 ? `, plus ${round(backlog)} orders the warm-up left open` : ""}; simulated L from ${wipName ?? "trace samples"}; allowed difference ${round(allowed)} orders`,
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

/** The description of an Erlang-C check of a wait in seconds. */
function erlangBase(name: string, theory: string, quantity: string) {
  const tolerance = `±${ERLANG_TOLERANCE.relative * 100} % or ${ERLANG_TOLERANCE.absoluteS} s`;
  return { name, theory, quantity, unit: "s", tolerance };
}

/** Erlang-C estimate of the wait for a pack station, beside the simulated waitPack phase. */
export function packCheck(input: CrossCheckInput): CrossCheck {
  const base = erlangBase(
    "Erlang C (pack stations)",
    "M/M/c: Wq = P_W / (cμ − λ), arrivals during staffed hours",
    "Wait for packing",
  );
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
  const batched = packArrivalsInBatches(input.scenario);
  if (batched) return notModelled(base, q.wq, simulated, `${note}; ${batched}`);
  const peak = peakFactor(input.scenario);
  if (peak > 1.1) return peakBoundStatus(base, { lambda, mu, c, peak, simulated, note });
  return erlangStatus(base, q.wq, simulated, note);
}

/** Peak hour's order intake over the mean of the hours with intake (1: a flat day). */
function peakFactor(scenario: unknown): number {
  const pattern = get(scenario, "outbound.hourlyPattern");
  if (!Array.isArray(pattern) || pattern.length === 0) return 1;
  const open = (pattern as number[]).filter((w) => w > 0);
  if (open.length === 0) return 1;
  return Math.max(...open) / (open.reduce((a, b) => a + b, 0) / open.length);
}

/**
 * Orders arriving by an hourly pattern: the wait lies between the M/M/c wait at the mean
 * rate (a lower bound, since the wait grows convexly with the rate) and the wait at the
 * peak rate (infinite when the peak overloads the stations: then only the lower bound holds).
 */
function peakBoundStatus(
  base: Omit<CrossCheck, "status" | "analytic" | "simulated" | "note">,
  q: { lambda: number; mu: number; c: number; peak: number; simulated: number; note: string },
): CrossCheck {
  const low = erlangC(q.lambda, q.mu, q.c).wq;
  const high = erlangC(q.lambda * q.peak, q.mu, q.c).wq;
  const tol = ERLANG_TOLERANCE;
  const above = q.simulated >= Math.min(low * (1 - tol.relative), low - tol.absoluteS);
  const below =
    !Number.isFinite(high) ||
    q.simulated <= Math.max(high * (1 + tol.relative), high + tol.absoluteS);
  const range = Number.isFinite(high)
    ? `between ${round(low)} s (mean rate) and ${round(high)} s (peak rate, ${round(q.peak)}× the mean)`
    : `at least ${round(low)} s (mean rate; at the peak, ${round(q.peak)}× the mean, the stations are overloaded and M/M/c gives no upper bound)`;
  return {
    ...base,
    theory: "M/M/c at the mean and at the peak hour's rate: the wait lies between them",
    tolerance: `the range ±${tol.relative * 100} % or ${tol.absoluteS} s`,
    analytic: low,
    simulated: q.simulated,
    status: above && below ? "agrees" : "disagrees",
    note: `${q.note}; intake follows an hourly pattern, so the wait should be ${range}`,
  };
}

/** Why orders do not reach packing one by one at random (Erlang C's Poisson arrivals), or "". */
function packArrivalsInBatches(scenario: unknown): string {
  const method = get(scenario, "outbound.picking.method");
  if (method === "batch")
    return "batch picking delivers orders to packing a tour at a time, not one by one at random, so the wait is no M/M/c wait";
  const release = get(scenario, "outbound.release.mode");
  if (release !== undefined && release !== "continuous")
    return `orders are released in ${String(release)} waves and reach packing in bursts, not one by one at random, so the wait is no M/M/c wait`;
  return "";
}

/** A check whose model describes something else: its figure is shown, not judged. */
function notModelled(
  base: Omit<CrossCheck, "status" | "analytic" | "simulated" | "note">,
  wq: number,
  simulated: number,
  note: string,
): CrossCheck {
  return {
    ...base,
    analytic: Number.isFinite(wq) ? wq : null,
    simulated,
    status: "assumptions do not hold",
    note,
  };
}

function erlangStatus(
  base: Omit<CrossCheck, "status" | "analytic" | "simulated" | "note">,
  wq: number,
  simulated: number,
  note: string,
): CrossCheck {
  if (!Number.isFinite(wq)) {
    return notModelled(
      base,
      wq,
      simulated,
      `${note}: at this mean rate the M/M/c queue has no steady state (ρ ≥ 1), so it gives no wait to compare; the simulated wait is bounded by the shifts and the horizon`,
    );
  }
  const diff = Math.abs(simulated - wq);
  const ok = diff <= Math.max(ERLANG_TOLERANCE.relative * Math.abs(wq), ERLANG_TOLERANCE.absoluteS);
  return { ...base, analytic: wq, simulated, status: ok ? "agrees" : "disagrees", note };
}

/** Erlang-C estimate of the yard wait for an inbound dock door. */
export function dockCheck(input: CrossCheckInput): CrossCheck {
  const base = erlangBase(
    "Erlang C (inbound dock doors)",
    "M/M/c: Wq = P_W / (cμ − λ), trailers as arrivals, doors as servers",
    "Trailer wait for a door",
  );
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
  const suppliers = get(input.scenario, "inbound.suppliers") as
    | { name?: string; arrivals?: { mode?: string } }[]
    | undefined;
  const timetabled = (suppliers ?? [])
    .filter((s) => s.arrivals?.mode === "timetable")
    .map((s) => s.name ?? "a supplier");
  const note = `c = ${doors} doors, λ = ${round(k[rateName].mean)} trailers/h, 1/μ = ${round(doorS)} s, ρ = ${round(q.rho)}`;
  if (timetabled.length > 0)
    return notModelled(
      base,
      q.wq,
      wait,
      `${note}; ${timetabled.join(", ")} deliver${timetabled.length === 1 ? "s" : ""} on a timetable, so trailers arrive together at set times, not as a Poisson stream over the day: they queue for doors at every slot, which M/M/c averages away`,
    );
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

/** How demand is skewed over SKUs, in words, or "" when picks are about uniform. */
function popularitySkew(scenario: unknown): string {
  const top = num(scenario, "skus.popularity.topSkuShare");
  const lines = num(scenario, "skus.popularity.lineShare");
  if (top === undefined || lines === undefined || lines <= top + 0.05) return "";
  return `${round(lines * 100)} % of lines go to ${round(top * 100)} % of SKUs`;
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
  const skew = popularitySkew(input.scenario);
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
  if (skew)
    return {
      ...base,
      theory,
      analytic,
      simulated: sim,
      status: "assumptions do not hold",
      note: `${inputs}; the formula assumes every location is picked equally often, but ${skew}, so travel per line depends on where the popular SKUs sit (here ${sim < analytic ? "below" : "above"} the uniform figure)`,
    };
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

/**
 * One sentence on the checks whose model applies (the others are named as not judged), or ""
 * when none applies.
 */
export function crossCheckHeadline(checks: readonly CrossCheck[]): string {
  const judged = checks.filter(isJudged);
  const flagged = judged.filter((c) => c.status === "disagrees");
  const aside = checks.filter((c) => c.status === "assumptions do not hold");
  const skipped =
    aside.length > 0
      ? ` ${aside.map((c) => c.name).join(", ")}: the theory's assumptions do not hold here, so ${aside.length === 1 ? "it is" : "they are"} shown but not judged.`
      : "";
  if (judged.length === 0) return skipped.trim();
  const verdict =
    flagged.length === 0
      ? judged.length === 1
        ? `The analytic cross-check that applies (${judged[0].name}) agrees with the simulation within its tolerance.`
        : `The ${judged.length} analytic cross-checks that apply (${judged.map((c) => c.name).join(", ")}) agree with the simulation within their tolerances.`
      : `${judged.length - flagged.length} of ${judged.length} analytic cross-checks that apply agree; flagged: ${flagged.map((c) => c.name).join(", ")} (see “Analytic cross-checks”).`;
  return `${verdict}${skipped}`;
}
