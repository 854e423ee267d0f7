/** `whsim validate <scenario>`: checks a scenario (and its layout); exit 0, or 2 with every problem. */
import { resolve } from "node:path";
import type { Command } from "commander";
import type { InputIssue } from "../../common/inputError.ts";
import { readScenarioFile } from "../../node/readScenarioFile.ts";
import { estimateRunSize, runSizeIssues } from "../../scenario/index.ts";
import { scenarioLayout } from "../../warehouse/index.ts";
import { checkRunnableIn, throwIssues } from "../scenarioInput.ts";

/** Registers `whsim validate`. */
export function validateCommand(program: Command): void {
  program
    .command("validate")
    .description("check a scenario file and its layout; exit 2 listing every problem")
    .argument("<scenario>", "scenario file (YAML or JSON)")
    .action((file: string) => {
      const scenario = readScenarioFile(resolve(file));
      const layout = scenarioLayout(scenario);
      const issues: InputIssue[] = [];
      checkRunnableIn(scenario, file, issues);
      throwIssues(issues);
      process.stdout.write(
        `${file}: ok (scenario "${scenario.name}", layout "${layout.name}" with ${layout.locations.length} locations, ${scenario.skus.count} SKUs)\n`,
      );
      const size = estimateRunSize(scenario);
      const over = runSizeIssues(scenario, file).length > 0;
      process.stdout.write(
        `run size: about ${Math.round(size.orders)} orders, ${Math.round(size.lines)} lines, ${Math.round(size.events)} events per replication${over ? " (above the limits: run, compare, sweep, optimize and staff need --force)" : ""}\n`,
      );
    });
}
