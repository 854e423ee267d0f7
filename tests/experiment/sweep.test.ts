import { describe, expect, it } from "vitest";
import { InputError } from "../../src/common/inputError.ts";
import { createMathSandbox } from "../../src/experiment/mathSandbox.ts";
import { checkPath, getPath, setPath } from "../../src/experiment/scenarioPath.ts";
import { buildGrid, dropFloatNoise, parseSetOption } from "../../src/experiment/sweep.ts";

const scenario = {
  seed: 1,
  outbound: { ordersPerDay: 3000, picking: { method: "single", batchSize: 6, routing: "sShape" } },
  workforce: { roles: { picker: { crews: [{ shift: "day", headcount: 5 }] } } },
  inbound: { enabled: true },
};

function grid(...sets: string[]) {
  return buildGrid(
    scenario,
    sets.map((s) => parseSetOption(s)),
  );
}

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error("no InputError");
}

describe("scenario paths", () => {
  it("getPath() and setPath() follow dots and [i], and setPath() never mutates", () => {
    expect(getPath(scenario, "workforce.roles.picker.crews[0].headcount")).toBe(5);
    const next = setPath(scenario, "workforce.roles.picker.crews.0.headcount", 8);
    expect(getPath(next, "workforce.roles.picker.crews[0].headcount")).toBe(8);
    expect(scenario.workforce.roles.picker.crews[0].headcount).toBe(5);
  });
  it("checkPath() names the missing step with a suggestion", () => {
    const [issue] = checkPath(scenario, "outbound.ordersPerDya");
    expect(issue.value).toBe("ordersPerDya");
    expect(issue.expected).toMatch(/did you mean ordersPerDay/);
    expect(checkPath(scenario, "outbound.picking")[0].expected).toMatch(/not an object/);
    expect(checkPath(scenario, "outbound.__proto__.x")[0].value).toBe("__proto__");
  });
});

describe("--set values kept exactly", () => {
  it("buildGrid() keeps a large integer seed exactly and refuses one a double would round", () => {
    expect(grid("seed=9007199254740991").points[0].settings.seed).toBe(9007199254740991);
    expect(grid("seed=123456789012345").points[0].settings.seed).toBe(123456789012345);
    expect(grid("seed=9007199254740990:9007199254740991").axes[0].values).toEqual([
      9007199254740990, 9007199254740991,
    ]);
    const [issue] = issuesOf(() => grid("seed=9007199254740993"));
    expect(issue).toMatchObject({ file: "--set", path: "seed", value: "9007199254740993" });
    expect(issue.expected).toBe(
      "integers up to 9007199254740991 (a larger one, 9007199254740993, would be rounded)",
    );
    expect(issuesOf(() => grid("seed=2*90071992547409930"))[0].path).toBe("seed");
  });

  it("dropFloatNoise() rounds float noise only", () => {
    expect(dropFloatNoise(3000 * 1.1 ** 2)).toBe(3630);
    expect(dropFloatNoise(0.1 + 0.2)).toBe(0.3);
    expect(dropFloatNoise(1234567890123.5)).toBe(1234567890123.5);
    expect(dropFloatNoise(9007199254740991)).toBe(9007199254740991);
    expect(dropFloatNoise(-0.30000000000000004)).toBe(-0.3);
  });
});

