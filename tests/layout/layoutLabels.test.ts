/**
 * Labels of `whsim layout` drawings: placed by measured boxes, they never overlap each other,
 * the title or a symbol — checked on the drawn SVG in Chromium for the fishbone, flying-V
 * and traditional layouts, at the usual scale and at a small one where labels must thin out.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { labelBox, placeLabels, textWidth } from "../../src/layout/labelPlacement.ts";
import { layoutSvg } from "../../src/layout/layoutSvg.ts";
import { loadLayout } from "../../src/layout/loadLayout.ts";
import { launchBrowser, type TestBrowser } from "../report/browser.ts";

const shots = mkdtempSync(join(tmpdir(), "whsim-layout-labels-"));

describe("placeLabels()", () => {
  it("textWidth() adds Helvetica's advance widths: V15 at 7 px", () => {
    // V 667, 1 556, 5 556 thousandths of an em.
    expect(textWidth("V15", 7)).toBeCloseTo(((667 + 556 + 556) / 1000) * 7, 9);
    expect(textWidth("V15", 7, true)).toBeGreaterThan(textWidth("V15", 7));
  });

  it("placeLabels() moves a label off a taken spot and leaves out one with no free spot", () => {
    const a = { x: 50, y: 50, anchor: "middle" as const };
    const b = { x: 50, y: 80, anchor: "middle" as const };
    const spots = placeLabels(
      [
        { text: "A01", fontSize: 7, spots: [a] },
        { text: "A02", fontSize: 7, spots: [a, b] },
        { text: "A03", fontSize: 7, spots: [a, b] },
      ],
      [],
    );
    expect(spots).toEqual([a, b, null]);
  });

  it("placeLabels() keeps labels off the symbols it is given", () => {
    const spot = { x: 10, y: 10, anchor: "start" as const };
    const box = labelBox({ text: "IN1", fontSize: 8 }, spot);
    const other = { x: 10, y: 40, anchor: "start" as const };
    expect(placeLabels([{ text: "IN1", fontSize: 8, spots: [spot, other] }], [box])).toEqual([
      other,
    ]);
  });
});

/** What a drawn SVG shows: labels, title and symbol boxes as Chromium lays them out. */
interface Drawn {
  labels: { text: string; cls: string; r: [number, number, number, number] }[];
  symbols: { cls: string; r: [number, number, number, number] }[];
}

function overlapping(a: number[], b: number[]): boolean {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  return w > 0.5 && h > 0.5;
}

/** Pairs of labels that overlap each other or a symbol. */
function collisions(d: Drawn): string[] {
  const found: string[] = [];
  d.labels.forEach((a, i) => {
    for (const b of d.labels.slice(i + 1))
      if (overlapping(a.r, b.r)) found.push(`${a.text} × ${b.text}`);
    for (const s of d.symbols) if (overlapping(a.r, s.r)) found.push(`${a.text} × ${s.cls}`);
  });
  return found;
}

const LAYOUTS = ["fishbone", "flying-v", "traditional"];

describe("layout drawings in Chromium", () => {
  let browser: TestBrowser | undefined;
  afterAll(() => browser?.close());

  async function draw(name: string, scale: number): Promise<{ drawn: Drawn; aisles: number }> {
    const file = `layouts/${name}.yaml`;
    const layout = loadLayout(readFileSync(file, "utf8"), file);
    browser ??= await launchBrowser();
    const page = await browser.context.newPage();
    await page.setContent(
      `<!doctype html><body style="margin:0">${layoutSvg(layout, { scale })}</body>`,
    );
    const drawn = await page.evaluate((): Drawn => {
      const box = (e: Element): [number, number, number, number] => {
        const r = e.getBoundingClientRect();
        return [r.x, r.y, r.width, r.height];
      };
      return {
        labels: [...document.querySelectorAll("g.labels text, text.layout-title")].map((t) => ({
          text: t.textContent ?? "",
          cls: t.getAttribute("class") ?? "",
          r: box(t),
        })),
        symbols: [...document.querySelectorAll("rect.dock, rect.pack, path.pd")].map((s) => ({
          cls: s.getAttribute("class") ?? "",
          r: box(s),
        })),
      };
    });
    await page.locator("svg").screenshot({ path: join(shots, `${name}-scale-${scale}.png`) });
    await page.close();
    return { drawn, aisles: layout.aisles.length };
  }

  for (const name of LAYOUTS) {
    it(`the ${name} drawing labels every aisle and dock with no label over another or a symbol`, async () => {
      const { drawn, aisles } = await draw(name, 6);
      expect(collisions(drawn)).toEqual([]);
      expect(drawn.labels.filter((l) => l.cls === "aisle-label")).toHaveLength(aisles);
      expect(drawn.labels.filter((l) => l.cls === "dock-label").length).toBeGreaterThan(0);
    });
  }

  it("a fishbone drawn small thins its aisle labels out rather than overlap them", async () => {
    const { drawn, aisles } = await draw("fishbone", 2);
    expect(collisions(drawn)).toEqual([]);
    const shown = drawn.labels.filter((l) => l.cls === "aisle-label").length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(aisles);
    console.log(`layout label screenshots: ${shots}`);
  });
});
