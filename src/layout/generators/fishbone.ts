/**
 * Fishbone layout (Gue & Meller 2009): two diagonal cross aisles run from the P&D point at
 * the centre of the front wall to the back corners; picking aisles below the diagonals run
 * parallel to the front wall, those above run away from it, all ending on a diagonal.
 */
import type { FishboneSpec } from "../spec.ts";
import type { Layout, XY } from "../types.ts";
import { type AisleLine, buildDesign, type DesignGeometry } from "./aisleDesign.ts";
import { aisleOf } from "./shared.ts";

/** Geometry of a fishbone storage area of `widthM × depthM`. */
function geometry(spec: FishboneSpec, widthM: number, depthM: number): DesignGeometry {
  const cw = spec.crossAisleWidthM;
  const pitch = spec.aisleWidthM + 2 * spec.rackDepthM;
  const cx = widthM / 2;
  const yB = depthM - cw / 2;
  const o: XY = [cx, 0];
  const endL: XY = [cw / 2, yB];
  const endR: XY = [widthM - cw / 2, yB];
  // Horizontal run of a diagonal per metre of height.
  const run = (cx - cw / 2) / yB;
  const armLen = Math.hypot(cx - cw / 2, yB);
  // Signed distance above the left / right diagonal (positive towards the back wall).
  const aboveL = (p: XY) => ((p[1] - o[1]) * (cx - cw / 2) + (p[0] - cx) * yB) / armLen;
  const aboveR = (p: XY) => ((p[1] - o[1]) * (cx - cw / 2) - (p[0] - cx) * yB) / armLen;

  const lines: AisleLine[] = [];
  let v = 0;
  for (let i = -Math.floor(cx / pitch); i <= Math.floor(cx / pitch); i++) {
    const x = cx + i * pitch;
    const y0 = Math.abs(x - cx) / run;
    if (yB - y0 < spec.bayWidthM) continue;
    v++;
    lines.push({
      id: `V${String(v).padStart(2, "0")}`,
      start: [x, y0],
      dir: [0, 1],
      lengthM: yB - y0,
      region: "upper",
      throughAisle: true,
    });
  }
  let h = 0;
  for (let y = spec.rackDepthM + spec.aisleWidthM / 2; y < yB; y += pitch) {
    const xa = cx - y * run;
    if (xa < spec.bayWidthM) break;
    h++;
    const id = String(h).padStart(2, "0");
    lines.push({
      id: `HL${id}`,
      start: [xa, y],
      dir: [-1, 0],
      lengthM: xa,
      region: "left",
      throughAisle: false,
    });
    lines.push({
      id: `HR${id}`,
      start: [widthM - xa, y],
      dir: [1, 0],
      lengthM: xa,
      region: "right",
      throughAisle: false,
    });
  }
  const half = cw / 2;
  const fits = (corners: readonly XY[], region: string) =>
    corners.every((p) => {
      if (p[0] < -1e-9 || p[0] > widthM + 1e-9 || p[1] < -1e-9 || p[1] > depthM - cw + 1e-9)
        return false;
      if (region === "upper") return aboveL(p) >= half && aboveR(p) >= half;
      if (region === "left") return p[0] <= cx && aboveL(p) <= -half;
      return p[0] >= cx && aboveR(p) <= -half;
    });
  return {
    lines,
    fits,
    pd: o,
    crossAisles: [
      aisleOf("X-diagonal-left", "cross", [o, endL], cw, false),
      aisleOf("X-diagonal-right", "cross", [o, endR], cw, false),
      aisleOf("X-back", "cross", [endL, endR], cw, false),
    ],
  };
}

/** Builds a fishbone layout (sized by width and depth, or by storage slots). */
export function fishboneLayout(spec: FishboneSpec): Layout {
  return buildDesign(spec, (w, d) => geometry(spec, w, d));
}
