/**
 * The report as plain data, independent of HTML: sections of paragraphs, tables, charts and
 * layout drawings, plus the sheets written to CSV and XLSX. Builders fill it; renderHtml()
 * and the spreadsheet writers read it.
 */
import type { ChartType } from "../../web/src/charts/drawChart.ts";
import type { Layout } from "../layout/types.ts";

/** A table cell: text, or text with a CSS class (`good`, `bad`, `num`, `flag`). */
export type Cell = string | { text: string; cls?: string };

/** A table with a caption and column headers (units in the headers). */
export interface Table {
  caption?: string;
  columns: string[];
  /** Columns aligned right (numbers). */
  numeric?: boolean[];
  rows: Cell[][];
  /** Class on the <table> element (`kv` for key/value tables). */
  cls?: string;
}

/** A chart drawn in the page by the shared chart functions. */
export interface ChartSpec {
  id: string;
  type: ChartType;
  data: unknown;
  options: Record<string, unknown> & { title: string };
}

/** A layout drawing with optional heatmaps, drawn by the viewer's draw functions. */
export interface DrawingSpec {
  id: string;
  title: string;
  layout: Layout;
  heat?: {
    kind: "locations" | "aisles";
    values: Record<string, number>;
    title: string;
    unit: string;
  };
}

/** What the page script reads: charts, drawings (layout by index into `layouts`), layouts. */
export interface PageData {
  charts: ChartSpec[];
  drawings: (Omit<DrawingSpec, "layout"> & { layout: number })[];
  layouts: Layout[];
}

/** One block of a section. */
export type Block =
  | { kind: "p"; text: string }
  | { kind: "note"; text: string /** Shown only when printed. */; printOnly?: boolean }
  | { kind: "table"; table: Table }
  | { kind: "chart"; chart: ChartSpec }
  | { kind: "drawing"; drawing: DrawingSpec }
  | { kind: "figures"; items: { label: string; value: string; detail?: string }[] }
  /** Labelled paragraphs: the answer a report opens with. */
  | { kind: "answer"; items: { label: string; text: string }[] };

/** A section of the report, with an anchor id. */
export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  /** Start the section on a new printed page. */
  pageBreak?: boolean;
  /** Shown on screen, left out of print (long reference tables; the spreadsheet has them). */
  screenOnly?: boolean;
}

/** A sheet of the spreadsheets: column headers carry units, cells are numbers or text. */
export interface Sheet {
  /** Sheet name (also the CSV file suffix), at most 31 characters. */
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
  /** Number formats per cell (spreadsheet syntax, e.g. `0.0%`), parallel to `rows`; absent: none. */
  formats?: (string | undefined)[][];
}

/** The whole report. */
export interface ReportModel {
  title: string;
  subtitle: string;
  kind: "run" | "compare" | "sweep" | "optimize" | "staff";
  sections: Section[];
  sheets: Sheet[];
}
