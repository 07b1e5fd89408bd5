/**
 * Panel threshold benchmark (issue 3, item 11): 2,800 entities × 15 periods, one threshold, grid
 * all (every distinct q) and grid 300, 300 bootstrap replications. Prints nqpf's time and, where
 * Rscript exists, R's time for the same search on the same data (lm.fit on the within transform for
 * each of 300 grid candidates; the bootstrap in R is timed on a few replications and extrapolated, as
 * 300 full R replications take far too long). Data are SIMULATED.
 * Run: npx tsx bench/threshold.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makePanel } from '../src/data/panel.js';
import { Rng } from '../src/core/rng.js';
import { panelThreshold } from '../src/explain/mechanisms/threshold.js';

const N = 2800;
const T = 15;
const rng = new Rng(42);
const n = N * T;
const entity: string[] = [];
const period = new Float64Array(n);
const y = new Float64Array(n);
const x = new Float64Array(n);
const q = new Float64Array(n);
const z = new Float64Array(n);
for (let e = 0; e < N; e++) {
  const mu = rng.normal();
  for (let t = 0; t < T; t++) {
    const i = e * T + t;
    entity.push(`f${String(e).padStart(4, '0')}`);
    period[i] = 2000 + t;
    q[i] = rng.normal();
    x[i] = rng.normal() + 0.3 * mu;
    z[i] = rng.normal();
    y[i] = mu + (q[i] <= 0.2 ? 1 : 1.3) * x[i] + 0.5 * z[i] + rng.normal();
  }
}
const panel = makePanel({
  entityColumn: 'id',
  periodColumn: 'year',
  entity,
  period,
  columns: { y, x, q, z },
  meta: { name: 'bench', simulated: true },
});

function time(label: string, f: () => unknown): number {
  const t0 = performance.now();
  const out = f();
  const s = (performance.now() - t0) / 1000;
  console.log(`${label}: ${s.toFixed(2)} s`, out);
  return s;
}
const opts = { y: 'y', x: 'x', q: 'q', controls: ['z'], bootstrap: 300, seed: 1, trim: 0.01 } as const;
const tAll = time('nqpf grid all (~42,000 candidates), 300 bootstrap reps', () => {
  const r = panelThreshold(panel, { ...opts, grid: 'all' });
  return {
    gamma: r.thresholds[0].estimate,
    F: r.thresholds[0].F.toFixed(2),
    p: r.thresholds[0].pValue,
    candidates: r.nCandidates,
  };
});
const t300 = time('nqpf grid 300, 300 bootstrap reps', () => {
  const r = panelThreshold(panel, { ...opts, grid: 300 });
  return { gamma: r.thresholds[0].estimate, F: r.thresholds[0].F.toFixed(2), p: r.thresholds[0].pValue };
});

const rs = process.env.NQPF_BENCH_NO_R ? { status: 1 } : spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
if (rs.status === 0) {
  const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-thr-'));
  const csv = [
    'id,year,y,x,q,z',
    ...Array.from({ length: n }, (_, i) => `${entity[i]},${period[i]},${y[i]},${x[i]},${q[i]},${z[i]}`),
  ].join('\n');
  writeFileSync(path.join(dir, 'd.csv'), csv);
  const script = `
d <- read.csv("${dir}/d.csv"); n <- nrow(d); TT <- ${T}
w <- function(v) v - ave(v, d$id)
yw <- w(d$y); xw <- w(d$x); zw <- w(d$z)
qs <- sort(d$q); cand <- unique(qs[pmin(n, pmax(1, ceiling(n * (1:300) / 301)))])
m <- ceiling(0.01 * n); cand <- cand[sapply(cand, function(g) sum(d$q <= g) >= m && sum(d$q > g) >= m)]
ssr <- function(yy, g) { r1 <- w(d$x * (d$q <= g)); sum(lm.fit(cbind(r1, xw, zw), yy)$residuals^2) }
t0 <- proc.time()[["elapsed"]]
s <- sapply(cand, function(g) ssr(yw, g))
t1 <- proc.time()[["elapsed"]] - t0
e0 <- lm.fit(cbind(xw, zw), yw)$residuals; ids <- unique(d$id)
t0 <- proc.time()[["elapsed"]]
reps <- 2
for (b in 1:reps) { pick <- sample(length(ids), replace = TRUE); ys <- as.vector(matrix(e0, nrow = TT)[, pick]); sapply(cand, function(g) ssr(ys, g)) }
tb <- (proc.time()[["elapsed"]] - t0) / reps
cat(sprintf("R search %.2f s; gamma %.4f; per bootstrap rep %.2f s; 300 reps extrapolated %.1f s\\n", t1, cand[which.min(s)], tb, t1 + 300 * tb))
cat(sprintf("RTOTAL %.3f\\n", t1 + 300 * tb))
`;
  const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
  process.stdout.write(r.stdout);
  const m = /RTOTAL ([\d.]+)/.exec(r.stdout);
  if (m)
    console.log(
      `ratio R / nqpf (grid 300, 300 reps): ${(Number(m[1]) / t300).toFixed(0)}×  (nqpf grid all: ${tAll.toFixed(2)} s)`,
    );
  else process.stderr.write(r.stderr);
} else {
  console.log('Rscript not found: R timing skipped');
}
