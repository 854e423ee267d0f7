/**
 * Switching a layout spec between the traditional, fishbone and flying-V generators while
 * keeping what the layouts share (storage positions by type, forward area, docks, pack
 * stations), and the storage comparison that checks a switch kept them.
 */
import { fishboneSpecSchema, flyingVSpecSchema, traditionalSpecSchema } from "../layout/index.ts";

/** The parameters each generator takes (from its schema), so a switch keeps only those. */
export const GENERATOR_KEYS: Record<string, Set<string>> = {
  traditional: new Set(Object.keys(traditionalSpecSchema.shape)),
  fishbone: new Set(Object.keys(fishboneSpecSchema.shape)),
  flyingV: new Set(Object.keys(flyingVSpecSchema.shape)),
};

/** Floor positions (one level) of a traditional spec: aisles × 2 sides × bays × slots. */
function traditionalFloorSlots(layout: Record<string, unknown>): number {
  const aisles = Number(layout.aisles ?? 0);
  const bays = Number(layout.baysPerAisle ?? 0);
  const slots = Number(layout.slotsPerBay ?? 2);
  return aisles * 2 * bays * slots;
}

/** A field of a layout that the target generator cannot keep, and why. */
export interface UnkeptField {
  field: string;
  value: unknown;
  why: string;
}

/** Fields of a traditional layout that fishbone and flying-V cannot keep. */
function unkeptByDesign(layout: Record<string, unknown>, generator: string): UnkeptField[] {
  const out: UnkeptField[] = [];
  for (const field of ["returnsPositions", "quarantinePositions"]) {
    if (Number(layout[field] ?? 0) > 0)
      out.push({
        field,
        value: layout[field],
        why: `${generator} has no returns or quarantine area`,
      });
  }
  if (layout.pd !== undefined && layout.pd !== "center")
    out.push({
      field: "pd",
      value: layout.pd,
      why: `${generator} has its P&D point at the centre`,
    });
  return out;
}

/** Forward aisles of a traditional layout (at most its aisles), 0 without a forward area. */
function forwardAislesOf(layout: Record<string, unknown>): number {
  const forward = layout.forward as { aisles?: number } | undefined;
  return forward ? Math.min(Number(forward.aisles ?? 0), Number(layout.aisles ?? 0)) : 0;
}

/** An aisle design from a traditional layout: its reserve floor positions, forward bays, docks. */
function designFromTraditional(
  layout: Record<string, unknown>,
  out: Record<string, unknown>,
): void {
  const bays = Number(layout.baysPerAisle ?? 0);
  const forwardAisles = forwardAislesOf(layout);
  if (layout.forward !== undefined) {
    const { aisles: _aisles, ...racking } = layout.forward as Record<string, unknown>;
    out.forward = { ...racking, bays: Math.max(1, forwardAisles * 2 * bays) };
  }
  if (layout.docks !== undefined) out.docks = layout.docks;
  const reserveAisles = Number(layout.aisles ?? 0) - forwardAisles;
  out.storageSlots = traditionalFloorSlots({ ...layout, aisles: reserveAisles });
}

/** A traditional layout from an aisle design: aisles and bays for its storage, its docks. */
function traditionalFromDesign(
  layout: Record<string, unknown>,
  out: Record<string, unknown>,
): void {
  const slots = Number(layout.storageSlots ?? 0);
  const perBay = 2 * Number(layout.slotsPerBay ?? 2);
  const aisles = Number(layout.aisles ?? Math.max(1, Math.round(Math.sqrt(slots / perBay / 2))));
  const forward = layout.forward as Record<string, unknown> | undefined;
  // Forward aisles and bays per aisle depend on each other: settle them in a few rounds.
  let forwardAisles = 0;
  let bays = 1;
  for (let round = 0; round < 6; round++) {
    bays = Math.max(1, Math.ceil(slots / (Math.max(1, aisles - forwardAisles) * perBay)));
    if (forward) forwardAisles = Math.max(1, Math.round(Number(forward.bays) / (2 * bays)));
  }
  const reserveAisles = Math.max(1, aisles - forwardAisles);
  out.aisles = reserveAisles + forwardAisles;
  out.baysPerAisle = Math.max(1, Math.ceil(slots / (reserveAisles * perBay)));
  if (forward) {
    const { bays: _bays, ...racking } = forward;
    out.forward = { ...racking, aisles: forwardAisles };
  }
  const doors = Number(layout.doorsPerSide ?? 1);
  out.docks = layout.docks ?? {
    flow: "U",
    inbound: doors,
    outbound: doors,
    stagingLanesPerDoor: 0,
  };
}

/**
 * Switches a layout spec to another generator keeping what the layouts share: storage
 * positions by type (an aisle design gets the traditional layout's reserve floor positions
 * at the same levels, slots, location type and capacity, and its forward aisles' bays as
 * forward bays nearest the P&D point), pack stations, dock doors by flow and staging lanes.
 * Fields the target generator cannot keep come back in `unkept` (the caller refuses the
 * spec); the generators' own shape parameters (cross aisles, aspect ratio, V slope) are not
 * kept.
 */
export function convertGenerator(
  layout: Record<string, unknown>,
  generator: string,
): { layout: Record<string, unknown>; unkept: UnkeptField[] } {
  if (layout.generator === generator) return { layout, unkept: [] };
  const keys = GENERATOR_KEYS[generator];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(layout)) {
    if (keys.has(k) && k !== "forward" && k !== "docks") out[k] = v;
  }
  out.generator = generator;
  const unkept: UnkeptField[] = [];
  if (generator === "traditional") {
    if (layout.widthM !== undefined)
      unkept.push({
        field: "widthM",
        value: layout.widthM,
        why: "traditional is sized by aisles and bays",
      });
    traditionalFromDesign(layout, out);
    return { layout: out, unkept };
  }
  if (layout.generator === "traditional") {
    unkept.push(...unkeptByDesign(layout, generator));
    designFromTraditional(layout, out);
    return { layout: out, unkept };
  }
  // Between the aisle designs everything they share is kept as it is.
  for (const k of ["forward", "docks"]) if (layout[k] !== undefined) out[k] = layout[k];
  if (layout.storageSlots !== undefined && out.widthM === undefined)
    out.storageSlots = layout.storageSlots;
  return { layout: out, unkept };
}

/** Storage locations by type of a built layout. */
export function locationsByType(layout: {
  locations: readonly { type: string }[];
}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of layout.locations) out[l.type] = (out[l.type] ?? 0) + 1;
  return out;
}

/**
 * Why two layouts' storage differs by more than `tolerance` (a share) in some location
 * type, counted in positions (locations at every level); undefined when within it.
 */
export function storageDifference(
  from: Record<string, number>,
  to: Record<string, number>,
  tolerance: number,
): string | undefined {
  for (const type of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const a = from[type] ?? 0;
    const b = to[type] ?? 0;
    if (Math.abs(b - a) > tolerance * Math.max(a, 1))
      return `${b} ${type} positions against ${a} before the generator switch (tolerance ${tolerance * 100} %)`;
  }
  return undefined;
}
