import { describe, expect, it } from "vitest";
import { checkLayout } from "../../web/src/app/runData.ts";

describe("checkLayout()", () => {
  it("names every missing or bad field of layout.json, file: path: value (expected)", () => {
    expect(checkLayout({ widthM: 0, depthM: "9", racks: {} })).toEqual([
      "layout.json: widthM: 0 (a positive number of metres)",
      'layout.json: depthM: "9" (a positive number of metres)',
      "layout.json: zones: missing (an array)",
      "layout.json: aisles: missing (an array)",
      "layout.json: crossAisles: missing (an array)",
      "layout.json: racks: {} (an array)",
      "layout.json: locations: missing (an array)",
      "layout.json: docks: missing (an array)",
      "layout.json: stagingLanes: missing (an array)",
      "layout.json: packStations: missing (an array)",
      "layout.json: pdPoints: missing (an array)",
    ]);
    expect(checkLayout([1], "b/layout.json")[0]).toBe(
      "b/layout.json: widthM: missing (a positive number of metres)",
    );
    expect(checkLayout(null)).toEqual(["layout.json: not an object (a Layout)"]);
  });

  it("accepts a complete layout", () => {
    const empty = { zones: [], aisles: [], crossAisles: [], racks: [], locations: [] };
    const rest = { docks: [], stagingLanes: [], packStations: [], pdPoints: [] };
    expect(checkLayout({ widthM: 10, depthM: 5, ...empty, ...rest })).toEqual([]);
  });
});
