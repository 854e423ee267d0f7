/**
 * CPU time of the viewer's trace indexing (the parser and index the trace Web Worker runs)
 * on one trace.ndjson, fed in 1 MiB chunks as a stream delivers it; CPU time rather than
 * wall time, so a loaded machine does not blur it. Prints the median and range of the runs.
 *
 *   npx tsx bench/traceIndex.ts <trace.ndjson> [runs]      # default: 9 runs
 */
import { readFileSync } from "node:fs";
import { createTraceParser } from "../web/src/trace/traceParser.ts";

const CHUNK = 1 << 20;

/** CPU time (user + system) of indexing `text` once, ms. */
function indexOnce(text: string): number {
  const start = process.cpuUsage();
  const parser = createTraceParser();
  for (let at = 0; at < text.length; at += CHUNK) parser.push(text.slice(at, at + CHUNK));
  parser.finish();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function main(): void {
  const [path, runsArg] = process.argv.slice(2);
  if (!path) {
    process.stderr.write("usage: npx tsx bench/traceIndex.ts <trace.ndjson> [runs]\n");
    process.exit(2);
  }
  const text = readFileSync(path, "utf8");
  const runs = Math.max(1, Number(runsArg ?? 9));
  const ms = Array.from({ length: runs }, () => indexOnce(text)).sort((a, b) => a - b);
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  const line = (v: number) => v.toFixed(0);
  process.stdout.write(
    `${path}: ${mb} MB, index CPU time median ${line(ms[runs >> 1])} ms (${line(ms[0])}–${line(ms[runs - 1])} ms over ${runs} runs)\n`,
  );
}

main();
