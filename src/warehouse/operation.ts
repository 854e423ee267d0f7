/**
 * The shape every part of the warehouse takes: an operation installs its processes and
 * listeners on the world and hands back what it measures. simulate() installs a fixed list
 * of them (operationList.ts), so a new operation is one file plus one line in that list.
 */
import type { World } from "./world.ts";

/** What an installed operation measures. */
export interface Measures {
  /** The operation's KPIs at the horizon, in the order they are reported (absent: none). */
  kpis?(): Record<string, number>;
  /** Extra fields of the periodic `sample` trace record (absent: none). */
  sample?(): Record<string, number>;
}

/** A flow or an operation of the warehouse. */
export interface Operation {
  /** Short name, as the docs call it. */
  readonly name: string;
  /**
   * Starts the processes and subscribes the listeners of one replication (the world is
   * complete; what it creates lives in the closure) and returns what it measures.
   */
  install(world: World): Measures;
}
