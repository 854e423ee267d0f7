/**
 * The report of `whsim staff`: the least-cost headcount per role per shift against today's,
 * its cost, the workload per hour it covers, and whether the simulated plan meets the
 * service targets (with 95 % intervals), then the baseline's assumptions and layout.
 */

import { formatQuantity } from "../common/units.ts";
import { type Answer, answerSection, kpiPlainName } from "./answer.ts";
import { type AppendixOptions, appendixOptions, appendixSections } from "./appendix.ts";
import { baseUnit, displayUnit, layoutBlocks, showKpi } from "./commonSections.ts";
import { formatValue } from "./format.ts";
import { kpiMeta } from "./kpiUnits.ts";
import type { ResultsFolder } from "./readResultsFolder.ts";
import type { Block, Cell, ReportModel, Section, Sheet } from "./reportModel.ts";
import type { Estimate, StaffingFile } from "./resultSchemas.ts";

type Target = StaffingFile["targets"][string];

/** ` %`, ` s`, … after a KPI's figure (nothing for a unitless KPI). */
function unitSuffix(name: string, e?: Estimate): string {
  const unit = displayUnit(name, e);
  return unit ? ` ${unit}` : "";
}

/** A target in words with its unit: `≥ 95 %`, `≤ 3600 s`, or both. */
export function targetText(name: string, t: Target): string {
  return [
    t.min !== undefined ? `≥ ${formatQuantity(t.min, baseUnit(name))}` : "",
    t.max !== undefined ? `≤ ${formatQuantity(t.max, baseUnit(name))}` : "",
  ]
    .filter(Boolean)
    .join(" and ");
}

/** Hours `h06`…`h11` as clock ranges: `06:00–12:00`. */
export function hoursText(covers: readonly string[]): string {
  const hours = covers.map((h) => Number(h.replace(/^h/, ""))).sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const h of hours) {
    const last = ranges.at(-1);
    if (last && last[1] === h) last[1] = h + 1;
    else ranges.push([h, h + 1]);
  }
  const clock = (h: number) => `${String(h).padStart(2, "0")}:00`;
  return ranges.map(([a, b]) => `${clock(a)}–${clock(b)}`).join(", ");
}

const sum = (x: Record<string, number> | undefined) =>
  Object.values(x ?? {}).reduce((a, b) => a + b, 0);

function estimateText(name: string, e: Estimate | undefined): string {
  if (!e) return "—";
  return `${
    e.n > 1 && Number.isFinite(e.ci95)
      ? `${showKpi(name, e.mean, e.unit)} ± ${showKpi(name, e.ci95, e.unit, e.mean)}`
      : showKpi(name, e.mean, e.unit)
  }${unitSuffix(name, e)}`;
}

const STATUS_WORDS: Record<StaffingFile["status"], string> = {
  meets: "meets every service target",
  fails: "does NOT meet every service target",
  infeasible: "could not be found: no headcount within the caps covers the workload",
  timedout: "could not be found in the solver's time",
  unbounded: "could not be found (the program is unbounded)",
  aborted: "was not checked: the run was stopped early",
};

/** What every section of a staffing report reads. */
interface StaffContext {
  folder: ResultsFolder;
  s: StaffingFile;
  shifts: string[];
  roles: string[];
  name: string;
  planCost: number;
  planned: boolean;
  targets: [string, Target][];
  /** Hours of the day any shift covers, in order. */
  hours: string[];
  /** Roles with a workload per hour. */
  needRoles: string[];
}

/** The sections of a staffing report, in order. */
const STAFF_SECTIONS: ((ctx: StaffContext) => Section[])[] = [
  (ctx) => [
    answerSection(staffAnswer(ctx)),
    { id: "findings", title: "The plan in detail", blocks: summaryBlocks(ctx) },
  ],
  (ctx) => [
    { id: "plan", title: "The staffing plan", blocks: [headcountTable(ctx), shiftTable(ctx)] },
  ],
  (ctx) => [{ id: "targets", title: "Service targets", blocks: [targetTable(ctx)] }],
  needSection,
  layoutSection,
  appendix,
];

