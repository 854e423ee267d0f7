import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRunDirs, viewCommand } from "../../src/cli/commands/view.ts";
import { formatIssue, type InputError, isInputError } from "../../src/common/inputError.ts";
import { serveViewer, type ViewerServer } from "../../src/node/serveViewer.ts";

let root: string;
let server: ViewerServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "whsim-serve-"));
  mkdirSync(join(root, "dist"));
  mkdirSync(join(root, "run"));
  writeFileSync(join(root, "dist", "index.html"), "<!doctype html><title>v</title>");
  writeFileSync(join(root, "run", "layout.json"), '{"name":"x"}');
  writeFileSync(join(root, "run", "trace.ndjson"), '{"kind":"header"}\n');
  writeFileSync(join(root, "secret.txt"), "no");
  server = await serveViewer({
    distDir: join(root, "dist"),
    runs: [{ dir: join(root, "run"), name: "base" }],
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe("serveViewer()", () => {
  it("listens on 127.0.0.1 at a free port and serves the viewer", async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
    const r = await fetch(server.url);
    expect(r.headers.get("content-type")).toContain("text/html");
    expect(await r.text()).toContain("<title>v</title>");
  });

  it("lists the runs and serves their files with a length (for load progress)", async () => {
    expect(await (await fetch(`${server.url}runs.json`)).json()).toEqual([
      { name: "base", base: "runs/0/" },
    ]);
    const t = await fetch(`${server.url}runs/0/trace.ndjson`);
    expect(t.status).toBe(200);
    expect(t.headers.get("content-length")).toBe("18");
    expect(await t.text()).toBe('{"kind":"header"}\n');
    expect((await fetch(`${server.url}runs/0/trace.ndjson`, { method: "HEAD" })).status).toBe(200);
  });

  it("serves nothing outside the viewer and the results folders", async () => {
    expect((await fetch(`${server.url}runs/1/layout.json`)).status).toBe(404);
    expect((await fetch(`${server.url}runs/0/..%2F..%2Fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${server.url}..%2Fsecret.txt`)).status).toBe(403);
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
  });
});

describe("whsim view", () => {
  it("checkRunDirs() names a missing folder and one that is not a results folder", () => {
    const issues = checkRunDirs([join(root, "nope"), join(root, "dist")]);
    expect(issues.map((i) => i.file)).toEqual([join(root, "nope"), join(root, "dist")]);
    expect(checkRunDirs([join(root, "run")])).toEqual([]);
  });

  it("rejects a folder that does not exist with an input error, before building or serving", async () => {
    const program = new Command("whsim").exitOverride();
    viewCommand(program);
    const run = program.parseAsync(["node", "whsim", "view", join(root, "nope")]);
    await expect(run).rejects.toSatisfy(isInputError);
    await run.catch((error: InputError) => {
      expect(formatIssue(error.issues[0])).toContain("a results folder");
    });
  });
});
