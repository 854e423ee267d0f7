import { describe, expect, it } from "vitest";

describe("queueAnchors(), congestionByAisle()", async () => {
  const { congestionByAisle, queueAnchors } = await import("../../web/src/app/mapView.ts");
  const layout = {
    docks: [
      { id: "IN1", kind: "inbound", x: 10, y: 0, widthM: 3 },
      { id: "OUT1", kind: "outbound", x: 30, y: 0, widthM: 3 },
      { id: "OUT2", kind: "outbound", x: 40, y: 0, widthM: 3 },
    ],
    packStations: [
      { id: "PK1", x: 20, y: 2 },
      { id: "PK2", x: 24, y: 2 },
    ],
    stagingLanes: [],
    pdPoints: [{ id: "PD", x: 5, y: 4 }],
    aisles: [{ id: "A1" }, { id: "A10" }],
    crossAisles: [{ id: "X-front" }],
  } as any;
  const series = { t: new Float64Array(0), v: new Float64Array(0) };

  it("places a queue at the id in its name, else by what it feeds", () => {
    const trace = {
      queues: { "pack:PK2": series, loaderTasks: series, pickerTasks: series, misc: series },
    } as any;
    const anchors = Object.fromEntries(queueAnchors(layout, trace).map((a) => [a.name, a]));
    expect(anchors["pack:PK2"]).toMatchObject({ label: "PK2", x: 24, y: 2 });
    // Loading waits at the outbound doors: their centre x = (30 + 40) / 2, 1.5 m inside.
    expect(anchors.loaderTasks).toMatchObject({ label: "load", x: 35, y: 1.5 });
    expect(anchors.pickerTasks).toMatchObject({ label: "pick", x: 5, y: 4 });
    expect(anchors.misc).toBeUndefined();
  });

  it("shows a staging lane's pallets and its blocked packers at the lane, or at the door without lanes", () => {
    const lanes = {
      ...layout,
      stagingLanes: [{ id: "OUT1-S1", dock: "OUT1", kind: "outbound", x: 30, y: 6 }],
    };
    const trace = {
      queues: {
        "staging:OUT1-S1": series,
        "stagingBlocked:OUT1-S1": series,
        "staging:OUT2": series,
      },
    } as any;
    const anchors = Object.fromEntries(queueAnchors(lanes, trace).map((a) => [a.name, a]));
    expect(anchors["staging:OUT1-S1"]).toMatchObject({ label: "OUT1-S1", x: 30, y: 6 });
    expect(anchors["stagingBlocked:OUT1-S1"]).toMatchObject({ label: "OUT1-S1", x: 30, y: 6 });
    expect(anchors["staging:OUT2"]).toMatchObject({ label: "OUT2", x: 40, y: 1.5 });
  });

  it("sums waits per aisle, mapping segment keys to their aisle", () => {
    const trace = {
      congestion: {
        A1: { waitS: 5, count: 1 },
        "A1:2": { waitS: 2.5, count: 1 },
        "A10#1": { waitS: 4, count: 2 },
        ZZ: { waitS: 9, count: 1 },
      },
    } as any;
    expect(congestionByAisle(layout, trace)).toEqual({ A1: 7.5, A10: 4 });
  });
});