/** Builds the report model of a staffing results folder. */
export function staffReport(folder: ResultsFolder): ReportModel {
  const s = folder.staffing!;
  const roles = [...new Set([...Object.keys(s.plan.headcount), ...Object.keys(s.need)])].sort();
  const ctx: StaffContext = {
    folder,
    s,
    shifts: s.shifts.map((x) => x.id),
    roles,
    name: s.scenario ?? "the scenario",
    planCost: s.plan.cost ?? Number.NaN,
    planned: Object.keys(s.plan.headcount).length > 0,
    targets: Object.entries(s.targets),
    hours: [...new Set(s.shifts.flatMap((x) => x.covers))].sort(),
    needRoles: roles.filter((r) => s.need[r]),
  };
  return {
    kind: "staff",
    title: `Staffing: ${ctx.name}`,
    subtitle: `Least-cost headcount per role and shift · ${s.status === "meets" ? "meets the targets" : s.status === "fails" ? "misses a target" : s.status} · ${s.replications} replications`,
    sections: STAFF_SECTIONS.flatMap((section) => section(ctx)),
    sheets: staffSheets(ctx),
  };
}

function summaryBlocks({ s, name, planCost, planned, targets }: StaffContext): Block[] {
  const cost = planned
    ? `costs ${formatValue(planCost)} per day against ${formatValue(s.baseline.cost)} today (${planCost <= s.baseline.cost ? "a saving of" : "an increase of"} ${formatValue(Math.abs(planCost - s.baseline.cost))})`
    : "was not found";
  const checked =
    s.check && targets.length > 0
      ? `: ${targets.map(([k, t]) => targetCheckText(s, k, t)).join("; ")}`
      : "";
  return [
    {
      kind: "p",
      text: `We simulated “${name}” as it is staffed today (${s.replications} replications), measured how busy each role is, and spread that workload over the hours of the day. The least-cost headcount per role and shift that covers it, with workers productive ${formatValue(s.efficiency * 100)} % of their time, ${cost}.`,
    },
    { kind: "p", text: `The plan ${STATUS_WORDS[s.status]}${checked}.` },
  ];
}

/** The answer of a staffing study: the headcount changes, the cost, how sure, the risk. */
function staffAnswer(ctx: StaffContext): Answer {
  const { s, roles, shifts, planned, planCost, targets } = ctx;
  const changes = roles.flatMap((role) =>
    shifts.flatMap((sh) => {
      const today = s.baseline.headcount[role]?.[sh] ?? 0;
      const plan = s.plan.headcount[role]?.[sh] ?? 0;
      return today === plan ? [] : [`${role} on the ${sh} shift ${today} → ${plan}`];
    }),
  );
  const finding = !planned
    ? `No headcount was found: the plan ${STATUS_WORDS[s.status]}.`
    : changes.length > 0
      ? `Change the crew: ${changes.join(", ")}. The plan ${STATUS_WORDS[s.status]}.`
      : `Keep today's crew: it is already the least-cost headcount that covers the workload. The plan ${STATUS_WORDS[s.status]}.`;
  const unsure = targets.filter(([k]) => s.check?.targets[k] && !s.check.targets[k].confident);
  return {
    kind: "Recommendation",
    finding,
    cost: planned
      ? `The plan costs ${formatValue(planCost)} per day against ${formatValue(s.baseline.cost)} today: ${planCost <= s.baseline.cost ? "a saving of" : "an increase of"} ${formatValue(Math.abs(planCost - s.baseline.cost))} per day.`
      : undefined,
    sure: !s.check
      ? "The plan was not checked by simulation."
      : unsure.length === 0
        ? `Checked by simulation over ${s.replications} replications: every target is met with its whole 95 % interval on the right side.`
        : `Checked by simulation over ${s.replications} replications: the 95 % interval of ${unsure.map(([k]) => kpiPlainName(k)).join(", ")} crosses its target.`,
    risk: staffRisk(ctx, unsure),
  };
}

