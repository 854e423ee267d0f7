import { describe, expect, it } from "vitest";
import { defaultResultsFolder, safeFolderName } from "../../src/common/resultsFolderName.ts";

describe("safeFolderName()", () => {
  it.each([
    ["../../escaped-by-name", "escaped-by-name"],
    ["..", "scenario"],
    [".", "scenario"],
    ["", "scenario"],
    ["/etc/passwd", "etc_passwd"],
    ["a/../../b", "a_.._.._b"],
    [".hidden", "hidden"],
    ["peak week 2", "peak_week_2"],
    ["entrepôt Nord", "entrep_t_Nord"],
    ["C:\\Windows\\x", "C_Windows_x"],
    ["name\u0000nul", "name_nul"],
    ["default", "default"],
  ])("safeFolderName(%j) is %j", (name, folder) => {
    expect(safeFolderName(name)).toBe(folder);
  });

  it("never gives a path step: no separator, no leading dot, at most 100 characters", () => {
    for (const name of [`../${"x".repeat(300)}`, "...../..", "-._", "ö".repeat(50)]) {
      const folder = safeFolderName(name);
      expect(folder).not.toMatch(/[/\\]/);
      expect(folder).not.toMatch(/^\./);
      expect(folder.length).toBeLessThanOrEqual(100);
      expect(folder.length).toBeGreaterThan(0);
    }
  });

  it("defaultResultsFolder() puts the prefix before the safe name", () => {
    expect(defaultResultsFolder("../x", "sweep-")).toBe("results/sweep-x");
    expect(defaultResultsFolder("..")).toBe("results/scenario");
  });
});
