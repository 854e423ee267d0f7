import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadLayout } from "../../src/layout/index.ts";
import { whsim } from "../setup/inProcessCli.ts";

const spec = new URL("./fixtures/unit-load.optimize.yaml", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "whsim-opt-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("whsim optimize", () => {
  it("whsim optimize <spec> writes optimization.json and the winning layout, same for 1 and 2 workers", async () => {
    expect((await whsim("optimize", spec, "--workers", "1", "--out", join(tmp, "a"))).code).toBe(0);
    expect((await whsim("optimize", spec, "--workers", "2", "--out", join(tmp, "b"))).code).toBe(0);
    const a = readFileSync(join(tmp, "a", "optimization.json"), "utf8");
    expect(readFileSync(join(tmp, "b", "optimization.json"), "utf8")).toBe(a);
    const doc = JSON.parse(a);
    expect(doc).toMatchObject({
      kind: "optimization",
      status: "optimal",
      winner: "generator=fishbone,crossAisles=n/a",
    });
    expect(doc.evaluations).toBeLessThan(doc.fullEvaluations);
    const layout = readFileSync(join(tmp, "a", "winner.layout.yaml"), "utf8");
    expect(layout).toMatch(/^generator: fishbone$/m);
    // The winning layout is a valid layouts/ file.
    expect(loadLayout(layout, "winner.layout.yaml").parameters.generator).toBe("fishbone");
  });

  it("whsim optimize with a bad spec exits 2 listing every problem", async () => {
    const r = await whsim("optimize", join(tmp, "nope.yaml"), "--budget", "0");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--budget: "0"/);
    expect(r.stderr).toMatch(/nope\.yaml/);
  });
});
