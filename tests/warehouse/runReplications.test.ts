import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.ts";
import { runReplications, simulate } from "../../src/warehouse/index.ts";

describe("runReplications()", () => {
  it("runReplications(scenario) equals simulate() per replication (one shared site)", () => {
    const text = readFileSync("scenarios/default.yaml", "utf8")
      .replace(/^horizonDays: .*$/m, "horizonDays: 2")
      .replace(/^warmupDays: .*$/m, "warmupDays: 0");
    const scenario = loadScenario(text, "scenarios/default.yaml");
    expect(scenario.horizonDays).toBe(2);
    const shared = runReplications(scenario, { seed: 5, replications: 2 });
    expect(shared).toHaveLength(2);
    for (let r = 0; r < 2; r++) {
      const alone = simulate(scenario, { seed: 5, replication: r });
      expect(shared[r].counts.pickTours).toBeGreaterThan(0);
      expect(JSON.stringify(shared[r])).toBe(JSON.stringify(alone));
    }
    // Different replications are different samples.
    expect(JSON.stringify(shared[0].kpis)).not.toBe(JSON.stringify(shared[1].kpis));
  });
});
