/** Removal rules by name, as a scenario names them (`storage.removal: fifo`). */
import { type NameOf, registryOf } from "../../common/registry.ts";
import { closest } from "./closest.ts";
import { fefo } from "./fefo.ts";
import { fewestLocations } from "./fewestLocations.ts";
import { fifo } from "./fifo.ts";
import { lifo } from "./lifo.ts";
import type { RemovalRuleFactory } from "./types.ts";

export type * from "./types.ts";

/** Every removal rule factory, by name. */
export const removalRules = registryOf<RemovalRuleFactory>()({
  fifo,
  lifo,
  fefo,
  closest,
  fewestLocations,
});

/** A removal rule name. */
export type RemovalRuleName = NameOf<typeof removalRules>;
