import { describe, expect, it } from "vitest";
import { InputError, type InputIssue } from "../../src/common/inputError.ts";
import {
  buildLayout,
  loadLayout,
  MAX_LAYOUT_CHARS,
  validateLayoutSpec,
} from "../../src/layout/loadLayout.ts";
import { layoutSpecSchema } from "../../src/layout/spec.ts";

function issuesOf(run: () => unknown): InputIssue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return [...(error as InputError).issues];
  }
  throw new Error("expected an InputError");
}

const find = (issues: InputIssue[], path: string) => issues.find((i) => i.path === path);

describe("loadLayout(text, fileName)", () => {
  it("reports every problem at once with file, path, value and what was expected", () => {
    const text = [
      "generator: traditional",
      "name: bad",
      "aisle: 10",
      "baysPerAisle: -3",
      "levels: 2.5",
      "docks: { flow: Z, inbund: 2 }",
    ].join("\n");
    const issues = issuesOf(() => loadLayout(text, "bad.yaml"));
    expect(issues.every((i) => i.file === "bad.yaml")).toBe(true);
    expect(find(issues, "aisle")?.expected).toMatch(/did you mean "aisles"/);
    expect(find(issues, "aisles")?.value).toBeUndefined();
    expect(find(issues, "baysPerAisle")).toMatchObject({ value: -3, expected: ">= 1" });
    expect(find(issues, "levels")).toMatchObject({ value: 2.5, expected: "an integer" });
    expect(find(issues, "docks.flow")?.expected).toBe('one of "U", "I", "L"');
    expect(find(issues, "docks.inbund")?.expected).toMatch(/did you mean "inbound"/);
    expect(issues).toHaveLength(6);
  });

  it("names the generators when the generator is unknown", () => {
    const issues = issuesOf(() => loadLayout("generator: fishbon\nname: x\n", "x.yaml"));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: "generator", value: "fishbon" });
    expect(issues[0].expected).toContain('"fishbone"');
  });

  it("refuses YAML alias bombs", () => {
    const bomb = [
      "a: &a [1, 2]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
    ].join("\n");
    const issues = issuesOf(() => loadLayout(bomb, "bomb.yaml"));
    expect(issues[0].expected).toMatch(/alias/);
  });

  it("refuses inputs over the size limit before parsing", () => {
    const issues = issuesOf(() => loadLayout(" ".repeat(MAX_LAYOUT_CHARS + 1), "huge.yaml"));
    expect(issues[0].expected).toMatch(/at most/);
  });

  it("reports YAML and JSON syntax errors as input errors", () => {
    expect(issuesOf(() => loadLayout("generator: [\n", "x.yaml"))[0].path).toMatch(/^line \d+/);
    expect(issuesOf(() => loadLayout("{ nope", "x.json"))[0].expected).toBe("valid JSON");
  });

  it("reads JSON layouts", () => {
    const layout = loadLayout(
      JSON.stringify({ generator: "traditional", name: "j", aisles: 2, baysPerAisle: 3 }),
      "j.json",
    );
    expect(layout.aisles).toHaveLength(2);
  });
});

