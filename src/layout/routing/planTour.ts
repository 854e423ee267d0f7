/**
 * Pick tours on a real layout: the warehouse simulation asks for the route from a start
 * place through a list of locations to an end place under a routing policy, and gets the
 * distance, the visiting order and the polyline a worker walks.
 */
import type { Anchor, PlaceRef, TravelModel } from "../travelModel.ts";
import type { PickGrid, XY } from "../types.ts";
import type { Grid } from "./grid.ts";
import { HELD_KARP_MAX_STOPS, heldKarp } from "./heldKarp.ts";
import { nearestNeighbourTwoOpt } from "./localSearch.ts";
import { routeFunctions } from "./routeLength.ts";
import type { Pick, RoutingPolicy } from "./types.ts";

/** Distinct stops up to which non-parallel layouts get an exact (Held–Karp) tour. */
export const EXACT_TOUR_MAX_STOPS = 12;

/** What to route. */
export interface TourRequest {
  /** Where the tour starts (P&D point, pack station, dock, location id, or a point). */
  start: PlaceRef;
  /** Where it ends; defaults to `start`. */
  end?: PlaceRef;
  /** Location ids (or other place ids) to visit; duplicates are visited once. */
  stops: readonly string[];
  /**
   * The stops' place indices (`TravelModel.placeIndex`), when the caller has them: a
   * location is then read by index rather than looked up by id (for hot loops).
   */
  stopPlaces?: ArrayLike<number>;
  /** Routing policy. Default "optimal". */
  policy?: RoutingPolicy;
  /**
   * Build the polyline `path` (for traces and animation). Default true; false leaves
   * `path` empty and saves the work when only the distance and order are needed.
   */
  withPath?: boolean;
}

/** A planned tour. */
export interface PlannedTour {
  /** Total travel from start to end, metres. */
  distanceM: number;
  /** The distinct stops in visiting order. */
  sequence: string[];
  /**
   * Every index into the request's `stops`, in visiting order (repeated stop ids are
   * picked at the same visit, so their indices sit side by side).
   */
  order: number[];
  /**
   * Polyline `[[x, y], …]` from start to end, for animation (`move` trace records); empty
   * when the request had `withPath: false`.
   */
  path: XY[];
  /** "grid" when the parallel-aisle policy ran on the layout's pick grid, else "tsp". */
  method: "grid" | "tsp";
}

function appendPath(out: XY[], part: readonly XY[]): void {
  for (const p of part) {
    const last = out[out.length - 1];
    if (!last || Math.abs(last[0] - p[0]) > 1e-9 || Math.abs(last[1] - p[1]) > 1e-9) {
      out.push([p[0], p[1]]);
    }
  }
}

/**
 * The distinct ids in first-seen order (pairwise comparison for the usual short lists):
 * `ids` itself when it has no repeats (it is only read).
 */
function distinct(ids: readonly string[]): readonly string[] {
  if (ids.length > 16) {
    const set = new Set(ids);
    return set.size === ids.length ? ids : [...set];
  }
  for (let i = 1; i < ids.length; i++) {
    for (let j = 0; j < i; j++) if (ids[i] === ids[j]) return [...new Set(ids)];
  }
  return ids;
}

/**
 * Plans one pick tour on a layout.
 *
 * - On a parallel-aisle layout (one with a `pickGrid`, two-way aisles) where every stop is a
 *   location in a grid aisle, the named policy (`sShape`, `return`, `midpoint`, `largestGap`,
 *   `combined`, `optimal`) runs on the grid, its depot being the point of the front cross
 *   aisle nearest `start`; the walks start → depot and depot → end are shortest paths.
 * - Otherwise (fishbone, flying-V, explicit layouts, one-way aisles, stops outside the grid)
 *   every policy is served by a travelling-salesman tour on the travel graph: exact
 *   (Held–Karp) up to `EXACT_TOUR_MAX_STOPS` distinct stops, nearest neighbour + 2-opt +
 *   Or-opt beyond.
 *
 * Throws on unknown place ids (a programming error: scenario validation checks ids).
 */
