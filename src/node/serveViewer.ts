/**
 * A static HTTP server for the viewer on 127.0.0.1: the built viewer (web/dist) at `/`, the
 * runs' results folders at `/runs/<i>/<file>`, and the list of runs at `/runs.json`.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, extname, join, normalize, resolve, sep } from "node:path";

/** A results folder to serve. */
export interface ServedRun {
  /** The folder holding summary.json, layout.json, trace.ndjson. */
  dir: string;
  /** Display name; defaults to the folder name. */
  name?: string;
}

/** Options of serveViewer. */
export interface ServeViewerOptions {
  /** The built viewer (index.html and assets). */
  distDir: string;
  /** Runs, A first; the viewer opens the first two. */
  runs: ServedRun[];
  /** Port; 0 (the default) picks a free one. */
  port?: number;
}

/** A running viewer server. */
export interface ViewerServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ndjson": "application/x-ndjson; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json",
};

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new Error("not a file");
    size = s.size;
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  res.writeHead(200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "content-length": size,
    "cache-control": "no-cache",
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

/** Starts the server; resolves once it listens. */
export function serveViewer(options: ServeViewerOptions): Promise<ViewerServer> {
  const dist = resolve(options.distDir);
  const runs = options.runs.map((r) => ({
    dir: resolve(r.dir),
    name: r.name ?? basename(resolve(r.dir)),
  }));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    if (path === "/runs.json") {
      const body = JSON.stringify(runs.map((r, i) => ({ name: r.name, base: `runs/${i}/` })));
      res.writeHead(200, { "content-type": TYPES[".json"], "cache-control": "no-cache" }).end(body);
      return;
    }
    const m = /^\/runs\/(\d+)\/([^/]+)$/.exec(path);
    if (m) {
      const run = runs[Number(m[1])];
      // Only files directly inside the results folder are served.
      if (!run || m[2].startsWith(".")) res.writeHead(404).end("not found");
      else void sendFile(req, res, join(run.dir, m[2]));
      return;
    }
    const file = normalize(join(dist, path === "/" ? "index.html" : path));
    if (file !== dist && !file.startsWith(dist + sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    void sendFile(req, res, file);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
