/**
 * Flying-V layout (Gue & Meller 2009): vertical picking aisles between a front and a back
 * cross aisle, plus a V-shaped cross aisle rising from the P&D point at the centre of the
 * front wall towards the side walls, which the picking aisles cross.
 */
import type { FlyingVSpec } from "../spec.ts";
import type { Layout, XY } from "../types.ts";
import {
  type AisleLine,
  buildDesign,
  type DesignGeometry,
  segmentDistance,
} from "./aisleDesign.ts";
import { aisleOf } from "./shared.ts";

/** Geometry of a flying-V storage area of `widthM × depthM`. */
function geometry(spec: FlyingVSpec, widthM: number, depthM: number): DesignGeometry {
  const cw = spec.crossAisleWidthM;
  const pitch = spec.aisleWidthM + 2 * spec.rackDepthM;
  const cx = widthM / 2;
  const yF = cw / 2;
  const yB = depthM - cw / 2;
  const o: XY = [cx, yF];
  let reach = cx - cw / 2;
  if (yF + spec.vSlope * reach > yB) reach = (yB - yF) / spec.vSlope;
  const endL: XY = [cx - reach, yF + spec.vSlope * reach];
  const endR: XY = [cx + reach, yF + spec.vSlope * reach];

  const lines: AisleLine[] = [];
  let v = 0;
  for (let i = -Math.floor(cx / pitch); i <= Math.floor(cx / pitch); i++) {
    v++;
    lines.push({
      id: `A${String(v).padStart(2, "0")}`,
      start: [cx + i * pitch, yF],
      dir: [0, 1],
      lengthM: yB - yF,
      region: "any",
      throughAisle: true,
    });
  }
  // Front and back cross aisles reach every picking aisle.
  const xMin = Math.min(cw / 2, ...lines.map((l) => l.start[0]));
  const xMax = Math.max(widthM - cw / 2, ...lines.map((l) => l.start[0]));
  const half = cw / 2;
  // Side of the V arm a point is on (positive above), for x within the arm's span.
  const side = (p: XY) => p[1] - (yF + spec.vSlope * Math.abs(p[0] - cx));
  const fits = (corners: readonly XY[]) => {
    for (const p of corners) {
      if (p[0] < -1e-9 || p[0] > widthM + 1e-9 || p[1] < cw - 1e-9 || p[1] > depthM - cw + 1e-9) {
        return false;
      }
      if (segmentDistance(p, o, endL) < half || segmentDistance(p, o, endR) < half) return false;
    }
    const inSpan = corners.filter((p) => Math.abs(p[0] - cx) <= reach);
    if (inSpan.length === 0) return true;
    const above = inSpan.map((p) => side(p) > 0);
    return above.every((a) => a === above[0]);
  };
  return {
    lines,
    fits,
    pd: o,
    frontAisle: "X-front",
    crossAisles: [
      aisleOf(
        "X-front",
        "cross",
        [
          [xMin, yF],
          [xMax, yF],
        ],
        cw,
        false,
      ),
      aisleOf(
        "X-back",
        "cross",
        [
          [xMin, yB],
          [xMax, yB],
        ],
        cw,
        false,
      ),
      aisleOf("X-v-left", "cross", [o, endL], cw, false),
      aisleOf("X-v-right", "cross", [o, endR], cw, false),
    ],
  };
}

/** Builds a flying-V layout (sized by width and depth, or by storage slots). */
export function flyingVLayout(spec: FlyingVSpec): Layout {
  return buildDesign(spec, (w, d) => geometry(spec, w, d));
}