describe("buildGrid()", () => {
  it("buildGrid() takes the cartesian product, first --set slowest", () => {
    const { points, axes } = grid(
      "outbound.ordersPerDay=1000,2000",
      "outbound.picking.routing=sShape,largestGap",
    );
    expect(points.map((p) => p.id)).toEqual([
      "outbound.ordersPerDay=1000,outbound.picking.routing=sShape",
      "outbound.ordersPerDay=1000,outbound.picking.routing=largestGap",
      "outbound.ordersPerDay=2000,outbound.picking.routing=sShape",
      "outbound.ordersPerDay=2000,outbound.picking.routing=largestGap",
    ]);
    expect(points[3].scenario.outbound.picking.routing).toBe("largestGap");
    expect(points[3].scenario.outbound.ordersPerDay).toBe(2000);
    expect(axes.map((a) => a.values)).toEqual([
      [1000, 2000],
      ["sShape", "largestGap"],
    ]);
  });

  it("buildGrid() evaluates expressions with sweep variables and base", () => {
    const { points } = grid("k=0:2", "outbound.ordersPerDay=3000*1.1^k");
    expect(points.map((p) => p.scenario.outbound.ordersPerDay)).toEqual([3000, 3300, 3630]);
    expect(points[2].variables).toEqual({ k: 2 });
    expect(points[2].settings).toEqual({ "outbound.ordersPerDay": 3630 });
    const scaled = grid("outbound.ordersPerDay=base*1.3,max(base, 100)/2");
    expect(scaled.points.map((p) => p.scenario.outbound.ordersPerDay)).toEqual([3900, 1500]);
  });

  it("buildGrid() expands ranges with steps", () => {
    const { points } = grid("workforce.roles.picker.crews[0].headcount=4:2:10");
    expect(points.map((p) => p.settings["workforce.roles.picker.crews[0].headcount"])).toEqual([
      4, 6, 8, 10,
    ]);
  });

  it("buildGrid() reads booleans literally and refuses other words", () => {
    expect(
      grid("inbound.enabled=true,false").points.map((p) => p.scenario.inbound.enabled),
    ).toEqual([true, false]);
    expect(issuesOf(() => grid("inbound.enabled=yes"))[0].expected).toBe("true or false");
  });

  it("buildGrid() collects every bad --set at once", () => {
    const issues = issuesOf(() =>
      grid(
        "outbound.ordersPerDya=1",
        "outbound.ordersPerDay=import(1)",
        "workforce.roles=1",
        "outbound.picking.batchSize=n*2",
      ),
    );
    expect(issues).toHaveLength(4);
    expect(issues.map((i) => i.path)).toEqual([
      "outbound.ordersPerDya",
      "outbound.ordersPerDay",
      "workforce.roles",
      "outbound.picking.batchSize",
    ]);
    expect(issues[1].expected).toMatch(/not allowed/);
    expect(issues[3].expected).toMatch(/n is unknown/);
  });

  it("buildGrid() passes each point to validate() and reports its problems", () => {
    const issues = issuesOf(() =>
      buildGrid(scenario, [parseSetOption("outbound.ordersPerDay=-5,5")], (s, id) =>
        s.outbound.ordersPerDay < 0
          ? [
              {
                file: id,
                path: "outbound.ordersPerDay",
                value: s.outbound.ordersPerDay,
                expected: ">= 0",
              },
            ]
          : [],
      ),
    );
    expect(issues).toEqual([
      {
        file: "outbound.ordersPerDay=-5",
        path: "outbound.ordersPerDay",
        value: -5,
        expected: ">= 0",
      },
    ]);
  });

  it("parseSetOption() splits values at top-level commas only", () => {
    expect(parseSetOption("a.b=max(1,2),3").values).toEqual(["max(1,2)", "3"]);
    expect(() => parseSetOption("a.b=")).toThrow(InputError);
    expect(() => parseSetOption("=1")).toThrow(InputError);
    expect(() => parseSetOption("a.b=1,,2")).toThrow(InputError);
  });
});

describe("buildGrid() on arbitrary input", () => {
  it("any --set text yields a grid or an InputError, never another exception (property)", async () => {
    const fc = (await import("fast-check")).default;
    const math = createMathSandbox();
    const paths = [
      "outbound.ordersPerDay",
      "outbound.picking.routing",
      "inbound.enabled",
      "k",
      "a.b",
      "x",
      "__proto__.y",
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...paths),
            fc.array(
              fc.oneof(
                fc.string({ maxLength: 12 }),
                fc.constantFrom("1", "base*2", "k^2", "1:3", "max(1,2)", "a.b", "(", "import(1)"),
              ),
              {
                minLength: 1,
                maxLength: 3,
              },
            ),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        (sets) => {
          try {
            const { points } = buildGrid(
              scenario,
              sets.map(([path, values]) => parseSetOption(`${path}=${values.join(",")}`)),
              undefined,
              math,
            );
            for (const p of points) expect(typeof p.id).toBe("string");
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });
});
