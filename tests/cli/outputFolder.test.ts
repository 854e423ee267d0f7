import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/common/inputError.ts";
import {
  foreignFiles,
  OutputFolder,
  RESULTS_MARKER,
  recordWrittenFiles,
} from "../../src/node/outputFolder.ts";

const bin = resolve(import.meta.dirname, "../../bin/whsim.js");

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "whsim-out-"));
}

function publish(target: string, text: string): void {
  const folder = new OutputFolder(target, { kind: "run" });
  folder.writeFile("summary.json", text);
  folder.commit();
}

function refusal(action: () => void): string {
  try {
    action();
  } catch (error) {
    if (isInputError(error)) return error.message;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("OutputFolder", () => {
  it("new OutputFolder() + commit() writes a marked results folder", () => {
    const target = join(scratch(), "results");
    publish(target, "first");
    expect(readFileSync(join(target, "summary.json"), "utf8")).toBe("first");
    expect(JSON.parse(readFileSync(join(target, RESULTS_MARKER), "utf8")).kind).toBe("run");
  });

  it("commit() replaces an earlier results folder whole, files whsim wrote included", () => {
    const target = join(scratch(), "results");
    const traced = new OutputFolder(target, { kind: "run" });
    traced.writeFile("trace.ndjson", "old trace");
    mkdirSync(traced.path("candidates"));
    traced.writeFile("candidates/layout.json", "{}");
    traced.commit();
    const marker = JSON.parse(readFileSync(join(target, RESULTS_MARKER), "utf8"));
    expect(marker.files).toEqual(["candidates/layout.json", "trace.ndjson"]);
    publish(target, "second");
    expect(readFileSync(join(target, "summary.json"), "utf8")).toBe("second");
    expect(existsSync(join(target, "trace.ndjson"))).toBe(false);
    expect(existsSync(join(target, "candidates"))).toBe(false);
  });

  it("new OutputFolder() refuses a results folder holding files whsim did not write, naming them", () => {
    const target = join(scratch(), "results");
    publish(target, "first");
    writeFileSync(join(target, "my-analysis.xlsx"), "mine");
    mkdirSync(join(target, "notes"));
    writeFileSync(join(target, "notes", "meeting.txt"), "mine too");
    expect(refusal(() => new OutputFolder(target))).toBe(
      `--out: ${JSON.stringify(target)} (a folder holding only what whsim wrote; it also holds my-analysis.xlsx, notes/meeting.txt, which whsim will not delete (move them, or choose another --out))`,
    );
    expect(readFileSync(join(target, "my-analysis.xlsx"), "utf8")).toBe("mine");
    expect(readFileSync(join(target, "summary.json"), "utf8")).toBe("first");
    expect(readdirSync(dirname(target)).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("commit() refuses files a user put in the target while the run went on", () => {
    const target = join(scratch(), "results");
    publish(target, "first");
    const folder = new OutputFolder(target);
    folder.writeFile("summary.json", "second");
    writeFileSync(join(target, "late.txt"), "mine");
    expect(refusal(() => folder.commit())).toContain("late.txt");
    folder.abort();
    expect(readFileSync(join(target, "late.txt"), "utf8")).toBe("mine");
  });

  it("recordWrittenFiles() adds a report written into the folder, so it goes with the folder", () => {
    const target = join(scratch(), "results");
    publish(target, "first");
    writeFileSync(join(target, "report.html"), "<p>");
    recordWrittenFiles(target, [join(target, "report.html"), join(tmpdir(), "elsewhere.html")]);
    expect(foreignFiles(target)).toEqual([]);
    publish(target, "second");
    expect(existsSync(join(target, "report.html"))).toBe(false);
  });

  it("a marker without a file list (an older whsim) still lets the folder be replaced", () => {
    const target = join(scratch(), "results");
    mkdirSync(target);
    writeFileSync(join(target, RESULTS_MARKER), '{"writer":"whsim","kind":"run"}\n');
    writeFileSync(join(target, "summary.json"), "old");
    publish(target, "new");
    expect(readFileSync(join(target, "summary.json"), "utf8")).toBe("new");
  });

  it("new OutputFolder() accepts an empty folder", () => {
    const target = join(scratch(), "empty");
    mkdirSync(target);
    publish(target, "ok");
    expect(readFileSync(join(target, "summary.json"), "utf8")).toBe("ok");
  });

  it("new OutputFolder() refuses a file at the target and leaves it alone", () => {
    const target = join(scratch(), "notes.txt");
    writeFileSync(target, "my notes");
    expect(refusal(() => new OutputFolder(target))).toMatch(
      /^--out: .*notes\.txt.*a file of that name/,
    );
    expect(readFileSync(target, "utf8")).toBe("my notes");
  });

  it("new OutputFolder() refuses a folder of other files and leaves them alone", () => {
    const dir = scratch();
    const target = join(dir, "thesis");
    mkdirSync(target);
    writeFileSync(join(target, "chapter1.txt"), "words");
    expect(refusal(() => new OutputFolder(target, { flag: "--out" }))).toMatch(/holds other files/);
    expect(readFileSync(join(target, "chapter1.txt"), "utf8")).toBe("words");
  });

  it("new OutputFolder() reports a folder it cannot create as bad input", () => {
    const file = join(scratch(), "plain.txt");
    writeFileSync(file, "x");
    expect(refusal(() => new OutputFolder(join(file, "results")))).toMatch(
      /^--out: .*a folder whsim can create.*ENOTDIR/,
    );
    expect(refusal(() => new OutputFolder("/proc/whsim-cannot-exist/x"))).toMatch(
      /^--out: .*a folder whsim can create/,
    );
  });

  it("whsim run --out <existing file> exits 2 before simulating and keeps the file", () => {
    const target = join(scratch(), "keep.txt");
    writeFileSync(target, "keep me");
    const result = spawnSync(process.execPath, [bin, "run", "--out", target], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--out");
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(readFileSync(target, "utf8")).toBe("keep me");
  });
});

describe("--out on experiment commands", () => {
  it("compare, sweep, optimize and staff refuse a folder of other files before running", async () => {
    const { main } = await import("../../src/cli/main.ts");
    const target = join(scratch(), "mine");
    mkdirSync(target);
    writeFileSync(join(target, "keep.txt"), "mine");
    const runs = [
      ["compare", "scenarios/default.yaml", "scenarios/peak.yaml"],
      ["sweep", "scenarios/default.yaml", "--set", "outbound.ordersPerDay=800"],
      ["optimize", "does-not-matter.yaml"],
      ["staff", "scenarios/default.yaml"],
    ];
    for (const args of runs) {
      const code = await main(["node", "whsim", ...args, "--out", target]);
      expect(code, args[0]).toBe(2);
    }
    expect(readFileSync(join(target, "keep.txt"), "utf8")).toBe("mine");
  });
});
