/**
 * The equipment against the layout: a kind must serve its task, fit the picking aisles and
 * reach the top level; each problem names the field and exits 2 in the CLI (InputError).
 */
import { describe, expect, it } from "vitest";
import { formatIssue, type InputIssue } from "../../src/common/inputError.ts";
import { loadScenario } from "../../src/scenario/index.ts";

function messages(text: string, layout?: { file: string; text: string }): string[] {
  try {
    loadScenario(text, "s.yaml", layout);
  } catch (error) {
    return (error as { issues: InputIssue[] }).issues.map(formatIssue);
  }
  return [];
}

const inline = (layout: string, equipment = "") =>
  `name: x\nlayout: { generator: traditional, name: l, aisles: 4, baysPerAisle: 6, ${layout} }\n${equipment}`;

describe("loadScenario() checks equipment against the layout", () => {
  it("accepts the defaults: reach trucks in 3 m aisles up to 4.5 m", () => {
    expect(messages(inline("levels: 4"))).toEqual([]);
  });

  it("a reach truck in a 1.6 m aisle is an error naming layout.aisleWidthM", () => {
    const m = messages(inline("aisleWidthM: 1.6"));
    expect(m).toHaveLength(2);
    expect(m[0]).toMatch(
      /^s\.yaml: layout\.aisleWidthM: 1\.6 \(at least 2\.7 m.*reachTruck \(equipment\.tasks\.putaway\)/,
    );
    expect(m[1]).toMatch(/equipment\.tasks\.replenish/);
  });

  it("a turret truck works the 1.6 m aisle", () => {
    const equipment =
      "equipment:\n  pools: { turretTruck: { count: 2 }, palletJack: { count: 2 }, cart: { count: 4 } }\n  tasks: { putaway: turretTruck, replenish: turretTruck }\n";
    expect(messages(inline("aisleWidthM: 1.6", equipment))).toEqual([]);
  });

  it("levels above the truck's lift name layout.levels, in a layout file without the prefix", () => {
    const m = messages("name: x\nlayout: l.yaml\n", {
      file: "l.yaml",
      text: "generator: traditional\nname: l\naisles: 4\nbaysPerAisle: 6\nlevels: 9\nlevelHeightM: 1.5\n",
    });
    // Top beam (9 − 1) × 1.5 = 12 m; a reach truck reaches 10 m.
    expect(m[0]).toMatch(/^l\.yaml: levels: 9 \(a top level at most 10 m high \(it is 12 m\)/);
  });

  it("a lift override on the pool decides the reach", () => {
    const equipment =
      "equipment:\n  pools: { reachTruck: { count: 2, maxLiftM: 12 }, palletJack: { count: 2 }, cart: { count: 4 } }\n";
    expect(messages(inline("levels: 9", equipment))).toEqual([]);
  });

  it("a kind that does not serve the task is an error naming equipment.tasks", () => {
    const equipment = "equipment:\n  tasks: { putaway: cart }\n";
    expect(messages(inline("levels: 4", equipment))).toEqual([
      's.yaml: equipment.tasks.putaway: "cart" (a kind that serves putaway)',
    ]);
  });

  it("a pallet jack cannot put away to racks above the floor", () => {
    const equipment = "equipment:\n  tasks: { putaway: palletJack }\n";
    const m = messages(inline("levels: 2", equipment));
    expect(m).toEqual([
      "s.yaml: layout.levels: 2 (a top level at most 0 m high (it is 1.5 m), the reach of palletJack (equipment.tasks.putaway))",
    ]);
  });

  it("walking pickers reach the forward shelves by hand, not a high forward rack", () => {
    const ok = inline(
      "forward: { aisles: 1, levels: 5, levelHeightM: 0.4 }",
      "equipment:\n  tasks: { pick: none }\n",
    );
    expect(messages(ok)).toEqual([]);
    const high = inline("forward: { aisles: 1, levels: 3, levelHeightM: 1.5 }");
    expect(messages(high)[0]).toMatch(
      /layout\.forward\.levels: 3 \(.*it is 3 m.*cart \(equipment\.tasks\.pick\)/,
    );
  });
});
