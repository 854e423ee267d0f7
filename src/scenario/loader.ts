/**
 * Loads a scenario: YAML/JSON text → validated plain data with defaults, every problem
 * collected as `file: path: value (expected)`. The layout, when given as a path, is read by
 * the caller (the core has no file system) and passed in as text.
 */
import { InputError, type InputIssue, isInputError } from "../common/inputError.ts";
import { validateLayoutSpec } from "../layout/loadLayout.ts";
import type { LayoutSpec } from "../layout/spec.ts";
import { equipmentIssues } from "./equipmentCheck.ts";
import { parseDataText } from "./parseDataText.ts";
import { EQUIPPED_TASKS, ROLES, type ScenarioFile, scenarioSchema } from "./schema.ts";
import { zodToInputIssues } from "./zodIssues.ts";

/** A resolved scenario: defaults filled in, the layout inline. Plain JSON data. */
export interface Scenario extends Omit<ScenarioFile, "layout" | "$schema"> {
  /** The validated layout specification (defaults filled in). */
  layout: LayoutSpec;
  /** The layout file it came from, relative to the scenario, if it was a path. */
  layoutFile?: string;
}

/** The layout file's text, read by the caller. */
export interface LayoutSource {
  /** The name shown in messages (the path as resolved by the caller). */
  file: string;
  text: string;
}

/** An issue for every item whose name an earlier item of the list already has. */
function repeatedNames(
  items: readonly { name: string }[],
  path: string,
  what: string,
  file: string,
): InputIssue[] {
  const names = new Set<string>();
  const issues: InputIssue[] = [];
  items.forEach((item, i) => {
    if (names.has(item.name)) {
      issues.push({
        file,
        path: `${path}[${i}].name`,
        value: item.name,
        expected: `a unique ${what} name`,
      });
    }
    names.add(item.name);
  });
  return issues;
}

/** Checks that need more than one field: warm-up vs horizon, shift names, equipment pools. */
function crossCheck(data: ScenarioFile, file: string): InputIssue[] {
  const issues: InputIssue[] = [];
  if (data.warmupDays >= data.horizonDays) {
    issues.push({
      file,
      path: "warmupDays",
      value: data.warmupDays,
      expected: `less than horizonDays (${data.horizonDays})`,
    });
  }
  const skuCount = data.skus.count;
  issues.push(
    ...crewShiftIssues(data, file),
    ...zonePickerIssues(data, file),
    ...taskEquipmentIssues(data, file),
    ...givenListIssues(
      data.outbound.orderList.map((order) => ({ name: order.carrier, rows: order.lines })),
      { path: "outbound.orderList", nameField: "carrier", rowsField: "lines", skuCount },
      data.outbound.carriers.map((c) => c.name),
      file,
    ),
    ...givenListIssues(
      data.inbound.deliveries.map((delivery) => ({
        name: delivery.supplier,
        rows: delivery.pallets,
      })),
      { path: "inbound.deliveries", nameField: "supplier", rowsField: "pallets", skuCount },
      data.inbound.suppliers.map((c) => c.name),
      file,
    ),
    ...repeatedNames(data.outbound.carriers, "outbound.carriers", "carrier", file),
    ...repeatedNames(data.inbound.suppliers, "inbound.suppliers", "supplier", file),
    ...storageRuleIssues(data, file),
  );
  for (const pattern of ["hourlyPattern", "weeklyPattern"] as const) {
    const weights = data.outbound[pattern];
    if (weights.every((w) => w === 0) && data.outbound.ordersPerDay > 0) {
      issues.push({
        file,
        path: `outbound.${pattern}`,
        value: weights,
        expected: "at least one positive weight",
      });
    }
  }
  return issues;
}

/** Crews whose shift is not one of workforce.shifts. */
function crewShiftIssues(data: ScenarioFile, file: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const shifts = Object.keys(data.workforce.shifts);
  for (const role of ROLES) {
    data.workforce.roles[role].crews.forEach((crew, i) => {
      if (!shifts.includes(crew.shift)) {
        issues.push({
          file,
          path: `workforce.roles.${role}.crews[${i}].shift`,
          value: crew.shift,
          expected: `a shift in workforce.shifts (${shifts.join(", ") || "none defined"})`,
        });
      }
    });
  }
  return issues;
}

/**
 * Zone picking gives each picker one zone (the i-th picker of a crew zone i mod zones): a
 * crew with fewer pickers than zones would leave a zone unpicked for its whole shift.
 */
function zonePickerIssues(data: ScenarioFile, file: string): InputIssue[] {
  const picking = data.outbound.picking;
  if (picking.method !== "zone") return [];
  const issues: InputIssue[] = [];
  data.workforce.roles.picker.crews.forEach((crew, i) => {
    if (crew.headcount > 0 && crew.headcount < picking.zones) {
      issues.push({
        file,
        path: `workforce.roles.picker.crews[${i}].headcount`,
        value: crew.headcount,
        expected: `0, or at least outbound.picking.zones (${picking.zones}): one picker per zone`,
      });
    }
  });
  return issues;
}

