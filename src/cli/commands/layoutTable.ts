/**
 * The table `whsim layout` prints for several layouts: one column per layout, one row per
 * figure (footprint, locations by type, aisles, docks, expected single-command travel).
 */
import type { LayoutStats } from "../../layout/layoutStats.ts";

const num = (x: number, digits = 0) =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The rows of the comparison: a label and one cell per layout. */
export function layoutTableRows(all: LayoutStats[]): [string, ...string[]][] {
  const types = [...new Set(all.flatMap((s) => Object.keys(s.byType)))].sort();
  const row = (label: string, cell: (s: LayoutStats) => string): [string, ...string[]] => [
    label,
    ...all.map(cell),
  ];
  return [
    row("footprint (m²)", (s) => num(s.areaM2)),
    row("width × depth (m)", (s) => `${num(s.widthM, 1)} × ${num(s.depthM, 1)}`),
    row("locations", (s) => num(s.locations)),
    ...types.map((t) => row(`  ${t} locations`, (s) => num(s.byType[t]?.locations ?? 0))),
    row("picking aisles", (s) => num(s.pickingAisles)),
    row("cross aisles", (s) => num(s.crossAisles)),
    row("docks in / out", (s) => `${s.docks.inbound} / ${s.docks.outbound}`),
    row("staging lanes", (s) => num(s.stagingLanes)),
    row("pack stations", (s) => num(s.packStations)),
    row("expected travel (m)", (s) => num(s.avgSingleCommandDistanceM, 1)),
  ];
}

/** The comparison as aligned text, with a note on what the expected travel is. */
export function layoutTable(all: LayoutStats[]): string {
  const rows: string[][] = [["layout", ...all.map((s) => s.name)], ...layoutTableRows(all)];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "),
  );
  lines.push(
    "expected travel: mean single-command round trip from the first P&D point to every location and back (random storage), along the aisles",
  );
  return lines.join("\n");
}