/** A target met only on the mean, else the hour with the fewest workers to spare. */
function staffRisk(ctx: StaffContext, unsure: [string, Target][]): string | undefined {
  const { s, hours, needRoles } = ctx;
  if (unsure.length > 0) return targetCheckText(s, unsure[0][0], unsure[0][1]);
  for (const h of hours)
    for (const r of needRoles) {
      const need = s.need[r][h] ?? 0;
      if (need > onShift(s, r, h))
        return `At ${h.replace(/^h/, "")}:00 the ${r} role needs ${need} workers and the plan has ${onShift(s, r, h)}.`;
    }
  return undefined;
}

/** One service target checked against the plan's simulation, in words. */
function targetCheckText(s: StaffingFile, k: string, t: Target): string {
  const c = s.check?.targets[k];
  if (!c) return `${kpiMeta(k).label.toLowerCase()}: not measured`;
  const verdict = c.ok
    ? c.confident
      ? "met, with the whole 95 % interval on the right side"
      : "met on the mean, but the 95 % interval crosses the target"
    : "missed";
  return `${kpiMeta(k).label.toLowerCase()} ${estimateText(k, c.estimate)} against a target ${targetText(k, t)} (${verdict})`;
}

function headcountTable({ s, shifts, roles, planCost, planned }: StaffContext): Block {
  const rows: Cell[][] = roles.map((role) => [
    role,
    ...shifts.map(
      (sh): Cell => ({
        text: `${s.baseline.headcount[role]?.[sh] ?? 0} → ${s.plan.headcount[role]?.[sh] ?? 0}`,
        cls: "num",
      }),
    ),
    { text: `${sum(s.baseline.headcount[role])} → ${sum(s.plan.headcount[role])}`, cls: "num" },
  ]);
  rows.push([
    { text: "Cost per day", cls: "total" },
    ...shifts.map((): Cell => ({ text: "", cls: "total" })),
    {
      text: `${formatValue(s.baseline.cost)} → ${planned ? formatValue(planCost) : "—"}`,
      cls: "num total",
    },
  ]);
  return {
    kind: "table",
    table: {
      caption: "Headcount per role and shift (today → plan)",
      columns: ["Role", ...shifts.map((sh) => `${sh} (workers)`), "Total (workers)"],
      numeric: [false, ...shifts.map(() => true), true],
      rows,
    },
  };
}

function shiftTable({ s }: StaffContext): Block {
  return {
    kind: "table",
    table: {
      caption: "Shifts",
      columns: ["Shift", "Hours covered", "Cost per worker per day"],
      numeric: [false, false, true],
      rows: s.shifts.map((x) => [
        x.id,
        hoursText(x.covers),
        { text: formatValue(x.costPerWorker), cls: "num" },
      ]),
    },
  };
}

function targetTable({ s, targets }: StaffContext): Block {
  return {
    kind: "table",
    table: {
      caption: "Service targets: today and with the plan (mean ± 95 % half-width)",
      columns: ["KPI", "Target", "Today", "With the plan", "Met", "Whole interval met"],
      numeric: [false, false, true, true, false, false],
      rows: targets.map(([k, t]) => {
        const c = s.check?.targets[k];
        return [
          kpiMeta(k).label,
          targetText(k, t),
          { text: estimateText(k, s.baseline.kpis[k]), cls: "num" },
          { text: estimateText(k, c?.estimate), cls: "num" },
          c ? { text: c.ok ? "yes" : "no", cls: c.ok ? "good" : "bad" } : "—",
          c ? (c.confident ? "yes" : "no") : "—",
        ];
      }),
    },
  };
}

