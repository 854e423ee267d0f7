/** Test helpers: one headless Chromium (the one launchChromium() chooses) for the report tests. */
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../src/node/chromium/launchChromium.ts";

/** A browser context, and how to close its browser. */
export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh context (nothing kept on disk). */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await launchChromium();
  const context = await browser.newContext();
  return {
    context,
    async close() {
      await browser.close();
    },
  };
}

/** What a page did while it loaded the report. */
export interface Opened {
  page: Page;
  /** URLs of every request the page made (setContent itself makes none). */
  requests: string[];
  dialogs: string[];
  errors: string[];
}

/** Loads `html` with setContent and waits for the figures to be drawn. */
export async function openReport(browser: TestBrowser, html: string): Promise<Opened> {
  const page = await browser.context.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    requests.push(r.url());
  });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => {
    errors.push(e.message);
  });
  await page.setContent(html, { waitUntil: "load" });
  await page.waitForFunction(() => document.body.dataset.rendered !== undefined, undefined, {
    timeout: 20_000,
  });
  return { page, requests, dialogs, errors };
}

/** Pairs of text boxes inside one chart that overlap by more than a pixel each way. */
export async function overlappingLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const svg of document.querySelectorAll("figure.chart svg")) {
      const boxes = [...svg.querySelectorAll("text")]
        .filter((t) => (t.textContent ?? "").trim() !== "")
        .map((t) => ({ text: t.textContent ?? "", r: t.getBoundingClientRect() }))
        .filter((b) => b.r.width > 0 && b.r.height > 0);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r;
          const b = boxes[j].r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1)
            found.push(`${svg.closest("figure")?.id}: “${boxes[i].text}” × “${boxes[j].text}”`);
        }
    }
    return found;
  });
}
