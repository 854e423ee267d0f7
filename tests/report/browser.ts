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
