/** Supplier reorder policies: `reorderRule(policy)` binds one by its kind. */
import { minMax } from "./minMax.ts";
import { RS } from "./RS.ts";
import { sQ } from "./sQ.ts";
import { sS } from "./sS.ts";
import type { ReorderPolicy, ReorderRule } from "./types.ts";

export { type SafetyStockInput, type SafetyStockResult, safetyStock } from "./safetyStock.ts";
export type * from "./types.ts";

/** Binds a policy to its rule. */
export function reorderRule(policy: ReorderPolicy): ReorderRule {
  switch (policy.kind) {
    case "sQ":
      return sQ(policy);
    case "sS":
      return sS(policy);
    case "RS":
      return RS(policy);
    case "minMax":
      return minMax(policy);
  }
}
