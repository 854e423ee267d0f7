import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { breakdownTable } from "../../src/report/commonSections.ts";
import { plainName } from "../../src/report/glossary.ts";
import { runSummaryText } from "../../src/report/runReport.ts";

const summary = JSON.parse(
  readFileSync(new URL("../fixtures/report/run/summary.json", import.meta.url), "utf8"),
);

describe("plain names", () => {
  it("plainName() maps internal names to words and leaves unknown names alone", () => {
    expect(plainName("waitTrailer")).toBe("waiting for the trailer");
    expect(plainName("travelLoaded")).toBe("travelling loaded");
    expect(plainName("somethingNew")).toBe("somethingNew");
  });

  it("the run summary and the phase table speak of phases in plain words", () => {
    const text = runSummaryText(summary, []).join(" ");
    expect(text).toMatch(/largest part of an order's time is (waiting|picking|packing|travel)/);
    expect(text).not.toMatch(/“wait[A-Z]/);
    const phases = breakdownTable({ run: summary.breakdown }).rows.map((r) =>
      typeof r[0] === "string" ? r[0] : r[0].text,
    );
    expect(phases).toContain("waiting for the trailer");
    expect(phases.filter((p) => /[a-z][A-Z]/.test(p))).toEqual([]);
  });
});
