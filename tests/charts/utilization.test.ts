import { describe, expect, it } from "vitest";
import { shiftWindows } from "../../web/src/charts/data/shiftWindows.ts";
import {
  utilizationPerBucket,
  utilizationPerShift,
} from "../../web/src/charts/data/utilization.ts";

const H = 3600;
const shifts = {
  day: { start: "06:00", end: "14:30", days: ["mon"] },
  late: { start: "14:00", end: "22:30", days: ["mon"] },
};
/** A day-shift picker busy 06:00–10:00 and idle to 14:30; a late picker busy 14:00–16:00. */
const workers = [
  {
    id: "p1",
    role: "picker",
    t: [0, 6 * H, 10 * H, 14.5 * H],
    states: ["off-shift", "handling", "idle", "off-shift"],
  },
  {
    id: "p2",
    role: "picker",
    t: [0, 14 * H, 16 * H, 22.5 * H],
    states: ["off-shift", "travelling", "idle", "off-shift"],
  },
  {
    id: "r1",
    role: "receiver",
    t: [0, 6 * H, 14.5 * H],
    states: ["off-shift", "idle", "off-shift"],
  },
];

describe("utilisation from worker states", () => {
  it("utilizationPerShift() counts each worker in its own shift, not the overlapping half hour", () => {
    const u = utilizationPerShift(workers, shiftWindows(shifts, 0, 86_400));
    expect(u.shifts).toEqual(["day", "late"]);
    const picker = u.roles.find((r) => r.role === "picker")!;
    expect(picker.shares[0]).toBeCloseTo(4 / 8.5, 9);
    expect(picker.shares[1]).toBeCloseTo(2 / 8.5, 9);
    // The receiver works days only: no late-shift value from the 14:00–14:30 handover.
    const receiver = u.roles.find((r) => r.role === "receiver")!;
    expect(receiver.shares[0]).toBe(0);
    expect(receiver.shares[1]).toBeNaN();
  });

  it("utilizationPerBucket() gives the busy share of time on shift per hour, NaN off shift", () => {
    const [picker] = utilizationPerBucket(workers, { fromS: 0, toS: 24 * H });
    const at = (h: number) => picker.points.find((p) => p[0] === h)![1];
    expect(at(3)).toBeNaN();
    expect(at(7)).toBe(1);
    expect(at(11)).toBe(0);
    // 14:00–15:00: p1 idle 30 min on shift, p2 busy 60 min → 60 / 90.
    expect(at(14)).toBeCloseTo(60 / 90, 9);
  });
});
