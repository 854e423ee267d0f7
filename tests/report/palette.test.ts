import { describe, expect, it } from "vitest";
import {
  FILL_COLORS,
  fillStyle,
  LINE_COLORS,
  lightness,
  lineStyle,
} from "../../web/src/charts/palette.ts";

describe("chart palette", () => {
  it("lightness() gives L* 0 for black and 100 for white", () => {
    expect(lightness("#000000")).toBeCloseTo(0, 6);
    expect(lightness("#ffffff")).toBeCloseTo(100, 6);
  });

  it("line colours differ by at least 10 L* from each other (readable in greyscale)", () => {
    const l = LINE_COLORS.map(lightness);
    for (let i = 0; i < l.length; i++)
      for (let j = i + 1; j < l.length; j++)
        expect(Math.abs(l[i] - l[j])).toBeGreaterThanOrEqual(10);
  });

  it("neighbouring fill colours differ by at least 15 L*", () => {
    const l = FILL_COLORS.map(lightness);
    for (let i = 1; i < l.length; i++) expect(Math.abs(l[i] - l[i - 1])).toBeGreaterThanOrEqual(15);
  });

  it("lineStyle() gives each of the first 30 series a distinct colour, dash and marker", () => {
    const keys = new Set(Array.from({ length: 30 }, (_, i) => JSON.stringify(lineStyle(i))));
    expect(keys.size).toBe(30);
  });

  it("fillStyle() gives the first 64 series distinct colour and hatch pairs", () => {
    const keys = new Set(
      Array.from({ length: 64 }, (_, i) => `${fillStyle(i).color} ${fillStyle(i).hatch}`),
    );
    expect(keys.size).toBe(64);
  });
});
