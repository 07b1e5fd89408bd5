/**
 * Spatial panel benchmark (issue 10, item 9): an SDM with two-way fixed effects plus 1,000 simulated
 * effect draws, on (a) a province-sized panel, 30 units × 12 periods, and (b) the county-sized target,
 * 2,800 units × 15 periods. W is row-standardised contiguity on a planar triangulated lattice (each cell
 * of an r×c grid split by a random diagonal, like the dual of a Voronoi map; SIMULATED, seeded).
 * nqpf: fitSpatialPanel (eigen log-determinant for (a), exact band LU for (b)) + spatialEffects(1,000 draws).
 * R (same data, same run): spatialreg lagsarlm(Durbin) on I_T ⊗ W (method "eigen" for (a), "Matrix" —
 * sparse Cholesky — for (b)) + impacts(R = 1000) with traces from trW (exact for (a) via listw). The
 * ratio R/nqpf is printed in wall-clock and CPU time. Target (b): < 5 s on 2 cores. No assertions.
 *
 *   npx tsx bench/spatial.bench.ts [small|county ...]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Rng } from '../src/core/rng.js';
import { fitSpatialPanel } from '../src/spatial-econometrics/fit.js';
import { spatialEffects } from '../src/spatial-econometrics/effects.js';
import { BandLU } from '../src/spatial-econometrics/band-lu.js';
import { makeLogDet } from '../src/spatial-econometrics/logdet.js';
import { lagInto, sparseWFromPairs } from '../src/spatial-econometrics/sparse-w.js';

const dir = path.join(tmpdir(), 'nqpf-spatial-bench');
mkdirSync(dir, { recursive: true });

function lattice(r: number, c: number, rng: Rng): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      const a = i * c + j;
      if (j + 1 < c) pairs.push([a, a + 1]);
      if (i + 1 < r) pairs.push([a, a + c]);
      if (i + 1 < r && j + 1 < c) pairs.push(rng.uniform() < 0.5 ? [a, a + c + 1] : [a + 1, a + c]);
    }
  return pairs;
}

function simulate(r: number, c: number, T: number) {
  const rng = new Rng(20261201 + r * c);
  const N = r * c;
  const pairs = lattice(r, c, rng);
  const w = sparseWFromPairs(N, pairs);
  const ld = makeLogDet(w, { method: 'sparse-lu' });
  const lu = new BandLU(w, ld.order, 0.4);
  const alpha = Float64Array.from({ length: N }, () => rng.normal());
  const x1 = new Float64Array(N * T);
  const x2 = new Float64Array(N * T);
  const y = new Float64Array(N * T);
  const wx1 = new Float64Array(N * T);
  const wx2 = new Float64Array(N * T);
  for (let t = 0; t < T; t++) {
    const tau = rng.normal(0, 0.5);
    for (let i = 0; i < N; i++) {
      x1[t * N + i] = rng.normal() + 0.5 * alpha[i];
      x2[t * N + i] = rng.normal();
    }
    lagInto(w, x1, wx1, t * N);
    lagInto(w, x2, wx2, t * N);
    const u = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      const k = t * N + i;
      u[i] = x1[k] - 0.5 * x2[k] + 0.4 * wx1[k] + 0.3 * wx2[k] + alpha[i] + tau + rng.normal();
    }
    y.set(lu.solve(u), t * N);
  }
  const ids = Array.from({ length: N }, (_, i) => `u${i}`);
  return {
    N,
    T,
    w,
    pairs,
    ids,
    data: {
      ids,
      periods: Array.from({ length: T }, (_, t) => 2001 + t),
      y,
      yName: 'y',
      x: [x1, x2],
      xNames: ['x1', 'x2'],
    },
  };
}

const R_SCRIPT = `
suppressPackageStartupMessages({ library(spdep); library(spatialreg) })
a <- commandArgs(TRUE); d <- read.csv(a[1]); p <- read.csv(a[2]); N <- as.integer(a[3]); T <- as.integer(a[4])
nbl <- vector("list", N); for (k in seq_len(nrow(p))) { nbl[[p$a[k] + 1]] <- c(nbl[[p$a[k] + 1]], p$b[k] + 1L); nbl[[p$b[k] + 1]] <- c(nbl[[p$b[k] + 1]], p$a[k] + 1L) }
nb <- lapply(nbl, function(v) sort(as.integer(v))); class(nb) <- "nb"
nbNT <- unlist(lapply(1:T, function(t) lapply(nb, function(v) as.integer(v + (t - 1) * N))), recursive = FALSE); class(nbNT) <- "nb"
lwNT <- nb2listw(nbNT, style = "W")
d$ye <- d$y - ave(d$y, d$id); d$x1e <- d$x1 - ave(d$x1, d$id); d$x2e <- d$x2 - ave(d$x2, d$id); d$fy <- factor(d$year)
p0 <- proc.time()
small <- N * T <= 2000
fit <- lagsarlm(ye ~ x1e + x2e + fy, data = d, listw = lwNT, method = if (small) "eigen" else "Matrix", Durbin = ~ x1e + x2e)
tr <- if (small) NULL else T * trW(as(nb2listw(nb, style = "W"), "CsparseMatrix"), m = 30, type = "mult")
set.seed(1)
im <- if (small) impacts(fit, listw = lwNT, R = 1000) else impacts(fit, tr = tr, R = 1000)
s <- summary(im, zstats = TRUE)
pt <- proc.time() - p0
cat(sprintf("%.4f %.4f %.10g\\n", pt[["elapsed"]], pt[["user.self"]] + pt[["sys.self"]], fit$rho))
`;

const hasR = spawnSync('Rscript', ['--version']).status === 0;
const cases = { small: [5, 6, 12], county: [56, 50, 15] } as const;
const only = process.argv.slice(2);
console.log(
  'SDM two-way FE + 1,000 effect draws (SIMULATED planar lattice contiguity). Machine may be shared: timings are noisy.',
);
for (const [name, [r, c, T]] of Object.entries(cases)) {
  if (only.length && !only.includes(name)) continue;
  const s = simulate(r, c, T);
  let best = Infinity;
  let bestCpu = Infinity;
  let rho = NaN;
  let method = '';
  for (let rep = 0; rep < 2; rep++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const fit = fitSpatialPanel(s.data, s.w, { model: 'sdm', fe: 'both' });
    spatialEffects(fit, { draws: 1000, seed: 1 });
    const el = (performance.now() - t0) / 1000;
    const cu = process.cpuUsage(c0);
    best = Math.min(best, el);
    bestCpu = Math.min(bestCpu, (cu.user + cu.system) / 1e6);
    rho = fit.rho;
    method = fit.logdet.method;
  }
  let line = `${name}: N = ${s.N}, T = ${T} (${s.N * T} obs), log-det ${method}: nqpf ${best.toFixed(3)} s wall, ${bestCpu.toFixed(3)} s CPU, rho = ${rho.toFixed(6)}`;
  if (name === 'county') line += best < 5 ? '  [target < 5 s: met]' : '  [target < 5 s: NOT met]';
  if (hasR) {
    const csv = path.join(dir, `${name}.csv`);
    const nbf = path.join(dir, `${name}-nb.csv`);
    const rows = ['id,year,y,x1,x2'];
    for (let t = 0; t < T; t++)
      for (let i = 0; i < s.N; i++) {
        const k = t * s.N + i;
        rows.push(`${i},${2001 + t},${s.data.y[k]},${s.data.x[0][k]},${s.data.x[1][k]}`);
      }
    writeFileSync(csv, rows.join('\n') + '\n');
    writeFileSync(nbf, 'a,b\n' + s.pairs.map(([a, b]) => `${a},${b}`).join('\n') + '\n');
    const script = path.join(dir, 'bench.R');
    writeFileSync(script, R_SCRIPT);
    const out = spawnSync('Rscript', [script, csv, nbf, String(s.N), String(T)], {
      encoding: 'utf8',
      timeout: 900_000,
    });
    const m = out.stdout.trim().split(/\s+/).map(Number);
    if (out.status === 0 && m.length === 3)
      line += `\n  R spatialreg: ${m[0].toFixed(3)} s wall, ${m[1].toFixed(3)} s CPU, rho = ${m[2].toFixed(6)}; ratio R/nqpf ${(m[0] / best).toFixed(1)}× wall, ${(m[1] / bestCpu).toFixed(1)}× CPU`;
    else line += `\n  R failed: ${out.stderr.slice(-300)}`;
  }
  console.log(line);
}