/** Tasks that need equipment of a kind without a pool. */
function taskEquipmentIssues(data: ScenarioFile, file: string): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const task of EQUIPPED_TASKS) {
    const kind = data.equipment.tasks[task];
    if (kind === "none") continue;
    const pool = data.equipment.pools[kind];
    if (!pool || pool.count < 1) {
      issues.push({
        file,
        path: `equipment.tasks.${task}`,
        value: kind,
        expected: `a pool in equipment.pools with count >= 1, or "none"`,
      });
    }
  }
  return issues;
}

/** Where a list of given orders or deliveries sits and what its items name. */
interface GivenList {
  path: string;
  /** The field naming a carrier or supplier. */
  nameField: string;
  /** The field holding the items' SKU rows (lines, pallets). */
  rowsField: string;
  skuCount: number;
}

/** Given orders or deliveries naming an unknown carrier or supplier, or a SKU beyond skus.count. */
function givenListIssues(
  items: readonly { name: string | undefined; rows: readonly { sku: number }[] }[],
  list: GivenList,
  names: readonly string[],
  file: string,
): InputIssue[] {
  const issues: InputIssue[] = [];
  items.forEach((item, i) => {
    if (item.name !== undefined && !names.includes(item.name)) {
      issues.push({
        file,
        path: `${list.path}[${i}].${list.nameField}`,
        value: item.name,
        expected: `a ${list.nameField} name (${names.join(", ")})`,
      });
    }
    item.rows.forEach((row, j) => {
      if (row.sku > list.skuCount) {
        issues.push({
          file,
          path: `${list.path}[${i}].${list.rowsField}[${j}].sku`,
          value: row.sku,
          expected: `a SKU rank from 1 to skus.count (${list.skuCount})`,
        });
      }
    });
  });
  return issues;
}

/** Storage settings that disagree: ABC cut-offs out of order. */
function storageRuleIssues(data: ScenarioFile, file: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const { storage } = data;
  storage.abcCutoffs.forEach((c, i) => {
    if (i > 0 && c <= storage.abcCutoffs[i - 1]) {
      issues.push({
        file,
        path: `storage.abcCutoffs[${i}]`,
        value: c,
        expected: `ascending shares: more than ${storage.abcCutoffs[i - 1]}`,
      });
    }
  });
  return issues;
}

/**
 * Parses and validates scenario text; the layout stays as written (a path or inline).
 * Throws InputError with every problem.
 */
export function parseScenario(text: string, file: string): ScenarioFile {
  const data = parseDataText(text, file);
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const empty = text.replace(/#.*$/gm, "").trim() === "";
    throw new InputError({
      file,
      path: "",
      value: empty ? "empty file" : data,
      expected: "a mapping of scenario settings",
    });
  }
  return validateScenarioData(data, file);
}

/** Validates scenario data already read (a mapping): the schema, then the cross checks. */
function validateScenarioData(data: unknown, file: string): ScenarioFile {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    throw new InputError(zodToInputIssues(scenarioSchema, result.error.issues, data, file));
  }
  const issues = crossCheck(result.data, file);
  if (typeof result.data.layout !== "string") {
    try {
      result.data.layout = validateLayoutSpec(result.data.layout, file, "layout");
    } catch (error) {
      if (!isInputError(error)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return result.data;
}

/** Validates a layout file's text as a layout specification. */
export function parseLayoutSpec(source: LayoutSource): LayoutSpec {
  return validateLayoutSpec(parseDataText(source.text, source.file), source.file);
}

/**
 * Resolves a parsed scenario into a Scenario: the layout inline. `layoutSource` is required
 * when the scenario names a layout file.
 */
export function resolveScenario(
  parsed: ScenarioFile,
  file: string,
  layoutSource?: LayoutSource,
): Scenario {
  const { layout, $schema: _schema, ...rest } = parsed;
  if (typeof layout === "string") {
    if (!layoutSource) {
      throw new InputError({
        file,
        path: "layout",
        value: layout,
        expected: "a readable layout file",
      });
    }
    const spec = parseLayoutSpec(layoutSource);
    throwIfAny(equipmentIssues(rest, spec, file, { file: layoutSource.file, prefix: "" }));
    return { ...rest, layout: spec, layoutFile: layout };
  }
  throwIfAny(equipmentIssues(rest, layout, file, { file, prefix: "layout." }));
  return { ...rest, layout };
}

function throwIfAny(issues: InputIssue[]): void {
  if (issues.length > 0) throw new InputError(issues);
}

/** Parses a scenario whose layout is inline (or whose layout text is given) in one call. */
export function loadScenario(text: string, file: string, layoutSource?: LayoutSource): Scenario {
  return resolveScenario(parseScenario(text, file), file, layoutSource);
}

/**
 * Validates an already resolved scenario object (e.g. one received as JSON from another
 * process) and returns it with defaults filled in.
 */
export function checkScenario(data: unknown, file = "<scenario>"): Scenario {
  const { layoutFile, ...rest } = (data ?? {}) as Record<string, unknown>;
  // A JSON round trip gives plain data (as read from a file) without a file's size cap: a
  // resolved scenario may hold a SKU master of 200,000 rows.
  const parsed = validateScenarioData(JSON.parse(JSON.stringify(rest)), file);
  if (typeof layoutFile === "string") return { ...resolveScenario(parsed, file), layoutFile };
  return resolveScenario(parsed, file);
}
