/** Test helper: the text, page count and page sizes of a PDF, read with pdf-parse (no poppler needed). */
import { readFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";

/** What the tests check of a printed report. */
export interface PdfContents {
  /** The text of every page, cells separated by tabs, pages by `-- n of N --` lines. */
  text: string;
  pages: number;
  /** Width and height of each page in points (1/72 inch). */
  sizesPt: { width: number; height: number }[];
}

/** Reads the PDF at `path`. */
export async function readPdf(path: string): Promise<PdfContents> {
  const parser = new PDFParse({ data: readFileSync(path) });
  try {
    const { text } = await parser.getText();
    const info = await parser.getInfo({ parsePageInfo: true });
    const sizesPt = (info.pages ?? []).map((p) => ({ width: p.width, height: p.height }));
    return { text, pages: info.total, sizesPt };
  } finally {
    await parser.destroy();
  }
}
