/**
 * `whsim layout <files...> [--svg PATH] [--sheet FILE] [--json]`: builds layout files and
 * reports their locations and capacity by zone and type, aisle counts and the expected
 * single-command distance from the P&D point under random storage, with a table comparing
 * them when there are several; draws each as SVG (a file, or a folder for several) or all
 * side by side on one sheet.
 */
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Command } from "commander";
import { InputError, type InputIssue, isInputError } from "../../common/inputError.ts";
import { type LayoutStats, layoutStats } from "../../layout/layoutStats.ts";
import { layoutSheetSvg, layoutSvg } from "../../layout/layoutSvg.ts";
import { loadLayout } from "../../layout/loadLayout.ts";
import { createTravelModel } from "../../layout/travelModel.ts";
import type { Layout } from "../../layout/types.ts";
import { parseDataText } from "../../scenario/index.ts";
import { layoutTable } from "./layoutTable.ts";

interface LayoutFlags {
  svg?: string;
  sheet?: string;
  json?: boolean;
}

/** One layout file as built: its file, layout and figures. */
interface Described {
  file: string;
  layout: Layout;
  stats: LayoutStats;
}

const fmt = (x: number, digits = 1) => x.toLocaleString("en-US", { maximumFractionDigits: digits });

/** Keys a scenario file has and a layout file does not. */
const SCENARIO_KEYS = ["layout", "outbound", "inbound", "horizonDays", "skus", "workforce"];

/**
 * Refuses a scenario passed where a layout is expected (it has no `generator:` but has
 * scenario settings), rather than reporting `generator: missing`.
 */
function refuseScenario(text: string, file: string): void {
  let data: unknown;
  try {
    data = parseDataText(text, file);
  } catch {
    return; // loadLayout() reports the syntax error
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return;
  const keys = Object.keys(data);
  if (keys.includes("generator") || !keys.some((k) => SCENARIO_KEYS.includes(k))) return;
  const layout = (data as Record<string, unknown>).layout;
  throw new InputError({
    file,
    path: "",
    value: "a scenario file",
    expected: `a layout file (with generator:); this looks like a scenario${typeof layout === "string" ? `, whose layout is ${layout}` : ""}: pass a layout file such as layouts/*.yaml, or use whsim validate for a scenario`,
  });
}

/** The layout and figures of one layout file (throws InputError for bad input). */
async function describeLayout(file: string): Promise<Described> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "unreadable";
    throw new InputError({
      file,
      path: "",
      value: file,
      expected: `a readable layout file (${code})`,
    });
  }
  refuseScenario(text, file);
  const layout = loadLayout(text, file);
  const travel = createTravelModel(layout);
  const stats = layoutStats(layout, travel);
  if (!Number.isFinite(stats.avgSingleCommandDistanceM)) {
    const cut = layout.locations.find(
      (l) => !Number.isFinite(travel.distanceM(stats.pdPoint, l.id)),
    );
    throw new InputError({
      file,
      path: "aisles",
      value: cut?.id,
      expected: `every location reachable from P&D point ${stats.pdPoint} along the aisles`,
    });
  }
  return { file, layout, stats };
}

/** Refuses `--svg` naming a file when several layouts need a folder. */
function checkSvgPath(svg: string | undefined, count: number): void {
  if (!svg || count < 2 || !existsSync(svg) || statSync(svg).isDirectory()) return;
  throw new InputError({
    file: "--svg",
    path: "",
    value: svg,
    expected: `a folder for the drawings of ${count} layout files (it names an existing file)`,
  });
}

/** Where each layout's drawing goes: the `--svg` file, or `<folder>/<file name>.svg`. */
function svgPaths(svg: string, described: Described[], several: boolean): string[] {
  if (!several) return [svg];
  const seen = new Map<string, number>();
  return described.map(({ file }) => {
    const stem = basename(file, extname(file));
    const n = (seen.get(stem) ?? 0) + 1;
    seen.set(stem, n);
    return join(svg, `${n > 1 ? `${stem}-${n}` : stem}.svg`);
  });
}