describe("validateLayoutSpec(data, file, basePath)", () => {
  it("prefixes paths for a spec embedded in a scenario", () => {
    const issues = issuesOf(() =>
      validateLayoutSpec(
        { generator: "traditional", name: "x", aisles: 0, baysPerAisle: 3 },
        "s.yaml",
        "layout",
      ),
    );
    expect(issues[0]).toMatchObject({ file: "s.yaml", path: "layout.aisles", value: 0 });
  });

  it("refuses layouts with more than MAX_LOCATIONS locations and blocks without bays", () => {
    const issues = issuesOf(() =>
      validateLayoutSpec({
        generator: "traditional",
        name: "huge",
        aisles: 500,
        baysPerAisle: 1000,
      }),
    );
    expect(find(issues, "baysPerAisle")?.expected).toMatch(/at most 2000000 locations/);
    const blocks = issuesOf(() =>
      validateLayoutSpec({
        generator: "traditional",
        name: "b",
        aisles: 2,
        baysPerAisle: 3,
        crossAisles: 3,
      }),
    );
    expect(find(blocks, "crossAisles")?.expected).toMatch(/fewer than baysPerAisle/);
    const fish = issuesOf(() =>
      validateLayoutSpec({ generator: "fishbone", name: "f", storageSlots: 400000, levels: 10 }),
    );
    expect(fish[0].path).toBe("storageSlots");
  });

  it("refuses explicit locations on aisles cut off from the P&D point", () => {
    const spec = {
      generator: "explicit",
      name: "cut",
      widthM: 20,
      depthM: 20,
      zones: [{ id: "reserve", kind: "reserve" }],
      aisles: [
        {
          id: "A1",
          points: [
            [2, 2],
            [2, 18],
          ],
        },
        {
          id: "A2",
          points: [
            [10, 5],
            [10, 18],
          ],
        },
        {
          id: "A3",
          points: [
            [15, 2],
            [15, 18],
          ],
          oneWay: true,
        },
      ],
      crossAisles: [
        {
          id: "X",
          points: [
            [2, 2],
            [15, 2],
          ],
        },
      ],
      locations: [
        { id: "L1", x: 1, y: 8, zone: "reserve", aisle: "A1" },
        { id: "L2", x: 11, y: 8, zone: "reserve", aisle: "A2" },
        { id: "L3", x: 16, y: 8, zone: "reserve", aisle: "A3" },
      ],
      pdPoints: [{ id: "PD", x: 5, y: 2 }],
    };
    const issues = issuesOf(() => buildLayout(spec as never, "cut.yaml"));
    expect(issues.map((i) => i.path)).toEqual(["locations[1].aisle", "locations[2].aisle"]);
    expect(issues[0].expected).toBe("an aisle connected both ways to P&D point PD");
  });

  it("refuses more fishbone doors than the front wall holds", () => {
    const issues = issuesOf(() =>
      buildLayout(
        { generator: "fishbone", name: "f", widthM: 40, depthM: 20, doorsPerSide: 6 },
        "f.yaml",
      ),
    );
    expect(issues[0]).toMatchObject({ file: "f.yaml", path: "doorsPerSide", value: 6 });
  });

  it("asks a fishbone for its size", () => {
    const issues = issuesOf(() => validateLayoutSpec({ generator: "fishbone", name: "f" }));
    expect(issues[0].expected).toBe("widthM and depthM, or storageSlots");
  });

  it("checks explicit layouts' cross references with suggestions", () => {
    const spec = {
      generator: "explicit",
      name: "e",
      widthM: 10,
      depthM: 10,
      zones: [{ id: "reserve", kind: "reserve" }],
      aisles: [
        {
          id: "A1",
          points: [
            [1, 1],
            [1, 9],
          ],
        },
      ],
      locations: [
        { id: "L1", x: 0, y: 5, zone: "reserv", aisle: "A2" },
        { id: "L1", x: 0, y: 6, zone: "reserve", aisle: "A1" },
      ],
      pdPoints: [{ id: "PD", x: 1, y: 1 }],
    };
    const issues = issuesOf(() => buildLayout(spec as never, "e.yaml"));
    expect(find(issues, "locations[0].aisle")?.expected).toMatch(/did you mean "A1"/);
    expect(find(issues, "locations[0].zone")?.expected).toMatch(/did you mean "reserve"/);
    expect(find(issues, "locations[1].id")?.expected).toBe("a unique id");
  });

  it("fills defaults: layoutSpecSchema is usable inside a scenario schema", () => {
    const spec = layoutSpecSchema.parse({
      generator: "traditional",
      name: "d",
      aisles: 4,
      baysPerAisle: 5,
    });
    expect(spec).toMatchObject({ aisleWidthM: 3, crossAisles: 0, docks: { flow: "U" } });
  });
});
