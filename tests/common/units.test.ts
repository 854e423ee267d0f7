import { describe, expect, it } from "vitest";
import {
  clipInterval,
  displayScale,
  formatDifference,
  formatNumber,
  formatQuantity,
  spreadsheetFormat,
  spreadsheetValue,
} from "../../src/common/units.ts";

describe("the unit and format rule", () => {
  it("formatQuantity() reads a cycle time of 18,953 s as 5.26 h, and short times in s or min", () => {
    expect(formatQuantity(18_953, "s")).toBe("5.26 h");
    expect(formatQuantity(95, "s")).toBe("95 s");
    expect(formatQuantity(1074, "s")).toBe("17.9 min");
    expect(formatQuantity(3 * 86_400, "s")).toBe("3 days");
  });

  it("formatQuantity() shows shares in % and money in the currency code, never 'currency'", () => {
    expect(formatQuantity(0.9888, "share")).toBe("98.88 %");
    expect(formatQuantity(4.265, "EUR")).toBe("4.27 EUR");
    expect(formatQuantity(4.265, "currency")).toBe("4.27");
  });

  it("formatDifference() gives differences of shares in percentage points", () => {
    expect(formatDifference(-0.3602, "share")).toBe("−36.02 pp");
    expect(formatDifference(19_160, "s")).toBe("+5.32 h");
  });

  it("formatNumber() never writes an exponent: 8.46e-12 reads 0", () => {
    expect(formatNumber(8.46e-12)).toBe("0");
    expect(formatNumber(-2.16e-4)).toBe("-0.0002");
    expect(formatNumber(1.5e13)).toBe("15,000,000,000,000");
  });

  it("clipInterval() keeps shares in [0, 1] and non-negative quantities at or above 0", () => {
    expect(clipInterval("share", 0.994, 0.9894, 1.0066)).toEqual([0.9894, 1]);
    expect(clipInterval("s", 100, -20, 220)).toEqual([0, 220]);
  });

  it("spreadsheetFormat() gives %, hours and currency formats with the text's decimals", () => {
    const share = displayScale("share");
    expect(spreadsheetFormat(share, 0.953)).toBe("0.00%");
    expect(spreadsheetValue(0.953, share)).toBe(0.953);
    const hours = displayScale("s", 18_953);
    expect(spreadsheetFormat(hours, 18_953)).toBe('#,##0.00 "h"');
    expect(spreadsheetValue(18_953, hours)).toBeCloseTo(5.2647, 4);
    expect(spreadsheetFormat(displayScale("EUR"), 4.265)).toBe('#,##0.00 "EUR"');
  });
});
