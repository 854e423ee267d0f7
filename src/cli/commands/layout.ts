/**
 * `whsim layout <file> [--svg FILE] [--json]`: builds a layout file and reports its
 * locations and capacity by zone and type, aisle counts, the expected single-command
 * distance from the P&D point under random storage, and optionally an SVG drawing.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { InputError } from "../../common/inputError.ts";
import { layoutStats } from "../../layout/layoutStats.ts";
import { layoutSvg } from "../../layout/layoutSvg.ts";
import { loadLayout } from "../../layout/loadLayout.ts";
import { createTravelModel } from "../../layout/travelModel.ts";

interface LayoutFlags {
  svg?: string;
  json?: boolean;
}

const fmt = (x: number, digits = 1) => x.toLocaleString("en-US", { maximumFractionDigits: digits });

/** Registers `whsim layout`. */
export function layoutCommand(program: Command): void {
  program
    .command("layout")
    .description("Build a layout file and report capacity, aisles and single-command travel")
    .argument("<file>", "a layout YAML or JSON file (layouts/*.yaml)")
    .option("--svg <file>", "also draw the layout as SVG")
    .option("--json", "print the figures as JSON")
    .action(async (file: string, flags: LayoutFlags) => {
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
      if (flags.svg) await writeFile(flags.svg, layoutSvg(layout));
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
        return;
      }
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
      if (flags.svg) lines.push(`  drawing: ${flags.svg}`);
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
