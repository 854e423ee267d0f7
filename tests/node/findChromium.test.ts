import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatIssue, isInputError } from "../../src/common/inputError.ts";
import {
  CHROMIUM_ARGS,
  type FindChromiumOptions,
  findChromium,
} from "../../src/node/chromium/findChromium.ts";
import type { NpmChromium } from "../../src/node/chromium/npmChromium.ts";

let work: string;
/** A folder holding executable `chromium` and `google-chrome` files. */
let binDir: string;
/** A folder on PATH with no browser in it. */
let emptyDir: string;
let namedExe: string;

const npmStub: NpmChromium = {
  executablePath: "/cache/whsim/chromium-1.0.0/chromium",
  args: ["--single-process", "--no-sandbox"],
  version: "1.0.0",
};
const withNpm = async () => npmStub;
const withoutNpm = async () => undefined;

function executable(path: string): string {
  writeFileSync(path, "#!/bin/sh\nexit 0\n");
  chmodSync(path, 0o755);
  return path;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "whsim-find-chromium-"));
  binDir = join(work, "bin");
  emptyDir = join(work, "empty");
  mkdirSync(binDir);
  mkdirSync(emptyDir);
  executable(join(binDir, "google-chrome"));
  executable(join(binDir, "chromium"));
  namedExe = executable(join(work, "my-chrome"));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The problems findChromium() reports, each as `file: path: value (expected)`. */
async function problems(options: FindChromiumOptions): Promise<string[]> {
  try {
    await findChromium(options);
  } catch (error) {
    if (isInputError(error)) return error.issues.map(formatIssue);
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("findChromium()", () => {
  it("findChromium() takes $CHROMIUM_PATH before any other browser, with the server flags", async () => {
    const env = { CHROMIUM_PATH: namedExe, PATH: binDir };
    const choice = await findChromium({ env, npm: withNpm });
    expect(choice).toEqual({
      executablePath: namedExe,
      args: CHROMIUM_ARGS,
      source: "CHROMIUM_PATH",
    });
  });

  it("findChromium() rejects a CHROMIUM_PATH that is missing or not executable, naming it", async () => {
    const missing = join(work, "no-such-chrome");
    expect(await problems({ env: { CHROMIUM_PATH: missing, PATH: binDir }, npm: withNpm })).toEqual(
      [`CHROMIUM_PATH: ${JSON.stringify(missing)} (an executable Chrome or Chromium)`],
    );
    const plain = join(work, "plain-file");
    writeFileSync(plain, "");
    chmodSync(plain, 0o644);
    expect(await problems({ env: { CHROMIUM_PATH: plain }, npm: withNpm })).toHaveLength(1);
    expect(await problems({ env: { CHROMIUM_PATH: work }, npm: withNpm })).toHaveLength(1);
  });

  it("findChromium() takes a chromium on PATH before chrome and before the npm Chromium", async () => {
    const choice = await findChromium({ env: { PATH: `${emptyDir}:${binDir}` }, npm: withNpm });
    expect(choice).toEqual({
      executablePath: join(binDir, "chromium"),
      args: CHROMIUM_ARGS,
      source: "system",
    });
  });

  it("findChromium() falls back to the npm Chromium, launched with the package's flags", async () => {
    const choice = await findChromium({ env: { PATH: emptyDir }, npm: withNpm });
    expect(choice).toEqual({
      executablePath: npmStub.executablePath,
      args: npmStub.args,
      source: "npm",
    });
  });

  it("WHSIM_BROWSER=npm uses the npm Chromium even beside CHROMIUM_PATH and a system browser", async () => {
    const env = { WHSIM_BROWSER: "npm", CHROMIUM_PATH: namedExe, PATH: binDir };
    expect((await findChromium({ env, npm: withNpm })).source).toBe("npm");
    const missing = await problems({ env, npm: withoutNpm });
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(/^WHSIM_BROWSER: "npm" \(the npm Chromium/);
  });

  it("findChromium() rejects a WHSIM_BROWSER other than npm", async () => {
    expect(
      await problems({ env: { WHSIM_BROWSER: "chrome", PATH: binDir }, npm: withNpm }),
    ).toEqual(['WHSIM_BROWSER: "chrome" (npm to use only the npm Chromium, or unset)']);
  });

  it("findChromium() with no browser anywhere says in one line, under the caller's name, how to get one", async () => {
    const found = await problems({ env: { PATH: emptyDir }, npm: withoutNpm, wantedBy: "--pdf" });
    expect(found).toHaveLength(1);
    expect(found[0]).not.toContain("\n");
    expect(found[0]).toMatch(/^--pdf: "no Chromium found" \(.*CHROMIUM_PATH/);
  });
});
