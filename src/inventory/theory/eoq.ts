/** The economic order quantity (Harris 1913): the order size balancing ordering and holding cost. */

/** Inputs of the EOQ formula; any consistent time unit (e.g. per year). */
export interface EoqInput {
  /** Demand per time unit. */
  demandRate: number;
  /** Fixed cost per order. */
  orderCost: number;
  /** Holding cost per unit per time unit. */
  holdingCostPerUnit: number;
}

/** Q* = √(2DK/h) and the total relevant cost per time unit at Q*, √(2DKh). */
export function eoq(input: EoqInput): {
  quantity: number;
  costPerTime: number;
  ordersPerTime: number;
} {
  const { demandRate: d, orderCost: k, holdingCostPerUnit: h } = input;
  for (const [name, v] of Object.entries(input)) {
    if (!(Number.isFinite(v) && v > 0))
      throw new RangeError(`eoq: ${name} ${v}: expected a number > 0`);
  }
  const quantity = Math.sqrt((2 * d * k) / h);
  return {
    quantity,
    costPerTime: (d / quantity) * k + (h * quantity) / 2,
    ordersPerTime: d / quantity,
  };
}
