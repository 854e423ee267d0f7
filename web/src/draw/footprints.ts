/**
 * Location footprints for drawing: the locations of a rack that share a floor position
 * (levels stacked above each other) become one footprint polygon on the rack's face.
 */
import type { Layout, Location, Rack, XY } from "../../../src/layout/types.ts";

/** One floor position of a rack and the locations stacked on it. */
export interface Footprint {
  /** `rack:bay:slot`. */
  key: string;
  rack: string;
  aisle: string;
  /** Polygon corners in layout metres. */
  corners: XY[];
  /** Centre, m. */
  x: number;
  y: number;
  /** Location ids on this footprint, lowest level first. */
  locations: string[];
}

function rackAxes(rack: Rack): { along: XY; across: XY; lengthM: number; depthM: number } {
  const [a, b, , d] = rack.corners;
  const ab: XY = [b[0] - a[0], b[1] - a[1]];
  const ad: XY = [d[0] - a[0], d[1] - a[1]];
  const lab = Math.hypot(ab[0], ab[1]);
  const lad = Math.hypot(ad[0], ad[1]);
  // The long side is the run of bays; the short side is the rack depth.
  return lab >= lad
    ? {
        along: [ab[0] / lab, ab[1] / lab],
        across: [ad[0] / lad, ad[1] / lad],
        lengthM: lab,
        depthM: lad,
      }
    : {
        along: [ad[0] / lad, ad[1] / lad],
        across: [ab[0] / lab, ab[1] / lab],
        lengthM: lad,
        depthM: lab,
      };
}

/** Groups `layout.locations` into footprints on their racks (locations without a rack get a 1 m square). */
export function locationFootprints(layout: Pick<Layout, "racks" | "locations">): Footprint[] {
  const racks = new Map(layout.racks.map((r) => [r.id, r] as const));
  const groups = new Map<string, Location[]>();
  for (const loc of layout.locations) {
    const key = `${loc.address.rack}:${loc.address.bay}:${loc.address.slot}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(loc);
  }
  // Positions per rack along its axis, to size each footprint by its rack's bay count.
  const perRack = new Map<string, number>();
  for (const [key, locs] of groups) {
    const r = locs[0].address.rack;
    perRack.set(r, (perRack.get(r) ?? 0) + (key ? 1 : 0));
  }
  const out: Footprint[] = [];
  for (const [key, locs] of groups) {
    locs.sort((p, q) => p.level - q.level);
    const loc = locs[0];
    const rack = racks.get(loc.address.rack);
    let corners: XY[];
    if (rack) {
      const { along, across, lengthM, depthM } = rackAxes(rack);
      const n = Math.max(1, perRack.get(rack.id) ?? 1);
      const hl = (lengthM / n / 2) * 0.92;
      const hd = (depthM / 2) * 0.9;
      const c = (sa: number, sd: number): XY => [
        loc.x + along[0] * hl * sa + across[0] * hd * sd,
        loc.y + along[1] * hl * sa + across[1] * hd * sd,
      ];
      corners = [c(-1, -1), c(1, -1), c(1, 1), c(-1, 1)];
    } else {
      corners = [
        [loc.x - 0.5, loc.y - 0.5],
        [loc.x + 0.5, loc.y - 0.5],
        [loc.x + 0.5, loc.y + 0.5],
        [loc.x - 0.5, loc.y + 0.5],
      ];
    }
    out.push({
      key,
      rack: loc.address.rack,
      aisle: loc.aisle,
      corners,
      x: loc.x,
      y: loc.y,
      locations: locs.map((l) => l.id),
    });
  }
  return out;
}
