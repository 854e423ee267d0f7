/**
 * Prints the report HTML to PDF with headless Chromium (playwright-core): A4 or Letter,
 * page numbers in the footer, charts kept as vectors. Every request is refused, so the
 * PDF shows exactly what the self-contained page holds.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { InputError } from "../common/inputError.ts";

/** Paper sizes for --paper. */
export type Paper = "A4" | "Letter";

/** Chromium flags for headless use on servers (see TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The Chromium executable: $WHSIM_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const path = process.env.WHSIM_CHROMIUM || "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new InputError({
      file: "--pdf",
      path: "",
      value: path,
      expected: "a Chromium executable (install Debian chromium, or set WHSIM_CHROMIUM)",
    });
  }
  return path;
}

/** Renders `html` and prints it to `pdfPath`. */
export async function writePdf(html: string, pdfPath: string, paper: Paper = "A4"): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), "whsim-pdf-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await context.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.waitForFunction(() => document.body.dataset.rendered !== undefined, undefined, {
      timeout: 30_000,
    });
    const rendered = await page.evaluate(() => document.body.dataset.rendered);
    if (rendered !== "ok") throw new Error(`report figures failed to render (${rendered})`);
    await page.emulateMedia({ media: "print" });
    await page.pdf({
      path: pdfPath,
      format: paper,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate:
        '<div style="font: 8px Helvetica, Arial, sans-serif; color: #555; width: 100%; padding: 0 14mm; display: flex; justify-content: space-between;"><span class="title"></span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>',
      margin: { top: "14mm", bottom: "16mm", left: "14mm", right: "14mm" },
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
