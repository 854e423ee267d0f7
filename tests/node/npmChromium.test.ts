/** The npm Chromium unpacked for real into a throw-away cache folder (about 200 MB, a few seconds). */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { npmChromium, npmChromiumSupported } from "../../src/node/chromium/npmChromium.ts";

const supported = npmChromiumSupported();
if (!supported) {
  console.log(
    `skipped npmChromium tests: @sparticuz/chromium ships a browser for Linux x64 only (this is ${process.platform} ${process.arch})`,
  );
}

const cache = mkdtempSync(join(tmpdir(), "whsim-npm-chromium-"));
afterAll(() => {
  rmSync(cache, { recursive: true, force: true });
});

describe.runIf(supported)("npmChromium()", () => {
  it("npmChromium() called twice at once unpacks one browser into the cache, which starts and renders", async () => {
    const env = { ...process.env, XDG_CACHE_HOME: cache };
    const [first, second] = await Promise.all([npmChromium(env), npmChromium(env)]);
    expect(first).toBeDefined();
    const dir = `chromium-${first?.version}`;
    expect(first?.executablePath).toBe(join(cache, "whsim", dir, "chromium"));
    expect(second).toEqual(first);
    // The losing unpack leaves no partial folder behind.
    expect(readdirSync(join(cache, "whsim"))).toEqual([dir]);

    const browser = await chromium.launch({
      executablePath: first?.executablePath,
      args: first?.args,
      headless: true,
    });
    try {
      const page = await browser.newPage();
      await page.setContent("<p id=p>6 × 7</p><script>p.textContent += ' = ' + 6 * 7</script>");
      expect(await page.textContent("#p")).toBe("6 × 7 = 42");
    } finally {
      await browser.close();
    }

    const started = Date.now();
    expect(await npmChromium(env)).toEqual(first);
    expect(Date.now() - started).toBeLessThan(1000);
  }, 120_000);
});
