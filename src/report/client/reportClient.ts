/**
 * Runs inside the report page: reads the report's data island and draws its charts (the
 * shared chart functions) and layout drawings (the viewer's draw functions). Bundled into
 * the HTML by clientBundle.ts; it reads nothing but the page.
 */
import { drawChart as drawChartOfType } from "../../../web/src/charts/index.ts";
import { drawAisleHeatmap, drawLocationHeatmap } from "../../../web/src/draw/drawHeatmaps.ts";
import { drawLayout } from "../../../web/src/draw/drawLayout.ts";
import { drawLegend } from "../../../web/src/draw/drawLegend.ts";
import { heatDomain } from "../../../web/src/draw/heatScale.ts";
import type { ChartSpec, DrawingSpec, PageData } from "../reportModel.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

function drawChart(spec: ChartSpec): void {
  const el = document.getElementById(spec.id);
  if (!el) return;
  drawChartOfType(spec.type, el, spec.data, spec.options);
}

function drawDrawing(spec: DrawingSpec): void {
  const el = document.getElementById(spec.id);
  if (!el) return;
  const { layout } = spec;
  const margin = Math.max(2, 0.03 * Math.max(layout.widthM, layout.depthM));
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("class", "layout-drawing");
  svg.setAttribute(
    "viewBox",
    `${-margin} ${-margin} ${layout.widthM + 2 * margin} ${layout.depthM + 2 * margin}`,
  );
  svg.setAttribute("width", "100%");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", spec.title);
  el.appendChild(svg);
  drawLayout(svg, layout, { labels: !spec.heat, locations: spec.heat?.kind === "locations" });
  if (spec.heat) {
    const options = { title: (id: string, v: number) => `${id}: ${v} ${spec.heat?.unit}` };
    if (spec.heat.kind === "locations") drawLocationHeatmap(svg, layout, spec.heat.values, options);
    else drawAisleHeatmap(svg, layout, spec.heat.values, options);
    drawLegend(el, {
      title: spec.heat.title,
      unit: spec.heat.unit,
      domain: heatDomain(Object.values(spec.heat.values)),
      width: Math.max(160, Math.min(260, el.clientWidth - 16)),
    });
  }
}

function main(): void {
  const island = document.getElementById("report-data");
  if (!island?.textContent) return;
  const data = JSON.parse(island.textContent) as PageData;
  const failures: string[] = [];
  const attempt = (id: string, draw: () => void) => {
    try {
      draw();
    } catch (error) {
      failures.push(id);
      const el = document.getElementById(id);
      if (el) el.textContent = `This figure could not be drawn: ${(error as Error).message}`;
    }
  };
  for (const chart of data.charts) attempt(chart.id, () => drawChart(chart));
  for (const drawing of data.drawings) {
    attempt(drawing.id, () => drawDrawing({ ...drawing, layout: data.layouts[drawing.layout] }));
  }
  document.body.dataset.rendered = failures.length === 0 ? "ok" : `failed: ${failures.join(" ")}`;
}

main();
