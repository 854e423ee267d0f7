/**
 * Reads a scenario file (and the layout and CSV files it names) from disk and resolves it
 * with the platform-neutral loader. Missing, unreadable, oversized and special files
 * (folders, devices, FIFOs, /proc, /sys and /dev files) are input errors. Messages about a
 * layout or CSV file outside the scenario's folder never quote its values, so a scenario
 * that names `/etc/shadow` or `/proc/self/environ` cannot print their contents.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
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

/** Folders of pseudo-files whose contents are the system's, not the user's data. */
const SYSTEM_FOLDERS = ["/proc", "/sys", "/dev"];

/** The real path of `path`, or `path` itself if it cannot be resolved. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** True when `path` is `folder` or lies below it. */
function isUnder(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * Reads a text file, refusing missing files, anything but a regular file (folders, devices,
 * FIFOs, sockets, the pseudo-files of /proc, /sys and /dev) and files over the size cap.
 */
export function readTextFile(path: string, shown = displayName(path), what = "file"): string {
  let size: number;
  try {
    const stat = statSync(path);
    const real = realPath(path);
    if (!stat.isFile() || SYSTEM_FOLDERS.some((folder) => isUnder(folder, real))) {
      throw new InputError({
        file: shown,
        path: "",
        value: path,
        expected: `a ${what}: a regular file, not a folder, device, FIFO or system file`,
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

/** Stands in for a value read from a file outside the scenario's folder. */
export const HIDDEN_VALUE = "<not shown: the file lies outside the scenario's folder>";

/**
 * Runs `load`; issues about any of `hidden` (display names of files outside the scenario's
 * folder) keep their path and expectation but not their value.
 */
function hidingValues<T>(hidden: ReadonlySet<string>, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof InputError) || hidden.size === 0) throw error;
    throw new InputError(
      error.issues.map((issue) =>
        hidden.has(issue.file) ? { ...issue, value: HIDDEN_VALUE } : issue,
      ),
    );
  }
}

/** Reads and resolves a scenario file; a layout path is relative to the scenario's folder. */
export function readScenarioFile(path: string): Scenario {
  const tree = realPath(dirname(resolve(path)));
  const hidden = new Set<string>();
  // Files outside the scenario's folder may be read but their values are never quoted.
  const noteOutside = (file: string, shownName: string) => {
    if (!isUnder(tree, realPath(file))) hidden.add(shownName);
  };
  const shown = displayName(path);
  const parsed = parseScenario(readTextFile(path, shown, "scenario file"), shown);
  let layoutSource: LayoutSource | undefined;
  if (typeof parsed.layout === "string") {
    const layoutPath = resolve(dirname(path), parsed.layout);
    const layoutShown = displayName(layoutPath);
    noteOutside(layoutPath, layoutShown);
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
  const scenario = hidingValues(hidden, () => resolveScenario(parsed, shown, layoutSource));
  // CSV data named by the scenario, relative to its folder.
  const csv = (ref: string | undefined): CsvSource | undefined => {
    if (ref === undefined) return undefined;
    const csvPath = resolve(dirname(path), ref);
    const csvShown = displayName(csvPath);
    noteOutside(csvPath, csvShown);
    return { file: csvShown, text: readTextFile(csvPath, csvShown, "CSV file") };
  };
  const skuMaster = csv(parsed.skus.csv);
  const orderLines = csv(parsed.outbound.orderLinesCsv);
  if (!skuMaster && !orderLines) return scenario;
  return hidingValues(hidden, () => applyCsvData(scenario, { skuMaster, orderLines }));
}
