/**
 * Reads YAML text into plain data in time linear in its size. The yaml package's own
 * duplicate-key check compares every key with every other (minutes for 100,000 keys) and its
 * composer recurses once per nesting level, so this reader parses without that check, bounds
 * depth and node count on the syntax tree before composing, and finds duplicate keys with one
 * set per mapping. Every problem is an input issue with its line and column.
 */
import {
  Composer,
  type CST,
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
} from "yaml";
import { InputError, type InputIssue } from "./inputError.ts";

/** Deepest nesting of mappings and lists accepted (a scenario needs fewer than 12). */
export const MAX_YAML_DEPTH = 64;
/** Most collection items (keys and list entries) in one file. */
export const MAX_YAML_NODES = 2_000_000;
/** Most duplicate keys listed one by one; the rest are counted. */
const MAX_DUPLICATES_LISTED = 20;

/** How to read and what to say. */
export interface ReadYamlOptions {
  /** Name of the file in messages. */
  file: string;
  /** Most alias expansions (the guard against billion-laughs documents). */
  maxAliasCount: number;
  /** What the file should be, in messages (default "valid YAML"). */
  expected?: string;
}

/** `line L, column C` of a character offset. */
function where(lines: LineCounter, offset: number): string {
  const { line, col } = lines.linePos(offset);
  return `line ${line}, column ${col}`;
}

/** The tokens nested directly in a CST token. */
function childTokens(token: CST.Token): CST.Token[] {
  const out: CST.Token[] = [];
  if (token.type === "document" && token.value) out.push(token.value);
  if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection")
    for (const item of token.items) {
      const pair = item as { key?: CST.Token | null; value?: CST.Token };
      if (pair.key) out.push(pair.key);
      if (pair.value) out.push(pair.value);
    }
  return out;
}

/** The first place the syntax tree nests deeper than MAX_YAML_DEPTH or grows past MAX_YAML_NODES. */
function treeLimit(tokens: readonly CST.Token[]): { offset: number; problem: string } | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  let nodes = 0;
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token; depth: number };
    const collection =
      token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection";
    const here = collection ? depth + 1 : depth;
    if (here > MAX_YAML_DEPTH) {
      return { offset: token.offset, problem: `nesting deeper than ${MAX_YAML_DEPTH} levels` };
    }
    if (collection) nodes += token.items.length;
    if (nodes > MAX_YAML_NODES) {
      return { offset: token.offset, problem: `more than ${MAX_YAML_NODES} keys and list items` };
    }
    for (const child of childTokens(token)) stack.push({ token: child, depth: here });
  }
  return undefined;
}

/** Offsets of every key that repeats an earlier key of the same mapping, in document order. */
function duplicateKeys(doc: Document.Parsed): number[] {
  const found: number[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key)) {
          // Keys are compared as the property names they become (`1` and "1" collide).
          const name = String(pair.key.value);
          if (seen.has(name)) found.push(pair.key.range?.[0] ?? 0);
          seen.add(name);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return found.sort((a, b) => a - b);
}

/** Issues for the first duplicate keys, and a count of the rest. */
function duplicateIssues(
  duplicates: readonly number[],
  lines: LineCounter,
  file: string,
  expected: string,
): InputIssue[] {
  const issues: InputIssue[] = duplicates.slice(0, MAX_DUPLICATES_LISTED).map((offset) => ({
    file,
    path: where(lines, offset),
    value: "Map keys must be unique",
    expected,
  }));
  if (duplicates.length > MAX_DUPLICATES_LISTED) {
    issues.push({
      file,
      path: "",
      value: `${duplicates.length - MAX_DUPLICATES_LISTED} more duplicate keys`,
      expected: "each key once per mapping",
    });
  }
  return issues;
}

/** Composes the one document of `tokens`; more than one document is an error. */
function composeOne(tokens: readonly CST.Token[], text: string): Document.Parsed {
  const composer = new Composer({ uniqueKeys: false, merge: false });
  const docs = [...composer.compose(tokens, true, text.length)];
  const doc = docs[0];
  if (docs.length > 1) {
    doc.errors.push({
      name: "YAMLParseError",
      code: "MULTIPLE_DOCS",
      message: "Source contains multiple documents",
      pos: docs[1].range.slice(0, 2) as [number, number],
    } as Document.Parsed["errors"][number]);
  }
  return doc;
}

/** Parses YAML `text` into plain data; throws InputError with every problem found. */
export function readYaml(text: string, options: ReadYamlOptions): unknown {
  const { file, maxAliasCount } = options;
  const expected = options.expected ?? "valid YAML";
  const lines = new LineCounter();
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  const limit = treeLimit(tokens);
  if (limit) {
    throw new InputError({
      file,
      path: where(lines, limit.offset),
      value: limit.problem,
      expected: `${expected} nested at most ${MAX_YAML_DEPTH} levels, with at most ${MAX_YAML_NODES} items`,
    });
  }
  const doc = composeOne(tokens, text);
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((error) => ({
        file,
        path: where(lines, error.pos[0]),
        value: error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, ""),
        expected,
      })),
    );
  }
  const duplicates = duplicateKeys(doc);
  if (duplicates.length > 0)
    throw new InputError(duplicateIssues(duplicates, lines, file, expected));
  try {
    return doc.toJS({ maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError({
      file,
      path: "",
      value: message,
      expected: `YAML with at most ${maxAliasCount} alias expansions (alias bombs are refused)`,
    });
  }
}
