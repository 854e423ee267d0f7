/** Payback in the unit a planner reads it in, with an interval whose ends differ. */
import { describe, expect, it } from "vitest";
import { paybackText } from "../../src/common/paybackText.ts";

describe("paybackText()", () => {
  it("paybackText() gives months under two years, years beyond, days under a month", () => {
    expect(paybackText({ mean: 0.31, low: 0.3, high: 0.32 })).toBe(
      "3.7 months (95 % interval 3.6 to 3.8)",
    );
    expect(paybackText({ mean: 3.5, low: 3, high: 4.2 })).toBe(
      "3.5 years (95 % interval 3.0 to 4.2)",
    );
    expect(paybackText({ mean: 0.02, low: 0.019, high: 0.021 })).toBe(
      "7.3 days (95 % interval 6.9 to 7.7)",
    );
  });

  it("paybackText() adds decimals until a narrow interval's ends differ", () => {
    // 1.2 months ± 0.0012: one decimal would read "1.2 to 1.2".
    expect(paybackText({ mean: 0.1, low: 0.0999, high: 0.1001 })).toBe(
      "1.200 months (95 % interval 1.199 to 1.201)",
    );
  });

  it("paybackText() says when there is no payback or the interval includes no saving", () => {
    expect(paybackText({ mean: null, low: null, high: null })).toBe("no payback");
    expect(paybackText(undefined)).toBe("no payback");
    expect(paybackText({ mean: 5, low: 2.5, high: null })).toBe(
      "5.0 years on the mean saving (the interval includes no saving)",
    );
  });
});
