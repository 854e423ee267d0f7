/**
 * `whsim layout a b --svg DIR --sheet FILE`: the comparison table's figures against figures
 * worked out by hand from the two layout files, and the drawings' labels, legend and scale.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { whsim } from "../setup/inProcessCli.ts";

const tmp = mkdtempSync(join(tmpdir(), "whsim-layout-compare-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** A one-aisle layout: a pallet location 8 m and a shelf location 18 m up the aisle from PD. */
const ONE_AISLE = `generator: explicit
name: one-aisle
widthM: 10
depthM: 30
zones:
  - { id: store, kind: reserve }
aisles:
  - { id: B1, points: [[5, 2], [5, 28]], widthM: 3 }
crossAisles:
  - { id: B-front, points: [[1, 2], [9, 2]], widthM: 3 }
locations:
  - { id: P1, x: 3.5, y: 10, zone: store, aisle: B1, type: pallet }
  - { id: S1, x: 6.5, y: 20, zone: store, aisle: B1, type: shelf }
docks:
  - { id: DOOR-IN, kind: inbound, x: 3, y: 0 }
  - { id: DOOR-OUT, kind: outbound, x: 7, y: 0 }
pdPoints:
  - { id: PD, x: 5, y: 2 }
`;

/**
 * Mean single-command round trips worked out by hand along the aisles:
 * - explicit-small (PD at (9, 2) on the front cross aisle; A2 one-way away from the front):
 *   L1 at (4, 8): 5 + 6 = 11 each way → 22; L2 at (4, 18): 5 + 16 = 21 each way → 42;
 *   L3 at (14, 6): out 5 + 4 = 9, back up A2 16, across the back 10, down A1 20, front 5
 *   = 51 → 60; L4 at (14, 20): out 5 + 18 = 23, back 2 + 10 + 20 + 5 = 37 → 60. Mean 46.
 * - one-aisle (PD at (5, 2)): 2 × 8 and 2 × 18 → mean 26.
 */
const TRAVEL_M = { "explicit-small": 46, "one-aisle": 26 };

/** The table row that starts with `label`, split into its cells. */
function tableRow(stdout: string, label: string): string[] {
  const line = stdout.split("\n").find((l) => l.startsWith(label));
  expect(line, `row ${label}`).toBeDefined();
  return line!
    .slice(label.length)
    .trim()
    .split(/\s{2,}/);
}

describe("whsim layout a b (comparison, drawings)", () => {
  it("prints a table whose figures match the layout files", async () => {
    const b = join(tmp, "one-aisle.yaml");
    writeFileSync(b, ONE_AISLE);
    const files = ["layouts/explicit-small.yaml", b];
    const specs = files.map((f) => parse(readFileSync(f, "utf8")));
    const run = await whsim("layout", ...files);
    expect(run.code).toBe(0);
    expect(tableRow(run.stdout, "layout")).toEqual(["explicit-small", "one-aisle"]);
    const area = specs.map((s) => (s.widthM * s.depthM).toLocaleString("en-US"));
    expect(tableRow(run.stdout, "footprint (m²)")).toEqual(area);
    expect(tableRow(run.stdout, "locations")).toEqual(specs.map((s) => String(s.locations.length)));
    const ofType = (t: string) =>
      specs.map((s) => String(s.locations.filter((l: any) => (l.type ?? "pallet") === t).length));
    expect(tableRow(run.stdout, "  pallet locations")).toEqual(ofType("pallet"));
    expect(tableRow(run.stdout, "  shelf locations")).toEqual(ofType("shelf"));
    expect(tableRow(run.stdout, "picking aisles")).toEqual(
      specs.map((s) => String(s.aisles.length)),
    );
    expect(tableRow(run.stdout, "cross aisles")).toEqual(
      specs.map((s) => String(s.crossAisles.length)),
    );
    expect(tableRow(run.stdout, "docks in / out")).toEqual(["1 / 1", "1 / 1"]);
    expect(tableRow(run.stdout, "expected travel (m)").map(Number)).toEqual([
      TRAVEL_M["explicit-small"],
      TRAVEL_M["one-aisle"],
    ]);
  });

  it("--svg DIR draws one SVG per layout with labels, legend and scale bar", async () => {
    const b = join(tmp, "one-aisle.yaml");
    writeFileSync(b, ONE_AISLE);
    const dir = join(tmp, "drawings");
    const run = await whsim("layout", "layouts/explicit-small.yaml", b, "--svg", dir);
    expect(run.code).toBe(0);
    const one = readFileSync(join(dir, "one-aisle.svg"), "utf8");
    const small = readFileSync(join(dir, "explicit-small.svg"), "utf8");
    expect(one).toMatch(/^<svg /);
    expect(one).toContain('class="aisle-label" ');
    expect(one).toMatch(/class="aisle-label"[^>]*>B1</);
    expect(one).toMatch(/class="zone-label"[^>]*>store</);
    expect(one).toMatch(/class="dock-label"[^>]*>DOOR-IN</);
    expect(one).toMatch(/class="dock-label"[^>]*>DOOR-OUT</);
    for (const text of ["Rack", "Picking aisle", "Inbound dock", "Outbound dock", "P&amp;D point"])
      expect(one).toContain(`>${text}</text>`);
    // A round scale bar: 1, 2 or 5 × 10ⁿ m, at most a quarter of the widest building.
    const metres = Number(/class="scale-bar" data-metres="([\d.]+)"/.exec(one)?.[1]);
    expect([1, 2, 5]).toContain(metres / 10 ** Math.floor(Math.log10(metres)));
    expect(metres).toBeLessThanOrEqual(10 / 4);
    expect(one).toContain(`>${metres} m</text>`);
    expect(small).toMatch(/class="aisle-label"[^>]*>A2</);
    // The viewer's colours: inbound and outbound doors.
    expect(one).toContain('fill="#0284c7"');
    expect(one).toContain('fill="#ea580c"');
  });

  it("--sheet FILE draws both layouts side by side at one scale", async () => {
    const b = join(tmp, "one-aisle.yaml");
    writeFileSync(b, ONE_AISLE);
    const sheet = join(tmp, "sheet.svg");
    const run = await whsim("layout", "layouts/explicit-small.yaml", b, "--sheet", sheet);
    expect(run.code).toBe(0);
    const svg = readFileSync(sheet, "utf8");
    expect(svg.match(/<g class="layout" /g)?.length).toBe(2);
    expect(svg.match(/class="legend"/g)?.length).toBe(1);
    expect(svg.match(/class="scale-bar"/g)?.length).toBe(1);
    // Same scale: each floor outline is its layout's width × 6 px.
    const floors = [
      ...svg.matchAll(
        /<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="([\d.]+)" fill="#f8fafc"/g,
      ),
    ];
    expect(floors.map((m) => [Number(m[1]), Number(m[2])])).toEqual([
      [20 * 6, 24 * 6],
      [10 * 6, 30 * 6],
    ]);
  });

  it("exits 2 naming the file and field of a bad layout, and --svg naming a file for several", async () => {
    const bad = join(tmp, "bad.yaml");
    writeFileSync(bad, ONE_AISLE.replace("widthM: 10", "widthM: -4"));
    const run = await whsim("layout", "layouts/explicit-small.yaml", bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${bad}: widthM: -4`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const file = join(tmp, "exists.svg");
    writeFileSync(file, "");
    const svg = await whsim("layout", "layouts/explicit-small.yaml", bad, "--svg", file);
    expect(svg.code).toBe(2);
    expect(svg.stderr).toMatch(/--svg: .*a folder/);
  });
});
