/** The report's stylesheet: readable on screen, A4/Letter print with no broken figures. */
export const REPORT_CSS = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --band: #f2f2f2; --accent: #0b3d6b; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 960px; padding: 24px 32px 48px; color: var(--ink);
  font: 10.5pt/1.45 "Helvetica Neue", Helvetica, Arial, sans-serif; background: #fff; }
h1 { font-size: 21pt; margin: 4px 0 6px; color: var(--accent); line-height: 1.2; }
h2 { font-size: 14pt; margin: 26px 0 8px; padding-bottom: 3px; border-bottom: 2px solid var(--accent); color: var(--accent); break-after: avoid; }
p { margin: 6px 0; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 8.5pt; color: var(--muted); margin: 0; }
.subtitle { color: var(--muted); margin: 0 0 10px; }
.title-block { border-bottom: 1px solid var(--rule); padding-bottom: 8px; }
.toc ol { margin: 6px 0 0; padding-left: 18px; columns: 2; font-size: 9.5pt; }
.toc a { color: var(--ink); text-decoration: none; }
.note { color: var(--muted); font-style: italic; }
.table-wrap { overflow-x: auto; margin: 10px 0 14px; break-inside: avoid; }
.table-wrap.long { break-inside: auto; }
caption, thead { break-after: avoid; }
.grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px 18px; align-items: start; }
.grid figure { margin: 4px 0; }
.grid.drawings { grid-template-columns: repeat(2, minmax(0, 1fr)); }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
caption { text-align: left; font-weight: bold; padding: 0 0 4px; font-size: 9.5pt; }
th, td { padding: 3px 6px; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
th { background: var(--band); border-bottom: 1.5px solid var(--ink); font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.kv td:first-child { width: 38%; color: var(--muted); }
table.wide { font-size: 8pt; }
table.wide th, table.wide td { overflow-wrap: break-word; }
table.long th { overflow-wrap: anywhere; }
td.id { overflow-wrap: anywhere; min-width: 28mm; }
table.wide td.num, table.wide th.num { white-space: normal; }
tr { break-inside: avoid; }
td.total { font-weight: bold; border-top: 1.5px solid var(--ink); }
td.good { font-weight: bold; white-space: nowrap; }
td.bad, td.flag { font-weight: bold; text-decoration: underline; white-space: nowrap; }
td.muted { color: var(--muted); }
table.side td { overflow-wrap: anywhere; }
table.side td:first-child { width: 30%; }
td.differs { font-weight: bold; text-decoration: underline; background: var(--band); }
figure { margin: 12px 0 16px; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; height: auto; }
figure.drawing svg.layout-drawing { display: block; max-height: 120mm; margin: 0 auto; }
.grid figure.drawing svg.layout-drawing { max-height: 92mm; }
figure.drawing { border: 1px solid var(--rule); padding: 6px; }
figcaption { font-weight: bold; font-size: 9.5pt; margin-bottom: 4px; }
.figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
.figure { flex: 1 1 0; min-width: 0; border: 1px solid var(--rule); border-left: 4px solid var(--accent); padding: 6px 10px; break-inside: avoid; }
.figure .value { font-size: 14pt; font-weight: bold; }
.figure .value .unit { font-size: 9pt; font-weight: normal; }
.figure .label { font-size: 9pt; color: var(--muted); }
.figure .detail { font-size: 8.5pt; color: var(--muted); }
dl.answer { display: grid; grid-template-columns: 34mm 1fr; gap: 6px 14px; margin: 10px 0 14px; }
dl.answer dt { font-weight: bold; color: var(--accent); }
dl.answer dd { margin: 0; }
@page { margin: 16mm 14mm 18mm; }
.print-only { display: none; }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  .screen-only { display: none; }
  .print-only { display: block; }
  .toc { display: none; }
  section.page-break { break-before: page; }
  h2 { margin-top: 14px; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;
