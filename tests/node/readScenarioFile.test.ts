/**
 * readScenarioFile() against scenarios that name files they should not: values from a
 * layout or CSV outside the scenario's folder are never quoted in messages, and special
 * files (FIFOs, devices, /proc) are refused before they are read.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatIssue, InputError } from "../../src/common/inputError.ts";
import { HIDDEN_VALUE, readScenarioFile } from "../../src/node/readScenarioFile.ts";

const root = mkdtempSync(join(tmpdir(), "whsim-read-scenario-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const scenarios = join(root, "scenarios");
const outside = join(root, "elsewhere");
mkdirSync(scenarios);
mkdirSync(outside);

const SECRET = "hunter2-secret-line";

const scenarioYaml = (layout: string, csv?: string) => `name: s
horizonDays: 1
warmupDays: 0
replications: 1
layout: ${JSON.stringify(layout)}
${csv ? `skus:\n  csv: ${JSON.stringify(csv)}\n` : ""}`;

const inlineLayoutYaml = (csv: string) => `name: s
horizonDays: 1
warmupDays: 0
replications: 1
layout:
  generator: traditional
  name: t
  aisles: 4
  baysPerAisle: 6
  packStations: 2
skus:
  csv: ${JSON.stringify(csv)}
`;

function messages(scenario: string, text: string): string[] {
  const file = join(scenarios, scenario);
  writeFileSync(file, text);
  try {
    readScenarioFile(file);
  } catch (error) {
    if (error instanceof InputError) return error.issues.map(formatIssue);
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("readScenarioFile() and files outside the scenario's folder", () => {
  it("never quotes a layout's contents from outside the folder, but does inside it", () => {
    writeFileSync(join(outside, "secret.yaml"), `${SECRET}\n`);
    writeFileSync(join(scenarios, "own.yaml"), `${SECRET}\n`);
    const far = messages("far.yaml", scenarioYaml("../elsewhere/secret.yaml"));
    expect(far.join("\n")).not.toContain(SECRET);
    expect(far.join("\n")).toContain(HIDDEN_VALUE);
    const near = messages("near.yaml", scenarioYaml("own.yaml"));
    expect(near.join("\n")).toContain(SECRET);
  });

  it("never quotes a CSV cell from outside the folder", () => {
    writeFileSync(join(outside, "skus.csv"), `sku,unitCubeM3,unitsPerPallet\nA,0.01,${SECRET}\n`);
    const far = messages("csv.yaml", inlineLayoutYaml("../elsewhere/skus.csv"));
    expect(far.length).toBeGreaterThan(0);
    expect(far.join("\n")).not.toContain(SECRET);
    expect(far[0]).toMatch(/skus\.csv: row 2, column unitsPerPallet: .*not shown/);
  });

  it("never quotes /etc/passwd named as a layout", () => {
    const lines = messages("passwd.yaml", scenarioYaml("/etc/passwd")).join("\n");
    expect(lines).not.toContain("root:");
    expect(lines).not.toContain("/bin/");
  });

  it("refuses /proc/self/environ, a device and a FIFO before reading them", () => {
    process.env.WHSIM_TEST_SECRET = SECRET;
    execFileSync("mkfifo", [join(scenarios, "pipe.yaml")]);
    for (const layout of ["/proc/self/environ", "/dev/zero", "pipe.yaml"]) {
      const lines = messages("special.yaml", scenarioYaml(layout));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("a regular file, not a folder, device, FIFO or system file");
      expect(lines[0]).not.toContain(SECRET);
    }
    delete process.env.WHSIM_TEST_SECRET;
  });

  it("refuses a scenario that is itself a /proc file", () => {
    expect(() => readScenarioFile("/proc/self/environ")).toThrow(/system file/);
  });
});
