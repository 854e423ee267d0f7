import { describe, expect, it } from "vitest";
import { safetyStock } from "../../src/inventory/reorder/safetyStock.ts";
import { eoq } from "../../src/inventory/theory/eoq.ts";
import {
  abcCurveExponent,
  classBasedTime,
  fullTurnoverTime,
  randomStorageTime,
} from "../../src/inventory/theory/hausmanSchwarzGraves.ts";
import { normalCdf, normalLoss, normalQuantile } from "../../src/inventory/theory/normal.ts";
import { normalSQ, safetyFactorForFillRate } from "../../src/inventory/theory/normalSQ.ts";
import { poissonPmf, poissonSQ } from "../../src/inventory/theory/poissonSQ.ts";

describe("inventory theory (REFERENCES.md)", () => {
  it("eoq() of D = 1200/yr, K = 100, h = 6/yr gives Q* = 200 and cost 1200/yr", () => {
    const r = eoq({ demandRate: 1200, orderCost: 100, holdingCostPerUnit: 6 });
    expect(r.quantity).toBeCloseTo(200, 10);
    expect(r.costPerTime).toBeCloseTo(1200, 10);
    expect(r.ordersPerTime).toBeCloseTo(6, 10);
    expect(() => eoq({ demandRate: 0, orderCost: 1, holdingCostPerUnit: 1 })).toThrow(
      /demandRate 0/,
    );
  });

  it("normalSQ() of μL = 100, σL = 20, Q = 200, s = 130: CSL 0.93319, ESC 0.58614, fill 0.99707", () => {
    const r = normalSQ({
      leadTimeDemandMean: 100,
      leadTimeDemandSd: 20,
      reorderPoint: 130,
      orderQuantity: 200,
    });
    expect(r.safetyFactor).toBe(1.5);
    expect(r.cycleServiceLevel).toBeCloseTo(0.93319, 5);
    expect(r.expectedShortagePerCycle).toBeCloseTo(0.58614, 4);
    expect(r.fillRate).toBeCloseTo(0.99707, 5);
  });

  it("normalCdf(), normalQuantile() and normalLoss() match tabulated values", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 12);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 14);
    expect(normalCdf(4)).toBeCloseTo(0.9999683287581669, 13);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
    // G(0) = φ(0) = 1/√(2π); G(1.5) = 0.029307 (Silver, Pyke & Peterson table).
    expect(normalLoss(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 14);
    expect(normalLoss(1.5)).toBeCloseTo(0.029307, 5);
  });

  it("safetyFactorForFillRate(0.99707, Q = 200, σL = 20) recovers k = 1.5", () => {
    expect(safetyFactorForFillRate(0.99707, 200, 20)).toBeCloseTo(1.5, 2);
  });

  it("safetyStock() combines demand and lead-time variance: σ² = Lσd² + μd²σL²", () => {
    const fixed = safetyStock({
      serviceLevel: 0.95,
      demandMeanPerDay: 10,
      demandSdPerDay: 3,
      leadTimeDays: 4,
    });
    expect(fixed.protectionDemandSd).toBeCloseTo(6, 12);
    expect(fixed.safetyStock).toBeCloseTo(1.6448536 * 6, 5);
    expect(fixed.reorderLevel).toBeCloseTo(40 + 1.6448536 * 6, 5);
    const variable = safetyStock({
      serviceLevel: 0.95,
      demandMeanPerDay: 10,
      demandSdPerDay: 3,
      leadTimeDays: 4,
      leadTimeSdDays: 1,
      reviewPeriodDays: 3,
    });
    // (4 + 3)·9 + 100·1 = 163.
    expect(variable.protectionDemandSd).toBeCloseTo(Math.sqrt(163), 12);
    expect(variable.protectionDemandMean).toBe(70);
  });

  it("poissonSQ() with s = 0, Q = 1 (base stock 1), λL = 1: fill = on-hand = e⁻¹, backorders = e⁻¹", () => {
    const r = poissonSQ({ demandRate: 1, leadTime: 1, reorderPoint: 0, orderQuantity: 1 });
    expect(r.fillRate).toBeCloseTo(Math.exp(-1), 14);
    expect(r.averageOnHand).toBeCloseTo(Math.exp(-1), 14);
    expect(r.averageBackorders).toBeCloseTo(Math.exp(-1), 14);
    expect(r.cycleServiceLevel).toBeCloseTo(Math.exp(-1), 14);
  });

  it("poissonSQ() agrees with a brute-force average over the uniform inventory position", () => {
    const lambda = 2;
    const lead = 5;
    const s = 12;
    const q = 20;
    const m = lambda * lead;
    const pmf = poissonPmf(m, 200);
    let fill = 0;
    let onHand = 0;
    let back = 0;
    for (let y = s + 1; y <= s + q; y++) {
      for (let d = 0; d <= 200; d++) {
        if (d <= y - 1) fill += pmf[d] / q;
        onHand += (Math.max(0, y - d) * pmf[d]) / q;
        back += (Math.max(0, d - y) * pmf[d]) / q;
      }
    }
    const r = poissonSQ({ demandRate: lambda, leadTime: lead, reorderPoint: s, orderQuantity: q });
    expect(r.fillRate).toBeCloseTo(fill, 12);
    expect(r.averageOnHand).toBeCloseTo(onHand, 10);
    expect(r.averageBackorders).toBeCloseTo(back, 10);
    // Net inventory balance: E[OH] − E[B] = E[IP] − λL = s + (Q + 1)/2 − λL.
    expect(r.averageOnHand - r.averageBackorders).toBeCloseTo(s + (q + 1) / 2 - m, 10);
    expect(r.orderRate).toBe(0.1);
  });

  it("Hausman–Schwarz–Graves closed forms: random 4/3, full turnover 0.4342 for 20/80", () => {
    const s = abcCurveExponent(0.2, 0.8);
    expect(s).toBeCloseTo(0.13865, 5);
    expect(randomStorageTime()).toBeCloseTo(4 / 3, 14);
    // 0.4342 in REFERENCES.md (written as a ratio: the linter mistakes it for log10(e)).
    expect(fullTurnoverTime(s)).toBeCloseTo(4342 / 10_000, 4);
    // One class is random storage; many thin classes tend to full turnover.
    expect(classBasedTime(s, [1])).toBeCloseTo(4 / 3, 14);
    const thin = Array.from({ length: 4000 }, (_, i) => ((i + 1) / 4000) ** 4);
    expect(classBasedTime(s, thin)).toBeCloseTo(fullTurnoverTime(s), 3);
    // Two classes at 20 %: 0.8·(4/3)√0.2 + 0.2·(4/3)(1 − 0.2^1.5)/0.8, by hand 0.78055.
    expect(classBasedTime(s, [0.2, 1])).toBeCloseTo(0.78055, 4);
  });
});
