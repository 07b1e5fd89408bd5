/**
 * CLI start-up (issue 7: `nqpf --help` ≤ 150 ms and a small `nqpf measure --json` ≤ 300 ms over bare
 * `node -e 0`). Runs the built CLI (bin/nqpf.js → dist/; `npm run build` first) as a user would,
 * each command N times in turn with `node -e 0`, and prints the median wall time, the median over
 * bare node, and the ratio. The small measure is the README tour: examples/provinces.csv (10
 * provinces × 5 years) with examples/framework.yaml. Wall times on a shared, loaded machine are
 * noisy: the medians of interleaved runs are the fairest figure here. No assertions: figures only.
 *
 *   npx tsx bench/startup.bench.ts [runs]     (default 15)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childrenCpuMs } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/nqpf.js');
const runs = Number(process.argv[2]) > 0 ? Number(process.argv[2]) : 15;
if (!existsSync(path.join(root, 'dist/cli/main.js'))) {
  console.error('dist/ is missing: run `npm run build` first (npm ci does it through `prepare`)');
  process.exit(1);
}

const cases: { name: string; args: string[]; target?: number }[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'nqpf --help', args: [bin, '--help'], target: 150 },
  {
    name: 'nqpf measure --json (examples/provinces.csv)',
    args: [
      bin,
      'measure',
      '--data',
      'examples/provinces.csv',
      '--entity',
      'province',
      '--period',
      'year',
      '--framework',
      'examples/framework.yaml',
      '--json',
    ],
    target: 300,
  },
];

function timeOnce(args: string[], cpu?: number[]): number {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t0;
  cpu?.push(childrenCpuMs() - c0);
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Interleaved runs (one of each case per round), so a burst of load hits every case alike.
const times = cases.map(() => [] as number[]);
const cpus = cases.map(() => [] as number[]);
for (const c of cases) timeOnce(c.args); // warm the file cache
for (let k = 0; k < runs; k++) cases.forEach((c, i) => times[i].push(timeOnce(c.args, cpus[i])));

const base = median(times[0]);
// CPU time is what the command costs, whatever else runs on the machine (clock ticks of 10 ms: the mean over the runs).
const meanCpu = (i: number) => cpus[i].reduce((a, b) => a + b, 0) / cpus[i].length;
const cpuText = (i: number) =>
  Number.isFinite(meanCpu(0))
    ? `; CPU ${meanCpu(i).toFixed(0)} ms${i ? ` = node + ${(meanCpu(i) - meanCpu(0)).toFixed(0)} ms` : ''}`
    : '';
console.log(`CLI start-up, median of ${runs} interleaved runs (built dist/, Node ${process.versions.node})`);
for (const [i, c] of cases.entries()) {
  const m = median(times[i]);
  if (i === 0) {
    console.log(`  ${c.name.padEnd(46)} ${m.toFixed(0).padStart(5)} ms${cpuText(i)}`);
    continue;
  }
  const over = m - base;
  const verdict =
    c.target === undefined
      ? ''
      : over <= c.target
        ? `  ≤ ${c.target} ms target: met`
        : `  > ${c.target} ms target: NOT met`;
  console.log(
    `  ${c.name.padEnd(46)} ${m.toFixed(0).padStart(5)} ms  = node + ${over.toFixed(0)} ms  (${(m / base).toFixed(2)}× node -e 0)${verdict}${cpuText(i)}`,
  );
}
