/**
 * The scenario's assumptions as tables a client can check: horizon, volumes, workforce,
 * shifts, equipment, policies and layout parameters, read from the resolved scenario and the
 * built layout; anything not covered lands in "Other settings", so nothing is hidden.
 */
import { type DistSpec, distMean } from "../engine/index.ts";
import {
  type EquipmentKind,
  equipmentKinds,
  type Layout,
  type Motion,
  poolMotion,
} from "../layout/index.ts";
import { formatValue } from "./format.ts";
import type { Block, Cell, Table } from "./reportModel.ts";
import { timeStandardsTables } from "./timeStandardsTables.ts";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** A distribution spec in words: `geometric (p = 0.4), mean 2.5`. */
export function describeDist(spec: unknown): string | undefined {
  if (!isObj(spec) || typeof spec.dist !== "string") return undefined;
  const params = Object.entries(spec)
    .filter(([k]) => k !== "dist")
    .map(([k, v]) => `${k} = ${Array.isArray(v) ? `[${v.join(", ")}]` : describe(v)}`)
    .join(", ");
  let mean = "";
  try {
    const m = distMean(spec as unknown as DistSpec);
    if (Number.isFinite(m) && spec.dist !== "constant") mean = `, mean ${formatValue(m)}`;
  } catch {
    mean = "";
  }
  if (spec.dist === "constant") return describe(spec.value);
  return `${spec.dist} (${params})${mean}`;
}

