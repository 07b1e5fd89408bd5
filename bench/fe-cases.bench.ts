/**
 * Issue 18's in-memory two-way FE benchmark: `nqpf regress y ~ x1 + … + x5 | id + year --vcov
 * cluster:id --json` (the built CLI, bin/nqpf.js: start-up and CSV read included) against R's
 * `data.table::fread` + `fixest::feols(…, cluster = ~id)` (timed inside R from before fread to the
 * SEs, so R's own start is left out) on the same file in the same run, for six files:
 *
 *   sorted     1M rows (100,000 entities × 10 years), sorted and balanced, 6-digit numbers (68 MB)
 *   missing    the same with 10% of the rows deleted at random (unbalanced)
 *   shuffled   the same rows in random order
 *   5M         5M rows (500,000 entities), sorted, 6 digits
 *   full       sorted and balanced, full-precision numbers as fwrite writes them (15 significant digits, 119 MB)
 *   shuf-unb   full precision, 10% of the rows deleted, shuffled
 *
 * Each side runs with one thread (NQPF_THREADS=1; setDTthreads(1), setFixest_nthreads(1)) and with two.
 * Data are SIMULATED (seeded; y with entity and year effects), written once to the OS temp folder (the
 * variants through R's data.table, so "full precision" is exactly what fwrite writes). Printed per case
 * and thread count: best wall time of `runs` runs and CPU time (user + system) of each side, the ratio
 * nqpf/fixest in both, and whether the coefficients agree (|Δb| ≤ 1e-8 relative). On a machine shared
 * with other jobs the CPU ratio is the steadier figure; the load average is printed with the results.
 * Needs Rscript with data.table and fixest (R_LIBS may point to a library that has fixest); without
 * them it prints nqpf's times only. No assertions: figures only.
 *
 *   npm run bench -- fe-cases [case ...] [--runs N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childrenCpuMs, sortedFePanel } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/nqpf.js');
const dir = path.join(tmpdir(), 'nqpf-fe-cases');
mkdirSync(dir, { recursive: true });
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1])) : 2;
const wanted = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));

/** The sorted, balanced 6-digit panel of `rows` rows (the generator of bench/feols.bench.ts). */
const sortedPanel = (rows: number) => sortedFePanel(dir, rows, `sorted-${rows}.csv`);

/** The variants of the 1M file, written by R (data.table::fwrite), seeded. */
function variants(base: string): Record<string, string> {
  const out = {
    missing: path.join(dir, 'missing.csv'),
    shuffled: path.join(dir, 'shuffled.csv'),
    full: path.join(dir, 'full.csv'),
    'shuf-unb': path.join(dir, 'shuf-unb.csv'),
  };
  if (Object.values(out).every(existsSync)) return out;
  const script = `
suppressPackageStartupMessages(library(data.table)); setDTthreads(2); set.seed(18)
d <- fread(${JSON.stringify(base)})
keep <- runif(nrow(d)) > 0.1
fwrite(d[keep], ${JSON.stringify(out.missing)})
fwrite(d[sample(nrow(d))], ${JSON.stringify(out.shuffled)})
# full precision: the 6-digit values plus noise below the 6th decimal, written as fwrite writes doubles
full <- copy(d); for (v in c("y", "x1", "x2", "x3", "x4", "x5")) set(full, j = v, value = full[[v]] + rnorm(nrow(full)) * 1e-7)
fwrite(full, ${JSON.stringify(out.full)})
fwrite(full[keep][sample(sum(keep))], ${JSON.stringify(out['shuf-unb'])})
`;
  const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`writing the variants with R failed: ${r.stderr}`);
  return out;
}

const FIXEST = `
suppressPackageStartupMessages({ library(data.table); library(fixest) })
a <- commandArgs(TRUE); th <- as.integer(a[2]); setDTthreads(th); setFixest_nthreads(th)
p0 <- proc.time()
d <- fread(a[1])
m <- feols(y ~ x1 + x2 + x3 + x4 + x5 | id + year, data = d, cluster = ~id)
s <- se(m)
pt <- proc.time() - p0
cat(sprintf("%.6f %.6f %.15g %.15g\\n", pt[["elapsed"]], pt[["user.self"]] + pt[["sys.self"]], coef(m)[["x1"]], s[["x1"]]))
`;

interface Timing {
  wall: number;
  cpu: number;
  b1: number;
  se1: number;
}

