/**
 * The warehouse benchmark of this checkout against another checkout (an earlier commit),
 * side by side in one run: `bench/warehouse.ts` of each checkout, each on its own
 * scenarios/large.yaml (or the scenario given, resolved in each checkout), in a child
 * process of its own, alternating A B A B … so that both see the same load. Prints per
 * round each run's CPU and wall seconds, peak resident memory and the 1-minute load
 * average, then the median ratio this/other of the CPU and wall times with their range
 * over the rounds. CPU time is the steadier figure on a shared machine.
 *
 *   npx tsx bench/warehouseVsCommit.ts <other checkout> [--rounds N] [scenario] [days]
 *     default 3 rounds; the other checkout needs its own node_modules
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { resolve } from "node:path";

/** One benchmark run: CPU and wall seconds of the simulation, peak memory, load before it. */
interface Run {
  cpuS: number;
  wallS: number;
  peakMiB: number;
  load: number;
}

const HERE = resolve(new URL("..", import.meta.url).pathname);

function parseArgs(argv: readonly string[]): { other: string; rounds: number; rest: string[] } {
  const rest: string[] = [];
  let rounds = 3;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--rounds") rounds = Number(argv[++i]);
    else rest.push(argv[i]);
  }
  const other = rest.shift();
  if (!other || !Number.isInteger(rounds) || rounds < 1) {
    process.stderr.write(
      "usage: npx tsx bench/warehouseVsCommit.ts <other checkout> [--rounds N] [scenario] [days]\n",
    );
    process.exit(2);
  }
  return { other: resolve(other), rounds, rest };
}

/** Runs `bench/warehouse.ts` of the checkout at `dir` in a child process and reads its figures. */
function runBench(dir: string, args: readonly string[]): Run {
  const load = loadavg()[0];
  const child = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "bench/warehouse.ts",
      ...args.map((a, i) => (i === 0 ? resolve(dir, a) : a)),
    ],
    { cwd: dir, encoding: "utf8", maxBuffer: 1 << 24 },
  );
  const out = child.stdout ?? "";
  const time = /warehouse: ([\d.]+) s wall, ([\d.]+) s CPU/.exec(out);
  const memory = /peak memory \(RSS\): (\d+) MiB/.exec(out);
  if (child.status !== 0 || !time || !memory) {
    process.stderr.write(`${dir}: benchmark failed (exit ${child.status})\n${child.stderr}\n`);
    process.exit(1);
  }
  return { wallS: Number(time[1]), cpuS: Number(time[2]), peakMiB: Number(memory[1]), load };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** "median (min–max)" of the per-round ratios `a[i] / b[i]`. */
function ratioLine(a: readonly number[], b: readonly number[]): string {
  const r = a.map((x, i) => x / b[i]);
  return `${median(r).toFixed(3)} (${Math.min(...r).toFixed(3)}–${Math.max(...r).toFixed(3)})`;
}

function row(label: string, round: number, run: Run): string {
  const cells = [
    run.cpuS.toFixed(1),
    run.wallS.toFixed(1),
    String(run.peakMiB),
    run.load.toFixed(1),
  ];
  return `| ${round} | ${label} | ${cells.join(" | ")} |`;
}

function main(): void {
  const { other, rounds, rest } = parseArgs(process.argv.slice(2));
  process.stdout.write(`this: ${HERE}\nother: ${other}\n\n`);
  process.stdout.write("| round | checkout | CPU s | wall s | peak RSS MiB | load (1 min) |\n");
  process.stdout.write("|---|---|---|---|---|---|\n");
  const mine: Run[] = [];
  const theirs: Run[] = [];
  for (let round = 1; round <= rounds; round++) {
    // Alternate which goes first, so neither always runs on the warmer (or busier) machine.
    const order = round % 2 === 1 ? ["other", "this"] : ["this", "other"];
    for (const which of order) {
      const run = runBench(which === "this" ? HERE : other, rest);
      (which === "this" ? mine : theirs).push(run);
      process.stdout.write(`${row(which, round, run)}\n`);
    }
  }
  const cpu = ratioLine(
    mine.map((r) => r.cpuS),
    theirs.map((r) => r.cpuS),
  );
  const wall = ratioLine(
    mine.map((r) => r.wallS),
    theirs.map((r) => r.wallS),
  );
  const peak = (runs: Run[]) => Math.max(...runs.map((r) => r.peakMiB));
  process.stdout.write(
    [
      "",
      `CPU time this/other, median of ${rounds} rounds (range): ${cpu}`,
      `wall time this/other, median (range): ${wall}`,
      `median CPU s: this ${median(mine.map((r) => r.cpuS)).toFixed(1)}, other ${median(theirs.map((r) => r.cpuS)).toFixed(1)}`,
      `peak RSS, largest of the rounds: this ${peak(mine)} MiB, other ${peak(theirs)} MiB`,
      `load average at the end (1, 5, 15 min): ${loadavg()
        .map((x) => x.toFixed(2))
        .join(", ")}`,
      "",
    ].join("\n"),
  );
}

main();
