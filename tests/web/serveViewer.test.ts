import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRunDirs, viewCommand } from "../../src/cli/commands/view.ts";
import { formatIssue, type InputError, isInputError } from "../../src/common/inputError.ts";
import { serveViewer, type ViewerServer } from "../../src/node/serveViewer.ts";
import { rawGet, rawRequest } from "./rawHttp.ts";

let root: string;
let server: ViewerServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "whsim-serve-"));
  mkdirSync(join(root, "dist"));
  mkdirSync(join(root, "run"));
  writeFileSync(join(root, "dist", "index.html"), "<!doctype html><title>v</title>");
  writeFileSync(join(root, "run", "layout.json"), '{"name":"x"}');
  writeFileSync(join(root, "run", "trace.ndjson"), '{"kind":"header"}\n');
  writeFileSync(join(root, "dist", "favicon.svg"), "<svg></svg>");
  writeFileSync(join(root, "secret.txt"), "secret-token");
  // Links planted in the served folders: out of them (refused) and within one (served).
  symlinkSync(join(root, "secret.txt"), join(root, "run", "leak.json"));
  symlinkSync("/etc/passwd", join(root, "dist", "passwd.txt"));
  symlinkSync(join(root, "run", "layout.json"), join(root, "run", "alias.json"));
  execFileSync("mkfifo", [join(root, "run", "pipe.ndjson")]);
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

describe("serveViewer() against hostile requests", () => {
  it("answers a malformed percent-encoding with 400 and keeps serving", async () => {
    const bad = await rawGet(server.port, "/%E0%A4%A");
    expect(bad.status).toBe(400);
    expect((await rawGet(server.port, "/runs/0/%E0%A4%A")).status).toBe(400);
    expect((await fetch(server.url)).status).toBe(200);
  });

  it("refuses NUL bytes and overlong paths", async () => {
    expect((await rawGet(server.port, "/index.html%00.js")).status).toBe(400);
    expect((await rawGet(server.port, `/${"a".repeat(5000)}`)).status).toBe(414);
  });

  it("never follows a link out of the viewer or a results folder", async () => {
    const leak = await fetch(`${server.url}runs/0/leak.json`);
    expect(leak.status).toBe(404);
    expect(await leak.text()).not.toContain("secret-token");
    const passwd = await fetch(`${server.url}passwd.txt`);
    expect(passwd.status).toBe(404);
    expect(await passwd.text()).not.toContain("root:");
    const alias = await fetch(`${server.url}runs/0/alias.json`);
    expect(await alias.text()).toBe('{"name":"x"}');
  });

  it("refuses a FIFO at once instead of waiting for a writer", async () => {
    expect((await rawGet(server.port, "/runs/0/pipe.ndjson")).status).toBe(404);
  });

  it("answers only requests addressed to itself on loopback (DNS rebinding)", async () => {
    expect((await rawGet(server.port, "/", `evil.example:${server.port}`)).status).toBe(421);
    expect((await rawGet(server.port, "/", "127.0.0.1")).status).toBe(421);
    expect((await rawGet(server.port, "/", `127.0.0.1:${server.port + 1}`)).status).toBe(421);
    expect((await rawGet(server.port, "/", `localhost:${server.port}`)).status).toBe(200);
    expect((await rawGet(server.port, "/", `[::1]:${server.port}`)).status).toBe(200);
    const noHost = await rawRequest(server.port, "GET / HTTP/1.0\r\n\r\n");
    expect(noHost.status).toBe(421);
  });

  it("sends the security headers with every answer", async () => {
    for (const path of ["", "runs.json", "runs/0/layout.json", "missing.js", "..%2Fx"]) {
      const r = await fetch(`${server.url}${path}`);
      expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(r.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("cross-origin-resource-policy")).toBe("same-origin");
      expect(r.headers.get("referrer-policy")).toBe("no-referrer");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("serves a favicon", async () => {
    const r = await fetch(`${server.url}favicon.ico`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("image/svg+xml");
  });

  it("answers other methods with 405 and the allowed ones", async () => {
    const r = await fetch(server.url, { method: "POST", body: "x" });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET, HEAD");
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
