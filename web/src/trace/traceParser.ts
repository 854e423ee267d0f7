/**
 * Incremental NDJSON parser that builds a TraceIndex from text chunks, so a large trace
 * is read as a stream (in a Web Worker or in Node) without holding the text in memory.
 * It splits lines and reads the header; TraceBuilder indexes the records.
 */
import { TraceBuilder } from "./traceBuilder.ts";
import type { TraceIndex, TraceIssue } from "./traceIndex.ts";
import type { TraceHeader } from "./traceTypes.ts";

/** Options of createTraceParser. */
export interface TraceParserOptions {
  /** Floor size for the travel-density grid, m; defaults to the bounds of all paths. */
  floor?: { widthM: number; depthM: number };
  /** Density cell edge, m. Defaults to 1. */
  cellM?: number;
}

/** Feeds text with push(), then finish() returns the index. */
export interface TraceParser {
  push(chunk: string): void;
  /** Adds one already parsed record (as a simulation emits it), counted as one line. */
  pushRecord(record: object): void;
  finish(): TraceIndex;
  /** Records read so far. */
  readonly records: number;
}

const MAX_ISSUES = 20;

function emptyHeader(): TraceHeader {
  return { kind: "header", version: 0, workers: [] };
}

/** Line splitting, header and issues around a TraceBuilder. */
class NdjsonTraceParser implements TraceParser {
  private rest = "";
  private lineNo = 0;
  private header: TraceHeader | null = null;
  private readonly issues: TraceIssue[] = [];
  private issueCount = 0;
  private readonly builder: TraceBuilder;

  constructor(private readonly options: TraceParserOptions) {
    this.builder = new TraceBuilder((message) => this.issue(message));
  }

  get records(): number {
    return this.builder.records;
  }

  private issue(message: string): void {
    this.issueCount++;
    if (this.issues.length < MAX_ISSUES) this.issues.push({ line: this.lineNo, message });
  }

  private record(rec: any): void {
    if (this.header === null) {
      if (rec?.kind !== "header" || !Array.isArray(rec.workers)) {
        this.issue("first line is not a trace header with a workers list");
        this.header = emptyHeader();
      } else {
        this.header = rec as TraceHeader;
        this.builder.addWorkers(this.header);
        return;
      }
    }
    this.builder.add(rec);
  }

  private line(text: string): void {
    this.lineNo++;
    if (text.length === 0 || (text.length === 1 && text === "\r")) return;
    let rec: unknown;
    try {
      rec = JSON.parse(text);
    } catch {
      this.issue("not valid JSON");
      return;
    }
    this.record(rec);
  }

  pushRecord(rec: object): void {
    this.lineNo++;
    this.record(rec);
  }

  push(chunk: string): void {
    let start = 0;
    const text = this.rest.length > 0 ? this.rest + chunk : chunk;
    for (;;) {
      const nl = text.indexOf("\n", start);
      if (nl < 0) break;
      this.line(text.slice(start, nl));
      start = nl + 1;
    }
    this.rest = text.slice(start);
  }

  finish(): TraceIndex {
    if (this.rest.length > 0) {
      this.line(this.rest);
      this.rest = "";
    }
    const index = this.builder.finish(this.header ?? emptyHeader(), this.issues);
    if (this.header === null) this.issue("empty trace: no header line");
    this.builder.placeCongestion(index);
    index.issueCount = this.issueCount;
    this.builder.addDensity(index, { floor: this.options.floor, cellM: this.options.cellM ?? 1 });
    return index;
  }
}

/** Creates a parser; lines may be split anywhere across chunks. */
export function createTraceParser(options: TraceParserOptions = {}): TraceParser {
  return new NdjsonTraceParser(options);
}
