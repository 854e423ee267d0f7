/**
 * Reads a scenario file (and the layout file it names) from disk and resolves it with the
 * platform-neutral loader. Missing, unreadable or oversized files are input errors.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../common/inputError.ts";
import { applyCsvData, type CsvSource } from "../scenario/csvData.ts";
import {
  type LayoutSource,
  MAX_INPUT_CHARS,
  parseScenario,
  resolveScenario,
  type Scenario,
} from "../scenario/index.ts";

/** The bundled default scenario. */
export const DEFAULT_SCENARIO_PATH = fileURLToPath(
  new URL("../../scenarios/default.yaml", import.meta.url),
);

/** A name for messages: relative to the working directory when that is shorter. */
export function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") && rel.length < path.length ? rel : path;
}

/** Reads a text file, refusing missing files, folders and files over the size cap. */
export function readTextFile(path: string, shown = displayName(path), what = "file"): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) {
      throw new InputError({
        file: shown,
        path: "",
        value: path,
        expected: `a ${what}, not a folder`,
      });
    }
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({
      file: shown,
      path: "",
      value: path,
      expected: `an existing, readable ${what}`,
    });
  }
  if (size > MAX_INPUT_CHARS) {
    throw new InputError({
      file: shown,
      path: "",
      value: `${size} bytes`,
      expected: `a ${what} of at most ${MAX_INPUT_CHARS} bytes`,
    });
  }
  return readFileSync(path, "utf8");
}

/** Reads and resolves a scenario file; a layout path is relative to the scenario's folder. */
export function readScenarioFile(path: string): Scenario {
  const shown = displayName(path);
  const parsed = parseScenario(readTextFile(path, shown, "scenario file"), shown);
  let layoutSource: LayoutSource | undefined;
  if (typeof parsed.layout === "string") {
    const layoutPath = resolve(dirname(path), parsed.layout);
    const layoutShown = displayName(layoutPath);
    try {
      layoutSource = {
        file: layoutShown,
        text: readTextFile(layoutPath, layoutShown, "layout file"),
      };
    } catch (error) {
      if (error instanceof InputError) {
        throw new InputError(
          error.issues.map((issue) => ({
            ...issue,
            file: shown,
            path: "layout",
            value: parsed.layout,
            expected: `${issue.expected} (${layoutShown})`,
          })),
        );
      }
      throw error;
    }
  }
  const scenario = resolveScenario(parsed, shown, layoutSource);
  // CSV data named by the scenario, relative to its folder.
  const csv = (ref: string | undefined): CsvSource | undefined => {
    if (ref === undefined) return undefined;
    const csvPath = resolve(dirname(path), ref);
    const csvShown = displayName(csvPath);
    return { file: csvShown, text: readTextFile(csvPath, csvShown, "CSV file") };
  };
  const skuMaster = csv(parsed.skus.csv);
  const orderLines = csv(parsed.outbound.orderLinesCsv);
  return skuMaster || orderLines ? applyCsvData(scenario, { skuMaster, orderLines }) : scenario;
}