function nqpf(file: string, threads: number): Timing {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      bin,
      'regress',
      '--data',
      file,
      '--entity',
      'id',
      '--period',
      'year',
      '--formula',
      'y ~ x1 + x2 + x3 + x4 + x5 | id + year',
      '--vcov',
      'cluster:id',
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NQPF_THREADS: String(threads) } },
  );
  const wall = (performance.now() - t0) / 1000;
  const cpu = (childrenCpuMs() - c0) / 1000;
  if (r.status !== 0) throw new Error(`nqpf regress failed on ${file}: ${r.stderr}`);
  const c = (
    JSON.parse(r.stdout) as { coefficients: { term: string; estimate: number; stdError: number }[] }
  ).coefficients.find((x) => x.term === 'x1')!;
  return { wall, cpu, b1: c.estimate, se1: c.stdError };
}

function fixest(file: string, threads: number): Timing | string {
  const r = spawnSync('Rscript', ['-e', FIXEST, file, String(threads)], { encoding: 'utf8' });
  const v = r.stdout.trim().split(/\s+/).map(Number);
  if (r.status !== 0 || v.length !== 4) return `failed: ${(r.stderr || '').trim().split('\n').slice(-1)[0]}`;
  return { wall: v[0], cpu: v[1], b1: v[2], se1: v[3] };
}

const best = (f: () => Timing): Timing => {
  let out: Timing | undefined;
  for (let k = 0; k < runs; k++) {
    const t = f();
    if (!out || t.wall < out.wall) out = { ...t, cpu: Math.min(t.cpu, out?.cpu ?? Infinity) };
    else out.cpu = Math.min(out.cpu, t.cpu);
  }
  return out!;
};

if (!existsSync(path.join(root, 'dist/cli/main.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const hasFixest =
  spawnSync('Rscript', [
    '-e',
    'quit(status = !(requireNamespace("fixest", quietly = TRUE) && requireNamespace("data.table", quietly = TRUE)))',
  ]).status === 0;
const base = sortedPanel(1_000_000);
const files: Record<string, string> = { sorted: base };
if (hasFixest) Object.assign(files, variants(base));
files['5M'] = sortedPanel(5_000_000);
const order = ['sorted', 'missing', 'shuffled', '5M', 'full', 'shuf-unb'].filter(
  (c) => files[c] && (!wanted.length || wanted.includes(c)),
);
console.log(
  `two-way FE + clustered SE, nqpf CLI vs fread + fixest (SIMULATED data in ${dir}); best wall of ${runs} run(s), least CPU`,
);
if (!hasFixest) console.log('fixest or data.table not installed for Rscript (set R_LIBS): nqpf times only');
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (on ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || '?'} cores)`,
);
const fmt = (t: Timing) => `${t.wall.toFixed(3)} s (CPU ${t.cpu.toFixed(2)})`;
for (const c of order) {
  for (const threads of [1, 2]) {
    const q = best(() => nqpf(files[c], threads));
    let line = `${c.padEnd(9)} ${threads} thread${threads > 1 ? 's' : ' '}  nqpf ${fmt(q)}`;
    if (hasFixest) {
      let fx: Timing | string | undefined;
      for (let k = 0; k < runs; k++) {
        const t = fixest(files[c], threads);
        if (typeof t === 'string') {
          fx = t;
          break;
        }
        if (!fx || typeof fx === 'string' || t.wall < fx.wall)
          fx = { ...t, cpu: Math.min(t.cpu, (fx as Timing | undefined)?.cpu ?? Infinity) };
        else fx.cpu = Math.min(fx.cpu, t.cpu);
      }
      if (typeof fx === 'string') line += `  fixest ${fx}`;
      else if (fx) {
        const agree = Math.abs(q.b1 - fx.b1) <= 1e-8 * Math.abs(fx.b1) && Math.abs(q.se1 - fx.se1) <= 1e-6 * fx.se1;
        line += `  fixest ${fmt(fx)}  ratio ${(q.wall / fx.wall).toFixed(2)}× wall, ${(q.cpu / fx.cpu).toFixed(2)}× CPU  (b_x1, se ${agree ? 'agree' : `DIFFER: ${q.b1} vs ${fx.b1}, ${q.se1} vs ${fx.se1}`})`;
      }
    }
    console.log(line);
  }
}
console.log(
  `load average at end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  'targets (issue 18): ≤ 0.5× fixest on sorted rows and ≤ 0.7× in every other case with 2 threads; ≤ 1.0× with one',
);
