/** Putaway rules by name, as a scenario names them (`storage.putaway: closestOpen`). */
import { type NameOf, registryOf } from "../../common/registry.ts";
import { classBased } from "./classBased.ts";
import { closestOpen } from "./closestOpen.ts";
import { cubePerOrderIndex } from "./cubePerOrderIndex.ts";
import { fixed } from "./fixed.ts";
import { random } from "./random.ts";
import type { PutawayRuleFactory } from "./types.ts";

export { type MisfitReason, misfit } from "./capacity.ts";
export { coiAssignment, cubePerOrder } from "./cubePerOrderIndex.ts";
export type * from "./types.ts";

/** Every putaway rule factory, by name. */
export const putawayRules = registryOf<PutawayRuleFactory>()({
  fixed,
  random,
  closestOpen,
  classBased,
  cubePerOrderIndex,
});

/** A putaway rule name. */
export type PutawayRuleName = NameOf<typeof putawayRules>;
