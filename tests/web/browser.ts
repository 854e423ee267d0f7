/**
 * Helpers of the viewer's browser tests: builds the viewer with Vite, serves it with runs on
 * 127.0.0.1 and drives the browser launchChromium() chooses through playwright-core.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../src/node/chromium/launchChromium.ts";
import { buildViewer } from "../../src/node/serveBuild.ts";
import { type ServedRun, serveViewer, type ViewerServer } from "../../src/node/serveViewer.ts";

/** Where the tests save screenshots (gitignored). */
export const ARTIFACTS = join(process.cwd(), "artifacts", "web");

/** A browser page on a served viewer, and how to close both. */
export interface ViewerSession {
  server: ViewerServer;
  context: BrowserContext;
  page: Page;
  /** Console errors of the page (Content-Security-Policy violations, failed loads). */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** Builds the viewer if stale, serves `runs`, opens Chromium at 1280×800 on the viewer. */
export async function openViewer(runs: ServedRun[], query = ""): Promise<ViewerSession> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dist = await buildViewer();
  const server = await serveViewer({ distDir: dist, runs });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => document.body.dataset.ready === "yes", undefined, {
    timeout: 20_000,
  });
  if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
  return {
    server,
    context,
    page,
    consoleErrors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
