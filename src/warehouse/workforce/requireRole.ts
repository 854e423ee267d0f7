/** The check an operation makes before it runs: the role that does its work has people. */
import { InputError } from "../../common/inputError.ts";
import type { Role } from "../../scenario/index.ts";
import type { World } from "../world.ts";

/** Throws InputError when no crew of `role` has anyone; `expected` says what needs them. */
export function requireRole(world: World, role: Role, expected: string): void {
  const { scenario } = world;
  const crews = scenario.workforce.roles[role].crews;
  if (crews.reduce((a, c) => a + c.headcount, 0) > 0) return;
  throw new InputError({
    file: scenario.layoutFile ?? "<scenario>",
    path: `workforce.roles.${role}.crews`,
    value: crews,
    expected,
  });
}