/** Writes the drawings the flags ask for and returns the lines saying where they went. */
async function writeDrawings(flags: LayoutFlags, described: Described[], several: boolean) {
  const notes: string[] = [];
  if (flags.svg && described.length > 0) {
    if (several) await mkdir(flags.svg, { recursive: true });
    const paths = svgPaths(flags.svg, described, several);
    for (let i = 0; i < described.length; i++) {
      await writeFile(paths[i], layoutSvg(described[i].layout));
      notes.push(`drawing of ${described[i].stats.name}: ${paths[i]}`);
    }
  }
  if (flags.sheet && described.length > 0) {
    await writeFile(flags.sheet, layoutSheetSvg(described.map((d) => d.layout)));
    notes.push(`sheet of ${described.length} layout(s) side by side: ${flags.sheet}`);
  }
  return notes;
}

/** Builds every file, collecting each bad file's problems rather than stopping. */
async function describeAll(files: string[], issues: InputIssue[]): Promise<Described[]> {
  const described: Described[] = [];
  for (const file of files) {
    try {
      described.push(await describeLayout(file));
    } catch (error) {
      if (!isInputError(error)) throw error;
      issues.push(...error.issues);
    }
  }
  return described;
}

/** Registers `whsim layout`. */
export function layoutCommand(program: Command): void {
  program
    .command("layout")
    .description("Build layout files and report capacity, aisles and single-command travel")
    .argument("<files...>", "layout YAML or JSON files (e.g. layouts/*.yaml)")
    .option("--svg <path>", "draw each layout as SVG: a file, or a folder for several layouts")
    .option("--sheet <file>", "draw all layouts side by side at one scale in one SVG")
    .option("--json", "print the figures as JSON (an array for several files)")
    .action(async (files: string[], flags: LayoutFlags) => {
      const several = files.length > 1;
      checkSvgPath(flags.svg, files.length);
      const issues: InputIssue[] = [];
      const described = await describeAll(files, issues);
      const all = described.map((d) => d.stats);
      const notes = await writeDrawings(flags, described, several);
      if (flags.json) {
        const value = several ? all : all[0];
        if (value !== undefined) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      } else if (all.length > 0) {
        const texts = all.map((stats) => layoutText(stats));
        if (all.length > 1) texts.push(layoutTable(all));
        if (notes.length > 0) texts.push(notes.join("\n"));
        process.stdout.write(`${texts.join("\n\n")}\n`);
      }
      if (issues.length > 0) throw new InputError(issues);
    });
}

/** The text report of one layout. */
function layoutText(stats: LayoutStats): string {
  const lines = [
    `${stats.name}: ${fmt(stats.widthM)} m × ${fmt(stats.depthM)} m (${fmt(stats.areaM2, 0)} m²)`,
    `  locations ${stats.locations} (${stats.floorPositions} at floor level), picking aisles ${stats.pickingAisles}, cross aisles ${stats.crossAisles}`,
    `  docks: ${stats.docks.inbound} inbound, ${stats.docks.outbound} outbound; staging lanes ${stats.stagingLanes}; pack stations ${stats.packStations}`,
    `  avg single-command distance from ${stats.pdPoint}: ${fmt(stats.avgSingleCommandDistanceM, 2)} m`,
    "  by zone:",
    ...Object.entries(stats.byZone).map(
      ([z, t]) =>
        `    ${z.padEnd(12)} ${String(t.locations).padStart(7)} locations  ${fmt(t.cubeM3).padStart(10)} m³  ${fmt(t.weightKg, 0).padStart(12)} kg  ${String(t.unitLoads).padStart(7)} unit loads`,
    ),
    "  by type:",
    ...Object.entries(stats.byType).map(
      ([z, t]) =>
        `    ${z.padEnd(12)} ${String(t.locations).padStart(7)} locations  ${fmt(t.cubeM3).padStart(10)} m³  ${fmt(t.weightKg, 0).padStart(12)} kg  ${String(t.unitLoads).padStart(7)} unit loads`,
    ),
  ];
  return lines.join("\n");
}
