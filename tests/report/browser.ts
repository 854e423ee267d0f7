/** Test helpers: one headless Chromium (Debian's, see TOOLCHAIN.md) for the report tests. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../../src/report/writePdf.ts";

/** A browser context and its profile folder. */
export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Chromium with a throw-away profile. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "whsim-report-test-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
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
