/** Forward-pick replenishment rules by name. */
import { demandTriggered } from "./demandTriggered.ts";
import { minMax } from "./minMax.ts";
import type { ReplenishmentRule } from "./types.ts";

export type * from "./types.ts";

/** Every replenishment rule, by name. */
export const replenishmentRules = {
  minMax,
  demandTriggered,
} as const satisfies Record<string, ReplenishmentRule>;

/** A replenishment rule name. */
export type ReplenishmentRuleName = keyof typeof replenishmentRules;
