/** The trace's first record: the run it comes from and every worker with its equipment. */
import { type EquippedTask, ROLES, type Role } from "../../scenario/index.ts";
import type { World } from "../world.ts";

/** The equipped task whose equipment a role's workers use (their main task). */
const TASK_OF_ROLE: Partial<Record<Role, EquippedTask>> = {
  receiver: "unload",
  putaway: "putaway",
  replenisher: "replenish",
  picker: "pick",
  loader: "load",
};

/** Roles that work without equipment. */
const ON_FOOT: ReadonlySet<Role> = new Set(["packer", "counter", "returnsClerk"]);

/** Emits the `header` record (call once the crews exist). */
export function traceHeader(world: World, seed: number, replication: number): void {
  const { scenario, workers } = world;
  world.tracer.emit({
    kind: "header",
    version: 1,
    scenario: scenario.name,
    seed,
    replication,
    horizonS: world.horizonS,
    workers: ROLES.flatMap((role) =>
      workers[role].map((w) => ({
        id: w.id,
        role,
        equipment: ON_FOOT.has(role)
          ? "none"
          : scenario.equipment.tasks[TASK_OF_ROLE[role] ?? "pick"],
      })),
    ),
  });
}
