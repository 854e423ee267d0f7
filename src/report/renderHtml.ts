/**
 * Renders a report model as one self-contained, printable HTML page: styles, the page
 * script and the data inline; a content security policy forbids any network request.
 * Every piece of user text goes through escapeHtml().
 */
import { VERSION } from "../common/version.ts";
import type { Layout } from "../layout/types.ts";
import { escapeHtml, jsonForScript, scriptText } from "./escapeHtml.ts";
import { REPORT_CSS } from "./reportCss.ts";
import type { Block, ChartSpec, DrawingSpec, PageData, ReportModel, Table } from "./reportModel.ts";

/** Keeps ids to `[a-z0-9-]`. */
function safeId(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]/g, "-");
}

function renderTable(t: Table): string {
  const head = t.columns
    .map((c, i) => `<th${t.numeric?.[i] ? ' class="num"' : ""}>${escapeHtml(c)}</th>`)
    .join("");
  const body = t.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) => {
            const text = typeof cell === "string" ? cell : cell.text;
            const cls = [
              t.numeric?.[i] ? "num" : "",
              typeof cell === "string" ? "" : (cell.cls ?? ""),
            ]
              .filter(Boolean)
              .join(" ")
              .split(" ")
              .filter((c, k, all) => c && all.indexOf(c) === k)
              .join(" ");
            return `<td${cls ? ` class="${escapeHtml(cls)}"` : ""}>${escapeHtml(text)}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");
  const caption = t.caption ? `<caption>${escapeHtml(t.caption)}</caption>` : "";
  return `<table${t.cls ? ` class="${escapeHtml(t.cls)}"` : ""}>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A figure's value with its unit set smaller: `55.2 <span class="unit">orders/h</span>`. */
function figureValue(value: string): string {
  const m = /^([-−+]?[\d.,]+)\s+(.+)$/.exec(value);
  return m
    ? `${escapeHtml(m[1])} <span class="unit">${escapeHtml(m[2])}</span>`
    : escapeHtml(value);
}

/** ` screen-only` or ` print-only` for a table wrapper whose table carries that class. */
function mediaClass(cls: string | undefined): string {
  const list = cls?.split(" ") ?? [];
  return ["screen-only", "print-only"]
    .filter((c) => list.includes(c))
    .map((c) => ` ${c}`)
    .join("");
}

function renderBlock(b: Block, charts: ChartSpec[], drawings: DrawingSpec[]): string {
  switch (b.kind) {
    case "p":
      return `<p>${escapeHtml(b.text)}</p>`;
    case "note":
      return `<p class="note${b.printOnly ? " print-only" : ""}">${escapeHtml(b.text)}</p>`;
    case "table":
      return `<div class="table-wrap${b.table.rows.length > 24 || b.table.cls?.includes("long") ? " long" : ""}${mediaClass(b.table.cls)}">${renderTable(b.table)}</div>`;
    case "chart": {
      const chart = { ...b.chart, id: safeId(b.chart.id) };
      charts.push(chart);
      return `<figure class="chart" id="${chart.id}" data-chart-type="${escapeHtml(chart.type)}"></figure>`;
    }
    case "drawing": {
      const drawing = { ...b.drawing, id: safeId(b.drawing.id) };
      drawings.push(drawing);
      return `<figure class="drawing" id="${drawing.id}"><figcaption>${escapeHtml(drawing.title)}</figcaption></figure>`;
    }
    case "answer":
      return `<dl class="answer">${b.items
        .map((a) => `<dt>${escapeHtml(a.label)}</dt><dd>${escapeHtml(a.text)}</dd>`)
        .join("")}</dl>`;
    case "figures":
      return `<div class="figures">${b.items
        .map(
          (f) =>
            `<div class="figure"><div class="value">${figureValue(f.value)}</div><div class="label">${escapeHtml(f.label)}</div>${f.detail ? `<div class="detail">${escapeHtml(f.detail)}</div>` : ""}</div>`,
        )
        .join("")}</div>`;
  }
}

/** The data island: each distinct layout once, drawings pointing at it by index. */
export function pageData(charts: ChartSpec[], drawings: DrawingSpec[]): PageData {
  const layouts: Layout[] = [];
  const refs = drawings.map(({ layout, ...rest }) => {
    let index = layouts.indexOf(layout);
    if (index < 0) index = layouts.push(layout) - 1;
    return { ...rest, layout: index };
  });
  return { charts, drawings: refs, layouts };
}

/** The whole page. `script` is the bundled page script (see clientBundle.ts). */
export function renderHtml(model: ReportModel, script: string): string {
  const charts: ChartSpec[] = [];
  const drawings: DrawingSpec[] = [];
  // A section with nothing to show (a run without the data it needs) is left out.
  const shown = model.sections.filter((s) => s.blocks.length > 0);
  const sections = shown
    .map((s) => {
      // Consecutive figures sit side by side in a grid (two per row on paper).
      const parts: string[] = [];
      let group: string[] = [];
      let groupKind = "";
      const flush = () => {
        if (group.length > 1)
          parts.push(`<div class="grid ${groupKind}">${group.join("\n")}</div>`);
        else parts.push(...group);
        group = [];
      };
      for (const b of s.blocks) {
        const html = renderBlock(b, charts, drawings);
        const small =
          b.kind === "drawing" ||
          (b.kind === "chart" && ((b.chart.options.width as number | undefined) ?? 640) <= 460);
        const kind = b.kind === "drawing" ? "drawings" : "charts";
        if (small && (group.length === 0 || groupKind === kind)) {
          groupKind = kind;
          group.push(html);
        } else {
          flush();
          if (small) {
            groupKind = kind;
            group.push(html);
          } else parts.push(html);
        }
      }
      flush();
      const body = parts.join("\n");
      const cls = [s.pageBreak ? "page-break" : "", s.screenOnly ? "screen-only" : ""]
        .filter(Boolean)
        .join(" ");
      return `<section id="${safeId(s.id)}"${cls ? ` class="${cls}"` : ""}>\n<h2>${escapeHtml(s.title)}</h2>\n${body}\n</section>`;
    })
    .join("\n");
  const toc = shown
    .map((s) => `<li><a href="#${safeId(s.id)}">${escapeHtml(s.title)}</a></li>`)
    .join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="whsim ${escapeHtml(VERSION)}">
<title>${escapeHtml(model.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body data-kind="${escapeHtml(model.kind)}">
<header class="title-block">
<p class="eyebrow">whsim ${escapeHtml(model.kind === "run" ? "simulation" : model.kind === "compare" ? "comparison" : model.kind === "sweep" ? "what-if sweep" : model.kind === "staff" ? "staffing" : "layout optimisation")} report</p>
<h1>${escapeHtml(model.title)}</h1>
<p class="subtitle">${escapeHtml(model.subtitle)}</p>
<nav class="toc"><ol>${toc}</ol></nav>
</header>
<main>
${sections}
</main>
<script type="application/json" id="report-data">${jsonForScript(pageData(charts, drawings))}</script>
<script>${scriptText(script)}</script>
</body>
</html>
`;
}
