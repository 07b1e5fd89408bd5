/**
 * Issue 18's bootstrap targets, through the built CLI as a user runs it (start-up and CSV read
 * included), on one thread (NQPF_THREADS=1) and on two: `nqpf mediate` with 5,000 cluster-bootstrap
 * draws on 500 entities × 10 years (two mediators, one control, entity and year FE; target < 1 s), and
 * `nqpf threshold` (2,800 × 15, grid 300, 300 bootstrap draws). The outputs of one and two threads
 * must be identical (printed). Where Rscript exists, R's time for the same mediation bootstrap (a loop
 * of lm() with dummies over cluster draws, 20 draws timed and scaled to 5,000) gives the ratio. Data
 * are SIMULATED and seeded. Wall times on a shared machine are noisy: CPU times are printed too.
 *
 *   npm run bench -- bootstrap
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/core/rng.js';
import { childrenCpuMs } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/nqpf.js');
const dir = path.join(tmpdir(), 'nqpf-bootstrap-bench');
mkdirSync(dir, { recursive: true });
if (!existsSync(path.join(root, 'dist/cli/main.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}

const med = path.join(dir, 'mediate-500x10.csv');
if (!existsSync(med)) {
  const rng = new Rng(500);
  const lines = ['id,year,x,m1,m2,c1,y'];
  for (let e = 1; e <= 500; e++) {
    const a = rng.normal();
    for (let t = 2011; t <= 2020; t++) {
      const x = rng.normal() + 0.5 * a;
      const c1 = rng.normal();
      const m1 = 0.4 * x + rng.normal();
      const m2 = 0.3 * x + 0.2 * c1 + rng.normal();
      const y = 0.5 * m1 + 0.3 * m2 + 0.2 * x + a + 0.1 * (t - 2011) + rng.normal();
      lines.push([e, t, ...[x, m1, m2, c1, y].map((v) => v.toFixed(6))].join(','));
    }
  }
  writeFileSync(med, lines.join('\n') + '\n');
}
const thr = path.join(dir, 'threshold-2800x15.csv');
if (!existsSync(thr)) {
  const rng = new Rng(42);
  const lines = ['id,year,y,x,q,z'];
  for (let e = 0; e < 2800; e++) {
    const mu = rng.normal();
    for (let t = 0; t < 15; t++) {
      const q = rng.normal();
      const x = rng.normal() + 0.3 * mu;
      const z = rng.normal();
      const y = mu + (q <= 0.2 ? 1 : 1.3) * x + 0.5 * z + rng.normal();
      lines.push(`f${String(e).padStart(4, '0')},${2000 + t},${y},${x},${q},${z}`);
    }
  }
  writeFileSync(thr, lines.join('\n') + '\n');
}

function run(args: string[], threads: number): { wall: number; cpu: number; out: string } {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, NQPF_THREADS: String(threads) },
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`nqpf ${args[0]} failed: ${r.stderr}`);
  return { wall, cpu: (childrenCpuMs() - c0) / 1000, out: r.stdout };
}

const jobs: { name: string; args: string[]; target?: number }[] = [
  {
    name: 'mediate 500 × 10, 5,000 cluster draws',
    args: [
      'mediate',
      '--data',
      med,
      '--entity',
      'id',
      '--period',
      'year',
      '--x',
      'x',
      '--m',
      'm1,m2',
      '--y',
      'y',
      '--controls',
      'c1',
      '--fe',
      'id,year',
      '--cluster',
      'id',
      '--bootstrap',
      '5000',
    ],
    target: 1,
  },
  {
    name: 'threshold 2,800 × 15, grid 300, 300 draws',
    args: [
      'threshold',
      '--data',
      thr,
      '--entity',
      'id',
      '--period',
      'year',
      '--y',
      'y',
      '--x',
      'x',
      '--q',
      'q',
      '--controls',
      'z',
      '--grid',
      '300',
      '--bootstrap',
      '300',
    ],
  },
];
console.log(`bootstraps through the built CLI (SIMULATED data in ${dir}); best of 3 runs`);
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
let medOne = NaN;
for (const job of jobs) {
  const outs: string[] = [];
  for (const threads of [1, 2]) {
    let best = { wall: Infinity, cpu: Infinity, out: '' };
    for (let k = 0; k < 3; k++) {
      const t = run(job.args, threads);
      if (t.wall < best.wall) best = { ...t, cpu: Math.min(t.cpu, best.cpu) };
    }
    outs.push(best.out);
    if (job.target && threads === 1) medOne = best.wall;
    const verdict =
      job.target === undefined
        ? ''
        : best.wall < job.target
          ? `  < ${job.target} s target: met`
          : `  ≥ ${job.target} s target: NOT met`;
    console.log(
      `  ${job.name}, ${threads} thread${threads > 1 ? 's' : ' '}: ${best.wall.toFixed(2)} s wall, ${best.cpu.toFixed(2)} s CPU${verdict}`,
    );
  }
  console.log(`    one and two threads give ${outs[0] === outs[1] ? 'identical' : 'DIFFERENT'} --json output`);
}

if (spawnSync('Rscript', ['--version']).status === 0) {
  const reps = 20;
  const script = `
d <- read.csv(${JSON.stringify(med)}); ids <- unique(d$id); rows <- split(seq_len(nrow(d)), factor(d$id, levels = ids))
one <- function(dd) {
  a1 <- coef(lm(m1 ~ x + c1 + factor(id) + factor(year), dd))[2]
  a2 <- coef(lm(m2 ~ x + c1 + factor(id) + factor(year), dd))[2]
  b <- coef(lm(y ~ x + m1 + m2 + c1 + factor(id) + factor(year), dd))[3:4]
  c(a1 * b[1], a2 * b[2])
}
set.seed(1); t0 <- proc.time()[["elapsed"]]
out <- replicate(${reps}, { pick <- sample(length(ids), replace = TRUE)
  dd <- do.call(rbind, lapply(seq_along(pick), function(k) { x <- d[rows[[pick[k]]], ]; x$id <- k; x }))
  one(dd) })
el <- proc.time()[["elapsed"]] - t0
cat(sprintf("RTOTAL %.3f\\n", el * 5000 / ${reps}))
`;
  const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
  const m = /RTOTAL ([\d.]+)/.exec(r.stdout);
  if (m)
    console.log(
      `R (lm with dummies, ${reps} draws timed, scaled to 5,000): ${Number(m[1]).toFixed(1)} s; ratio R / nqpf (one thread) ${(Number(m[1]) / medOne).toFixed(0)}×`,
    );
  else console.log(`R reference failed: ${r.stderr.trim().split('\n').slice(-1)[0]}`);
} else console.log('Rscript not found: R timing skipped');
