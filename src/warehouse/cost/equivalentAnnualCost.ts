/**
 * The equivalent annual cost of an asset: its price spread over its life as an annuity at
 * an interest rate, so assets of different lives compare year by year.
 */

/**
 * EAC = P · i(1+i)^n / ((1+i)^n − 1) for price P, life n years and rate i; P/n when i = 0.
 * Maintenance per year is added on top by the caller.
 */
export function equivalentAnnualCost(price: number, lifeYears: number, rate: number): number {
  if (price === 0) return 0;
  if (rate === 0) return price / lifeYears;
  const growth = (1 + rate) ** lifeYears;
  return (price * rate * growth) / (growth - 1);
}
