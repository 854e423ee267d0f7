/** Small geometry helpers shared by the layout generators. */
import type { Aisle, XY } from "../types.ts";

/** Length of a polyline, metres. */
function polylineLengthM(points: readonly XY[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) {
    sum += Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
  }
  return sum;
}

/** An aisle record with its length filled in. */
export function aisleOf(
  id: string,
  kind: "picking" | "cross",
  points: XY[],
  widthM: number,
  narrow: boolean,
  zone?: string,
  oneWay = false,
): Aisle {
  const aisle: Aisle = {
    id,
    kind,
    points,
    widthM,
    oneWay,
    narrow,
    lengthM: polylineLengthM(points),
  };
  if (zone !== undefined) aisle.zone = zone;
  return aisle;
}

/** Corners (counter-clockwise) of an axis-aligned rectangle. */
export function rectCorners(x: number, y: number, w: number, h: number): [XY, XY, XY, XY] {
  return [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ];
}