/** Any scenario value in words. */
export function describe(value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "number") return formatValue(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value;
  const dist = describeDist(value);
  if (dist) return dist;
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    if (value.every((v) => typeof v !== "object")) return value.map(describe).join(", ");
    return value.map(describe).join("; ");
  }
  if (isObj(value)) {
    if (Object.keys(value).length === 0) return "—";
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${describe(v)}`)
      .join(", ");
  }
  return String(value);
}

function kv(caption: string, pairs: [string, unknown][]): Table {
  return {
    caption,
    cls: "kv",
    columns: ["Setting", "Value"],
    rows: pairs.filter(([, v]) => v !== undefined).map(([k, v]) => [k, describe(v)]),
  };
}

/** Flattens an object to dotted keys (arrays of objects summarised by describe()). */
export function flatten(value: unknown, prefix: string, out: [string, unknown][]): void {
  if (isObj(value) && typeof value.dist !== "string" && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.push([prefix, value]);
}

const HANDLED = new Set([
  "name",
  "description",
  "horizonDays",
  "warmupDays",
  "seed",
  "replications",
  "sampleIntervalS",
  "layout",
  "layoutFile",
  "skus",
  "inbound",
  "outbound",
  "storage",
  "workforce",
  "equipment",
  "timeStandards",
  "$schema",
]);

function table(caption: string, columns: string[], rows: Cell[][], numeric?: boolean[]): Table {
  return { caption, columns, rows, numeric };
}

/** Assumption tables for `scenario` (resolved scenario.json) and `layout` (layout.json). */
export function assumptionBlocks(scenario: Obj | undefined, layout: Layout | undefined): Block[] {
  const tables: (Table | undefined)[] = [];
  if (!scenario) {
    return [
      {
        kind: "note",
        text: "The results folder holds no scenario.json, so the assumptions cannot be listed.",
      },
      ...tableBlocks(layout ? [layoutTable(layout)] : []),
    ];
  }
  for (const section of SCENARIO_TABLES) tables.push(...section(scenario, layout));
  if (layout) tables.push(layoutTable(layout));
  return tableBlocks(tables);
}

/** The tables that have rows, as blocks. */
function tableBlocks(tables: (Table | undefined)[]): Block[] {
  return tables
    .filter((t): t is Table => t !== undefined && t.rows.length > 0)
    .map((table): Block => ({ kind: "table", table }));
}

/** The object at `key` of `value`, or an empty one. */
function objAt(value: Obj, key: string): Obj {
  const v = value[key];
  return isObj(v) ? v : {};
}

/** The scenario's assumption tables in order, one function per part of the scenario. */
const SCENARIO_TABLES: ((scenario: Obj, layout: Layout | undefined) => (Table | undefined)[])[] = [
  (scenario) => [horizonTable(scenario), volumesTable(scenario)],
  inboundTables,
  workforceTables,
  timeStandardsTables,
  equipmentTables,
  policyTables,
  (scenario) => [otherTable(scenario)],
];

function horizonTable(scenario: Obj): Table {
  return kv("Horizon and statistics", [
    ["Scenario", scenario.name],
    ["Description", scenario.description || undefined],
    ["Simulated days (warm-up included)", scenario.horizonDays],
    ["Warm-up discarded, days", scenario.warmupDays],
    ["Replications", scenario.replications],
    ["Master seed", scenario.seed],
  ]);
}

function volumesTable(scenario: Obj): Table {
  const out = objAt(scenario, "outbound");
  const skus = objAt(scenario, "skus");
  const pop = isObj(skus.popularity) ? skus.popularity : undefined;
  return kv("Volumes", [
    ["Orders per day", out.ordersPerDay],
    ["Lines per order", out.linesPerOrder],
    ["Units per line", out.unitsPerLine],
    ["SKUs", skus.count],
    [
      "Popularity",
      pop && typeof pop.topSkuShare === "number" && typeof pop.lineShare === "number"
        ? `${formatValue(pop.topSkuShare * 100)} % of SKUs receive ${formatValue(pop.lineShare * 100)} % of lines`
        : undefined,
    ],
    ["Units per pallet", skus.unitsPerPallet],
    ["Hourly intake pattern (00–23 h)", out.hourlyPattern],
    ["Weekly intake pattern (Mon–Sun)", out.weeklyPattern],
  ]);
}

function inboundTables(scenario: Obj): (Table | undefined)[] {
  const inbound = objAt(scenario, "inbound");
  const suppliers = Array.isArray(inbound.suppliers)
    ? table(
        "Inbound suppliers",
        ["Supplier", "SKU share", "Lead time (days)", "Arrivals", "Max pallets per trailer"],
        inbound.suppliers
          .filter(isObj)
          .map((s) => [
            describe(s.name),
            describe(s.skuShare),
            describe(s.leadTimeDays),
            describe(s.arrivals),
            describe(s.maxPalletsPerTrailer),
          ]),
        [false, true, true, false, true],
      )
    : undefined;
  return [
    suppliers,
    kv("Inbound handling", [
      ["Docking per trailer, s", inbound.dockingS],
      ["Unloading per pallet, s", inbound.unloadSPerPallet],
      ["Checking per pallet, s", inbound.checkSPerPallet],
    ]),
  ];
}

function workforceTables(scenario: Obj): Table[] {
  const workforce = objAt(scenario, "workforce");
  const roles = objAt(workforce, "roles");
  const roleRows: Cell[][] = [];
  for (const [role, spec] of Object.entries(roles)) {
    if (!isObj(spec) || !Array.isArray(spec.crews)) continue;
    for (const crew of spec.crews.filter(isObj))
      roleRows.push([
        role,
        describe(crew.shift),
        describe(crew.headcount),
        describe(spec.speedMps),
      ]);
  }
  const shifts = objAt(workforce, "shifts");
  return [
    table("Workforce", ["Role", "Shift", "Headcount", "Walking speed (m/s)"], roleRows, [
      false,
      false,
      true,
      true,
    ]),
    table(
      "Shifts",
      ["Shift", "Start", "End", "Days"],
      Object.entries(shifts)
        .filter(([, s]) => isObj(s))
        .map(([name, s]) => [
          name,
          describe((s as Obj).start),
          describe((s as Obj).end),
          describe((s as Obj).days),
        ]),
    ),
  ];
}

function equipmentTables(scenario: Obj): (Table | undefined)[] {
  const equipment = objAt(scenario, "equipment");
  const pools = objAt(equipment, "pools");
  const poolTable = table(
    "Equipment",
    [
      "Equipment",
      "Count",
      "Speed empty (m/s)",
      "Speed loaded (m/s)",
      "Lift loaded (m/s)",
      "Max lift (m)",
    ],
    Object.entries(pools)
      .filter(([, p]) => isObj(p))
      .map(([name, p]) => equipmentRow(name, p as Obj)),
    [false, true, true, true, true, true],
  );
  return [
    poolTable,
    isObj(equipment.tasks) ? kv("Equipment per task", Object.entries(equipment.tasks)) : undefined,
  ];
}

function equipmentRow(name: string, q: Obj): Cell[] {
  const motion =
    name in equipmentKinds ? poolMotion(name as EquipmentKind, q as Partial<Motion>) : undefined;
  return [
    name,
    describe(q.count),
    describe(motion?.speedMps ?? q.speedMps),
    describe(motion?.loadedSpeedMps ?? q.loadedSpeedMps),
    describe(motion?.liftLoadedMps),
    describe(motion?.maxLiftM),
  ];
}

function policyTables(scenario: Obj, layout: Layout | undefined): (Table | undefined)[] {
  const out = objAt(scenario, "outbound");
  const picking = objAt(out, "picking");
  const packing = objAt(out, "packing");
  const storage = objAt(scenario, "storage");
  const policies = kv("Policies", [
    ["Order release", out.release],
    ["Picking method", picking.method],
    ["Orders per batch", picking.method === "batch" ? picking.batchSize : undefined],
    ["Pick zones", picking.method === "zone" ? picking.zones : undefined],
    ["Routing policy", picking.routing],
    ["Tour set-up, s", picking.setupS],
    ["Time per line, s", picking.timePerLineS],
    ["Time per unit, s", picking.timePerUnitS],
    ["Packing per order, s", packing.baseS],
    ["Packing per unit, s", packing.perItemS],
    [
      "Pack stations",
      packing.stations ?? (layout ? `${layout.packStations.length} (from the layout)` : undefined),
    ],
    ...Object.entries(storage).map(([k, v]): [string, unknown] => [`Storage: ${k}`, v]),
  ]);
  return [policies, Array.isArray(out.carriers) ? carrierTable(out.carriers) : undefined];
}

function carrierTable(carriers: unknown[]): Table {
  return table(
    "Carriers",
    [
      "Carrier",
      "Share",
      "Departures",
      "Days",
      "Cut-off before departure (min)",
      "Loading per order (s)",
    ],
    carriers
      .filter(isObj)
      .map((c) => [
        describe(c.name),
        describe(c.share),
        describe(c.departures),
        describe(c.days),
        describe(c.cutoffMin),
        describe(c.loadSPerOrder),
      ]),
    [false, true, false, false, true, true],
  );
}

function otherTable(scenario: Obj): Table {
  const other: [string, unknown][] = [];
  for (const [k, v] of Object.entries(scenario)) if (!HANDLED.has(k)) flatten(v, k, other);
  return kv("Other settings", other);
}

function layoutTable(layout: Layout): Table {
  const params: [string, unknown][] = [];
  if (isObj(layout.parameters))
    for (const [k, v] of Object.entries(layout.parameters)) flatten(v, k, params);
  return kv("Layout", [
    ["Layout", layout.name],
    [
      "Building (width × depth)",
      `${formatValue(layout.widthM)} m × ${formatValue(layout.depthM)} m`,
    ],
    ...layoutCounts(layout).map((c): [string, unknown] => [c.label, c.value]),
    ...params.map(([k, v]): [string, unknown] => [`Parameter: ${k}`, v]),
  ]);
}

/** The counted parts of a built layout, each with its label in a table and side by side. */
export function layoutCounts(layout: Layout): { label: string; short: string; value: number }[] {
  const doors = (kind: string) => layout.docks.filter((d) => d.kind === kind).length;
  return [
    { label: "Picking aisles", short: "picking aisles", value: layout.aisles.length },
    { label: "Cross aisles", short: "cross aisles", value: layout.crossAisles.length },
    { label: "Racks", short: "racks", value: layout.racks.length },
    { label: "Storage locations", short: "storage locations", value: layout.locations.length },
    { label: "Inbound dock doors", short: "inbound doors", value: doors("inbound") },
    { label: "Outbound dock doors", short: "outbound doors", value: doors("outbound") },
    { label: "Pack stations", short: "pack stations", value: layout.packStations.length },
  ];
}