/** The plan's workers of `role` on shift in `hour`. */
function onShift(s: StaffingFile, role: string, hour: string): number {
  return s.shifts.reduce(
    (a, x) => a + (x.covers.includes(hour) ? (s.plan.headcount[role]?.[x.id] ?? 0) : 0),
    0,
  );
}

/** Workers needed per hour against the plan's workers on shift in that hour. */
function needSection({ s, hours, needRoles }: StaffContext): Section[] {
  const needTable: Block = {
    kind: "table",
    table: {
      caption: "Workers needed per hour of the day / workers the plan puts on shift",
      cls: needRoles.length > 4 ? "wide" : undefined,
      columns: ["Hour", ...needRoles],
      numeric: [false, ...needRoles.map(() => true)],
      rows: hours
        .filter((h) => needRoles.some((r) => (s.need[r][h] ?? 0) > 0 || onShift(s, r, h) > 0))
        .map((h) => [
          `${h.replace(/^h/, "")}:00`,
          ...needRoles.map((r): Cell => {
            const need = s.need[r][h] ?? 0;
            const have = onShift(s, r, h);
            return { text: `${need} / ${have}`, cls: have < need ? "num flag" : "num" };
          }),
        ]),
    },
  };
  return [
    {
      id: "need",
      title: "Workload per hour",
      blocks: [
        {
          kind: "p",
          text: "Each role's busy time today, spread over its working hours (by the order intake pattern for pickers, packers and loaders), gives the workers needed in each hour; the plan must put at least that many on shift.",
        },
        needTable,
      ],
      pageBreak: true,
    },
  ];
}

function layoutSection({ folder }: StaffContext): Section[] {
  if (!folder.layout) return [];
  const blocks = layoutBlocks(folder.layout, undefined, "staff").filter(
    (b) => b.kind === "drawing",
  );
  return [{ id: "layout", title: "Layout", blocks, pageBreak: true }];
}

function appendix(ctx: StaffContext): Section[] {
  return appendixSections(ctx.folder, staffAppendix(ctx));
}

function staffAppendix({ folder, s }: StaffContext): AppendixOptions {
  const identity = { ...s, warmupS: undefined, horizonS: undefined };
  return appendixOptions(folder, "Scenario assumptions (today's staffing)", identity, {
    extra: [["Productive share of a worker's time", `${formatValue(s.efficiency * 100)} %`]],
  });
}

/** Headcount, targets and the workload per hour as spreadsheets. */
function staffSheets({ s, roles, targets, hours, needRoles }: StaffContext): Sheet[] {
  return [
    {
      name: "Headcount",
      columns: ["role", "shift", "today (workers)", "plan (workers)", "cost per worker per day"],
      rows: roles.flatMap((role) =>
        s.shifts.map((x) => [
          role,
          x.id,
          s.baseline.headcount[role]?.[x.id] ?? 0,
          s.plan.headcount[role]?.[x.id] ?? 0,
          x.costPerWorker,
        ]),
      ),
    },
    {
      name: "Targets",
      columns: ["kpi", "min", "max", "today mean", "plan mean", "plan ci95", "met", "confident"],
      rows: targets.map(([k, t]) => {
        const c = s.check?.targets[k];
        return [
          k,
          t.min ?? null,
          t.max ?? null,
          s.baseline.kpis[k]?.mean ?? null,
          c?.estimate.mean ?? null,
          c && Number.isFinite(c.estimate.ci95) ? c.estimate.ci95 : null,
          c ? String(c.ok) : null,
          c ? String(c.confident) : null,
        ];
      }),
    },
    {
      name: "Need per hour",
      columns: ["role", "hour", "workers needed", "workers on shift (plan)"],
      rows: needRoles.flatMap((r) => hours.map((h) => [r, h, s.need[r][h] ?? 0, onShift(s, r, h)])),
    },
  ];
}
