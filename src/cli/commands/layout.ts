/**
 * `whsim layout <file> [--svg FILE] [--json]`: builds a layout file and reports its
 * locations and capacity by zone and type, aisle counts, the expected single-command
 * distance from the P&D point under random storage, and optionally an SVG drawing.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { InputError, type InputIssue, isInputError } from "../../common/inputError.ts";
import { type LayoutStats, layoutStats } from "../../layout/layoutStats.ts";
import { layoutSvg } from "../../layout/layoutSvg.ts";
import { loadLayout } from "../../layout/loadLayout.ts";
import { createTravelModel } from "../../layout/travelModel.ts";
import { parseDataText } from "../../scenario/index.ts";

interface LayoutFlags {
  svg?: string;
  json?: boolean;
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

/** The figures of one layout file (throws InputError for bad input). */
async function describeLayout(file: string, svg: string | undefined) {
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
  if (svg) await writeFile(svg, layoutSvg(layout));
  return stats;
}

/** Registers `whsim layout`. */
export function layoutCommand(program: Command): void {
  program
    .command("layout")
    .description("Build layout files and report capacity, aisles and single-command travel")
    .argument("<files...>", "layout YAML or JSON files (e.g. layouts/*.yaml)")
    .option("--svg <file>", "also draw the layout as SVG (one layout file only)")
    .option("--json", "print the figures as JSON (an array for several files)")
    .action(async (files: string[], flags: LayoutFlags) => {
      if (flags.svg && files.length > 1) {
        throw new InputError({
          file: "--svg",
          path: "",
          value: `${files.length} layout files`,
          expected: "one layout file with --svg",
        });
      }
      const issues: InputIssue[] = [];
      const all: LayoutStats[] = [];
      const texts: string[] = [];
      for (const file of files) {
        let stats: LayoutStats;
        try {
          stats = await describeLayout(file, flags.svg);
        } catch (error) {
          if (!isInputError(error)) throw error;
          issues.push(...error.issues);
          continue;
        }
        all.push(stats);
        texts.push(layoutText(stats, flags.svg));
      }
      if (flags.json) {
        const value = files.length === 1 ? all[0] : all;
        if (value !== undefined) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      } else if (texts.length > 0) process.stdout.write(`${texts.join("\n\n")}\n`);
      if (issues.length > 0) throw new InputError(issues);
    });
}

/** The text report of one layout. */
function layoutText(stats: LayoutStats, svg: string | undefined): string {
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
  if (svg) lines.push(`  drawing: ${svg}`);
  return lines.join("\n");
}
