/**
 * Prints the report HTML to PDF with headless Chromium (see src/node/chromium): A4 or Letter,
 * page numbers in the footer, charts kept as vectors. Every request is refused, so the
 * PDF shows exactly what the self-contained page holds.
 */
import type { ChromiumChoice } from "../node/chromium/findChromium.ts";
import { launchChoice } from "../node/chromium/launchChromium.ts";

/** Paper sizes for --paper. */
export type Paper = "A4" | "Letter";

/** Renders `html` in `browser` (see findChromium) and prints it to `pdfPath`. */
export async function writePdf(
  browser: ChromiumChoice,
  html: string,
  pdfPath: string,
  paper: Paper = "A4",
): Promise<void> {
  const running = await launchChoice(browser);
  try {
    const page = await running.newPage();
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
    await running.close();
  }
}
