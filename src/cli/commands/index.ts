/** Every whsim sub-command, each in its own file; main.ts registers them in this order. */
import type { Command } from "commander";
import { compareCommand } from "./compare.ts";
import { inventoryCommand } from "./inventory.ts";
import { layoutCommand } from "./layout.ts";
import { optimizeCommand } from "./optimize.ts";
import { reportCommand } from "./report.ts";
import { runCommand } from "./run.ts";
import { staffCommand } from "./staff.ts";
import { sweepCommand } from "./sweep.ts";
import { validateCommand } from "./validate.ts";
import { viewCommand } from "./view.ts";
import { workerCommand } from "./worker.ts";

/** A sub-command adds itself to the program. */
export type CommandModule = (program: Command) => void;

export const commands: CommandModule[] = [
  runCommand,
  validateCommand,
  layoutCommand,
  workerCommand,
  viewCommand,
  reportCommand,
  compareCommand,
  sweepCommand,
  optimizeCommand,
  staffCommand,
  inventoryCommand,
];