export function planTour(travel: TravelModel, request: TourRequest): PlannedTour {
  const policy = request.policy ?? "optimal";
  const end = request.end ?? request.start;
  const withPath = request.withPath ?? true;
  const stops = distinct(request.stops);
  const places = stops === request.stops ? request.stopPlaces : undefined;
  const tour =
    gridTour(travel, request.start, end, stops, places, policy, withPath) ??
    tspTour(travel, request.start, end, stops, withPath);
  if (stops.length === request.stops.length) {
    // No repeated stop: the distinct stops are the request's, so `order` (indices into
    // the distinct stops) already indexes the request.
    return tour;
  }
  const positions = new Map<string, number[]>();
  request.stops.forEach((id, i) => {
    const list = positions.get(id);
    if (list) list.push(i);
    else positions.set(id, [i]);
  });
  tour.order = tour.sequence.flatMap((id) => positions.get(id) ?? []);
  return tour;
}

function gridTour(
  travel: TravelModel,
  start: PlaceRef,
  end: PlaceRef,
  stops: readonly string[],
  places: ArrayLike<number> | undefined,
  policy: RoutingPolicy,
  withPath: boolean,
): PlannedTour | undefined {
  const frame = travel.pickGridFrame;
  if (!frame) return undefined;
  if (travel.hasOneWayAisles) return undefined;
  const aisleIndex = travel.pickGridAisleIndex;
  const { x0, xs, lengthM } = frame;
  const frontYM = (travel.layout.pickGrid as PickGrid).frontYM;
  const picks = new Array<Pick>(stops.length);
  const locations = travel.layout.locations;
  for (let k = 0; k < stops.length; k++) {
    // A place index past the locations is another place (no location, as by id).
    const loc = places ? locations[places[k]] : travel.location(stops[k]);
    const aisle = loc ? aisleIndex.get(loc.aisle) : undefined;
    if (!loc || aisle === undefined) return undefined;
    picks[k] = { aisle, positionM: Math.min(lengthM, Math.max(0, loc.access.y - frontYM)) };
  }
  const startAnchor = travel.anchor(start);
  const depotX = Math.min(xs[xs.length - 1], Math.max(0, startAnchor.foot[0] - x0));
  const grid: Grid = { xs, rows: frame.rows, depotX };
  const route = routeFunctions[policy](grid, picks, withPath);
  const depot = { x: depotX + x0, y: frontYM };
  const path: XY[] = [];
  if (withPath) {
    appendPath(path, travel.path(start, depot));
    appendPath(
      path,
      route.tour.map(([x, y]) => [x + x0, y + frontYM] as XY),
    );
    appendPath(path, travel.path(depot, end));
  }
  // Anchor the depot point once (snapping a point scans the edges).
  const depotAnchor = travel.anchor(depot);
  const sequence = new Array<string>(route.order.length);
  for (let k = 0; k < route.order.length; k++) sequence[k] = stops[route.order[k]];
  return {
    distanceM:
      travel.anchorDistanceM(startAnchor, depotAnchor) +
      route.distanceM +
      travel.anchorDistanceM(depotAnchor, travel.anchor(end)),
    sequence,
    order: route.order,
    path,
    method: "grid",
  };
}

function tspTour(
  travel: TravelModel,
  start: PlaceRef,
  end: PlaceRef,
  stops: readonly string[],
  withPath: boolean,
): PlannedTour {
  const anchors: Anchor[] = [travel.anchor(start), ...stops.map((s) => travel.anchor(s))];
  const endAnchor = travel.anchor(end);
  const m = stops.length;
  // Node 0 is the start on the way out and the end on the way back.
  const dist = anchors.map((a, i) =>
    anchors.map((b, j) => {
      if (j === 0) return travel.anchorDistanceM(a, endAnchor);
      return i === j ? 0 : travel.anchorDistanceM(a, b);
    }),
  );
  const solved =
    m <= Math.min(EXACT_TOUR_MAX_STOPS, HELD_KARP_MAX_STOPS)
      ? heldKarp(dist)
      : nearestNeighbourTwoOpt(dist);
  const sequence = solved.order.map((k) => stops[k - 1]);
  const path: XY[] = [];
  if (withPath) {
    const places: PlaceRef[] = [start, ...sequence, end];
    for (let k = 1; k < places.length; k++) {
      appendPath(path, travel.path(places[k - 1], places[k]));
    }
  }
  return {
    distanceM: m === 0 ? travel.anchorDistanceM(anchors[0], endAnchor) : solved.costM,
    sequence,
    order: solved.order.map((k) => k - 1),
    path,
    method: "tsp",
  };
}
