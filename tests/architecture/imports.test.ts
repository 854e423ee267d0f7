/**
 * Guards the code map in docs/architecture.md: the core stays platform-neutral and
 * imports point one way (common ← engine ← layout, inventory ← scenario ← warehouse ←
 * experiment ← optimize ← edges).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const src = join(root, "src");

/** Rank of each core folder; a file may import only from folders of lower or equal rank. */
const rank: Record<string, number> = {
  common: 0,
  engine: 1,
  layout: 2,
  inventory: 2,
  scenario: 3,
  warehouse: 4,
  experiment: 5,
  optimize: 6,
};
const core = Object.keys(rank);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

interface ImportLine {
  file: string;
  spec: string;
  typeOnly: boolean;
}

function importsOf(file: string): ImportLine[] {
  const text = readFileSync(file, "utf8");
  const found: ImportLine[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?[^;'"]*?from\s+["']([^"']+)["']/gm;
  for (const match of text.matchAll(pattern)) {
    found.push({ file, spec: match[3], typeOnly: Boolean(match[2]) });
  }
  for (const match of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
    found.push({ file, spec: match[1], typeOnly: false });
  }
  return found;
}

function areaOf(path: string): string {
  return relative(src, path).split("/")[0];
}

const coreImports = core.flatMap((area) => filesUnder(join(src, area)).flatMap(importsOf));

describe("architecture", () => {
  it("the core has files to check", () => {
    expect(coreImports.length).toBeGreaterThan(100);
  });

  it("core modules import nothing Node-only", () => {
    const nodeOnly =
      /^(node:|fs$|path$|os$|worker_threads$|child_process$|better-sqlite3|bullmq|ioredis|piscina|playwright|exceljs|cli-progress|commander)/;
    const bad = coreImports
      .filter((line) => nodeOnly.test(line.spec))
      .map((line) => `${relative(root, line.file)} imports ${line.spec}`);
    expect(bad).toEqual([]);
  });

  it("core imports point one way", () => {
    const bad: string[] = [];
    for (const line of coreImports) {
      if (!line.spec.startsWith(".")) continue;
      const target = resolve(dirname(line.file), line.spec);
      const from = areaOf(line.file);
      const to = areaOf(target);
      if (!(to in rank)) {
        bad.push(`${relative(root, line.file)} imports the edge module ${line.spec}`);
        continue;
      }
      if (rank[to] <= rank[from]) continue;
      bad.push(`${relative(root, line.file)} (${from}) imports ${line.spec} (${to})`);
    }
    expect(bad).toEqual([]);
  });
});
