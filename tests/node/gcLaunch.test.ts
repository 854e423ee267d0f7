import { describe, expect, it } from "vitest";
import {
  gcFlagsFor,
  relaunchFlags,
  SINGLE_THREADED_GC,
  workersArgument,
} from "../../src/node/gcLaunch.ts";

describe("gcFlagsFor", () => {
  it("keeps V8's helper threads while a core is left over, and drops them once workers fill the cores", () => {
    expect(gcFlagsFor(1, 2)).toEqual([]);
    expect(gcFlagsFor(3, 8)).toEqual([]);
    expect(gcFlagsFor(2, 2)).toEqual([SINGLE_THREADED_GC]);
    expect(gcFlagsFor(4, 2)).toEqual([SINGLE_THREADED_GC]);
    expect(gcFlagsFor(1, 1)).toEqual([SINGLE_THREADED_GC]);
  });
});

describe("workersArgument", () => {
  it("reads both spellings, says when it is absent, and leaves a bad value to the command", () => {
    expect(workersArgument(["run", "--workers", "3"])).toBe(3);
    expect(workersArgument(["run", "--workers=4", "--seed", "2"])).toBe(4);
    expect(workersArgument(["run", "--seed", "2"])).toBe("absent");
    expect(workersArgument(["run", "--workers", "two"])).toBeUndefined();
    expect(workersArgument(["run", "--workers"])).toBeUndefined();
    expect(workersArgument(["run", "--workers=-1"])).toBeUndefined();
  });
});

describe("relaunchFlags", () => {
  const none: string[] = [];
  it("relaunches pool commands whose workers fill the cores (the default is one per core)", () => {
    expect(relaunchFlags(["run"], none, 2)).toEqual([SINGLE_THREADED_GC]);
    expect(relaunchFlags(["compare", "a.yaml", "b.yaml"], none, 2)).toEqual([SINGLE_THREADED_GC]);
    expect(relaunchFlags(["sweep", "a.yaml", "--workers=2"], none, 2)).toEqual([
      SINGLE_THREADED_GC,
    ]);
    expect(relaunchFlags(["optimize", "spec.yaml", "--workers", "8"], none, 2)).toEqual([
      SINGLE_THREADED_GC,
    ]);
    expect(relaunchFlags(["staff", "s.yaml"], none, 4)).toEqual([SINGLE_THREADED_GC]);
  });

  it("does not relaunch with fewer workers than cores, other commands, help, bad values or twice", () => {
    expect(relaunchFlags(["run", "--workers", "1"], none, 2)).toEqual([]);
    expect(relaunchFlags(["compare", "a", "b", "--workers", "3"], none, 4)).toEqual([]);
    expect(relaunchFlags(["validate", "s.yaml"], none, 2)).toEqual([]);
    expect(relaunchFlags(["view", "results"], none, 2)).toEqual([]);
    expect(relaunchFlags([], none, 2)).toEqual([]);
    expect(relaunchFlags(["--version"], none, 2)).toEqual([]);
    expect(relaunchFlags(["run", "--help"], none, 2)).toEqual([]);
    expect(relaunchFlags(["run", "--workers", "lots"], none, 2)).toEqual([]);
    expect(relaunchFlags(["run"], ["--enable-source-maps", SINGLE_THREADED_GC], 2)).toEqual([]);
  });
});
