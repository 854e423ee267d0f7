import { describe, expect, it } from "vitest";
import { InputError } from "../../src/common/inputError.ts";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import {
  convertGenerator,
  enumerateCandidates,
  optimizeLayout,
  screenCandidates,
} from "../../src/optimize/layoutSearch.ts";
import { parseOptimizeSpec } from "../../src/optimize/optimizeSpec.ts";
import { runUnitLoadModel } from "../../src/optimize/unitLoadModel.ts";
import { checkScenario, type Scenario } from "../../src/scenario/index.ts";

const tinyFile = new URL("../experiment/fixtures/tiny.yaml", import.meta.url).pathname;

/** The tiny DC with a plain unit-load reserve (no forward area): 8 aisles × 10 bays. */
function unitLoadBase(): Scenario {
  const s = readScenarioFile(tinyFile);
  const { forward: _forward, ...layout } = s.layout as Record<string, unknown>;
  return checkScenario({ ...s, layout: { ...layout, aisles: 8, baysPerAisle: 10 } });
}

const spec = (data: Record<string, unknown>) =>
  parseOptimizeSpec({ scenario: "tiny.yaml", ...data }, "spec.yaml");

describe("layout search", () => {
  it("convertGenerator() keeps the floor positions, levels and doors of the traditional layout", () => {
    const fish = convertGenerator(
      {
        generator: "traditional",
        name: "x",
        aisles: 8,
        baysPerAisle: 10,
        slotsPerBay: 2,
        crossAisles: 1,
        levels: 3,
        packStations: 2,
        docks: { flow: "U", inbound: 3, outbound: 3, stagingLanesPerDoor: 0 },
      },
      "fishbone",
    );
    expect(fish).toEqual({
      layout: {
        generator: "fishbone",
        name: "x",
        slotsPerBay: 2,
        levels: 3,
        packStations: 2,
        docks: { flow: "U", inbound: 3, outbound: 3, stagingLanesPerDoor: 0 },
        storageSlots: 8 * 2 * 10 * 2,
      },
      unkept: [],
    });
  });

  it("convertGenerator() keeps the forward area as bays and the docks by flow", () => {
    const docks = { flow: "I", inbound: 2, outbound: 3, stagingLanesPerDoor: 1 };
    const { layout, unkept } = convertGenerator(
      {
        generator: "traditional",
        name: "x",
        aisles: 8,
        baysPerAisle: 10,
        slotsPerBay: 2,
        forward: { aisles: 2, levels: 5, slotsPerBay: 4 },
        docks,
      },
      "flyingV",
    );
    expect(unkept).toEqual([]);
    // 2 forward aisles × 2 sides × 10 bays; the reserve's 6 aisles × 2 × 10 × 2 floor slots.
    expect(layout.forward).toEqual({ levels: 5, slotsPerBay: 4, bays: 40 });
    expect(layout.storageSlots).toBe(6 * 2 * 10 * 2);
    expect(layout.docks).toEqual(docks);
    const back = convertGenerator({ ...layout, aisles: 8 }, "traditional").layout;
    expect(back.forward).toEqual({ levels: 5, slotsPerBay: 4, aisles: 2 });
    expect([back.aisles, back.baysPerAisle]).toEqual([8, 10]);
    expect(back.docks).toEqual(docks);
  });

  it("convertGenerator() names every field the target generator cannot keep", () => {
    const { unkept } = convertGenerator(
      {
        generator: "traditional",
        name: "x",
        aisles: 8,
        baysPerAisle: 10,
        forward: { aisles: 2 },
        returnsPositions: 4,
        pd: "left",
        docks: { flow: "I", inbound: 2, outbound: 3, stagingLanesPerDoor: 1 },
      },
      "flyingV",
    );
    expect(unkept.map((u) => u.field)).toEqual(["returnsPositions", "pd"]);
  });

  it("a warehouse spec whose generator switch would drop a field is refused (exit 2 material)", () => {
    const tiny = readScenarioFile(tinyFile);
    const base = checkScenario({
      ...tiny,
      layout: { ...tiny.layout, returnsPositions: 4, pd: "left" },
    });
    const attempt = () =>
      enumerateCandidates(
        base,
        spec({ space: { "layout.generator": ["traditional", "fishbone"] } }),
        "spec.yaml",
      );
    expect(attempt).toThrow(InputError);
    try {
      attempt();
    } catch (error) {
      const issues = (error as InputError).issues;
      expect(issues.map((i) => i.path)).toEqual([
        "space.layout.generator[1]",
        "space.layout.generator[1]",
      ]);
      expect(issues[0].expected).toMatch(/keeps layout\.returnsPositions = 4/);
      expect(issues[1].expected).toMatch(/keeps layout\.pd = "left"/);
    }
  });

  it("switching generators keeps the storage positions by type within the tolerance", () => {
    const base = unitLoadBase();
    const all = enumerateCandidates(
      base,
      spec({
        model: "unitLoad",
        space: { "layout.generator": ["traditional", "fishbone", "flyingV"] },
      }),
    );
    const kept = screenCandidates(all, spec({ model: "unitLoad" }));
    expect(kept).toHaveLength(3);
    const pallets = kept.map((c) => c.metrics!.locationsByType.pallet);
    // 8 aisles × 2 sides × 10 bays × 2 slots × 3 levels = 960 positions, within 3 %.
    for (const n of pallets) expect(Math.abs(n - 960)).toBeLessThanOrEqual(0.03 * 960);
    // A tolerance of zero refuses any difference, with the reason.
    const strict = screenCandidates(
      enumerateCandidates(
        base,
        spec({
          model: "unitLoad",
          space: { "layout.generator": ["traditional", "fishbone", "flyingV"] },
        }),
      ),
      spec({ model: "unitLoad", storageTolerance: 0 }),
    );
    const differing = pallets.filter((n) => n !== 960).length;
    expect(strict).toHaveLength(3 - differing);
  });

  it("enumerateCandidates() merges settings that do not apply (routing off the aisle grid)", () => {
    const all = enumerateCandidates(
      unitLoadBase(),
      spec({
        model: "unitLoad",
        space: {
          "layout.generator": ["traditional", "fishbone"],
          "layout.crossAisles": [0, 1],
          "outbound.picking.routing": ["sShape", "largestGap"],
        },
      }),
    );
    // traditional: 2 cross-aisle options × 2 routings; fishbone takes neither: one candidate.
    expect(all.map((c) => c.id)).toEqual([
      "generator=traditional,crossAisles=0,routing=sShape",
      "generator=traditional,crossAisles=0,routing=largestGap",
      "generator=traditional,crossAisles=1,routing=sShape",
      "generator=traditional,crossAisles=1,routing=largestGap",
      "generator=fishbone,crossAisles=n/a,routing=n/a",
    ]);
  });

  it("enumerateCandidates() refuses unknown space keys with suggestions", () => {
    expect(() =>
      enumerateCandidates(
        unitLoadBase(),
        spec({
          space: {
            "layout.aisels": [4],
            "outbound.picking.routng": ["sShape"],
            waveIntervalMin: [3],
          },
        }),
      ),
    ).toThrow(InputError);
    try {
      enumerateCandidates(
        unitLoadBase(),
        spec({
          space: {
            "layout.aisels": [4],
            "outbound.picking.routng": ["sShape"],
            waveIntervalMin: [3],
          },
        }),
      );
    } catch (error) {
      const issues = (error as InputError).issues;
      expect(issues).toHaveLength(3);
      expect(issues[0].expected).toMatch(/did you mean aisles/);
      expect(issues[1].expected).toMatch(/did you mean routing/);
    }
  });

  it("screenCandidates() applies footprint and capacity constraints", () => {
    const all = enumerateCandidates(
      unitLoadBase(),
      spec({ space: { "layout.aisles": [4, 8] }, constraints: { minStorageLocations: 600 } }),
    );
    const kept = screenCandidates(
      all,
      spec({ space: { "layout.aisles": [4, 8] }, constraints: { minStorageLocations: 600 } }),
    );
    // 4 aisles × 2 sides × 10 bays × 2 slots × 3 levels = 480 locations < 600; 8 aisles: 960.
    expect(kept.map((c) => c.id)).toEqual(["aisles=8"]);
    expect(all[0].rejected).toMatch(/infeasible: 480 locations < 600/);
    const none = enumerateCandidates(
      unitLoadBase(),
      spec({ space: { "layout.aisles": [4, 8] }, constraints: { maxWidthM: 5 } }),
    );
    expect(screenCandidates(none, spec({ constraints: { maxWidthM: 5 } }))).toEqual([]);
  });

  it("optimizeLayout() finds fishbone best for unit-load single-command travel (Gue & Meller)", async () => {
    const result = await optimizeLayout(
      createInProcessExecutor(runUnitLoadModel),
      unitLoadBase(),
      spec({
        model: "unitLoad",
        objective: "travelMPerRequest",
        space: {
          "layout.generator": ["traditional", "flyingV", "fishbone"],
          "layout.crossAisles": [0, 1],
        },
        race: { initialReplications: 2, eta: 2, finalists: 2 },
        selection: { indifferenceZone: "1%", initialReplications: 5 },
      }),
      { seed: 4 },
    );
    expect(result.status).toBe("optimal");
    expect(result.winner).toBe("generator=fishbone,crossAisles=n/a");
    expect(result.winnerLayout?.generator).toBe("fishbone");
    expect(result.ranking[0].id).toBe(result.winner);
    expect(result.candidates).toEqual({ total: 4, rejected: 0, simulated: 4 });
    // The analytic estimate agrees: fishbone has the shortest mean single-command trip.
    const fish = result.ranking[0].metrics!.avgSingleCommandDistanceM;
    for (const row of result.ranking.slice(1))
      expect(row.metrics!.avgSingleCommandDistanceM).toBeGreaterThan(fish);
    expect(result.why.join("\n")).toMatch(/mean single-command trip/);
  });

  it("optimizeLayout() reports infeasible when no candidate meets the constraints", async () => {
    const result = await optimizeLayout(
      createInProcessExecutor(runUnitLoadModel),
      unitLoadBase(),
      spec({
        model: "unitLoad",
        objective: "travelMPerRequest",
        space: { "layout.aisles": [4, 6] },
        constraints: { maxAreaM2: 10 },
      }),
      { seed: 1 },
    );
    expect(result.status).toBe("infeasible");
    expect(result.ranking.every((r) => r.rejected?.startsWith("infeasible: area"))).toBe(true);
  });
});
