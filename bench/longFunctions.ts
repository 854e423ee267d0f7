/**
 * Lists functions longer than a limit (80 lines by default) in biome-formatted TypeScript:
 * a function's body opens at the end of its header's last line and closes on the first
 * later line at the header's indentation. Nested functions count inside their parent too.
 *
 *   npx tsx bench/longFunctions.ts [limit] [folders or files…]     # default: 80 src web/src
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** One function: where it starts (1-based line), its name and its length in lines. */
export interface FunctionSpan {
  line: number;
  name: string;
  lines: number;
}

const KEYWORDS = new Set(["if", "for", "while", "switch", "catch", "with", "return", "else"]);
const METHOD =
  /^(?:(?:public|private|protected|static|async|get|set|override|readonly)\s+)*\*?\s*([\w$]+)\s*(?:<.*>)?\(/;
const NAMED =
  /\bfunction\*?\s*([\w$]+)|(?:const|let|var)\s+([\w$]+)|([\w$]+)\s*[:=]\s*(?:async\s*)?(?:function|\()/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The line without a trailing `// comment` (good enough for formatted code). */
function code(line: string): string {
  return line.replace(/\s+\/\/.*$/, "").trimEnd();
}

/** Whether a header (its lines joined, the final `{` removed) opens a function body. */
function isFunctionHeader(header: string): boolean {
  if (/=>\s*$/.test(header)) return true;
  if (/\bfunction\b.*\)\s*(:.*)?$/.test(header)) return true;
  const method = METHOD.exec(header);
  return method !== null && !KEYWORDS.has(method[1]) && /\)\s*(:.*)?$/.test(header);
}

/** The functions of `text` longer than `limit` lines. */
export function longFunctions(text: string, limit: number): FunctionSpan[] {
  const lines = text.split("\n");
  const out: FunctionSpan[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!code(lines[i]).endsWith("{")) continue;
    let start = i;
    const indent = indentOf(lines[i]);
    // A wrapped header ends with `) {` or `}): T {` at the indentation of its first line.
    if (/^[)}\]>]/.test(lines[i].trimStart())) {
      while (start > 0 && indentOf(lines[start - 1]) > indent) start--;
      start = Math.max(0, start - 1);
    }
    const header = lines
      .slice(start, i + 1)
      .map((l) => code(l).trim())
      .join(" ")
      .slice(0, -1)
      .trim();
    if (!isFunctionHeader(header)) continue;
    let end = i + 1;
    while (
      end < lines.length &&
      !(indentOf(lines[end]) === indentOf(lines[start]) && /^[})\]]/.test(lines[end].trimStart()))
    )
      end++;
    const length = end - start + 1;
    if (length <= limit) continue;
    const named = NAMED.exec(header);
    const name =
      named?.[1] ?? named?.[2] ?? named?.[3] ?? METHOD.exec(header)?.[1] ?? "(anonymous)";
    out.push({ line: start + 1, name, lines: length });
  }
  return out;
}

function* tsFiles(dir: string): Generator<string> {
  if (!statSync(dir).isDirectory()) {
    yield dir;
    return;
  }
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* tsFiles(path);
    else if (/\.tsx?$/.test(entry) && !entry.endsWith(".d.ts")) yield path;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const limit = Number(process.argv[2] ?? 80);
  const folders = process.argv.length > 3 ? process.argv.slice(3) : ["src", "web/src"];
  const found: (FunctionSpan & { file: string })[] = [];
  for (const folder of folders)
    for (const file of tsFiles(folder))
      for (const span of longFunctions(readFileSync(file, "utf8"), limit))
        found.push({ file, ...span });
  found.sort((a, b) => b.lines - a.lines);
  for (const f of found)
    console.log(`${String(f.lines).padStart(4)}  ${f.name}  ${f.file}:${f.line}`);
  console.log(`${found.length} functions over ${limit} lines`);
}
