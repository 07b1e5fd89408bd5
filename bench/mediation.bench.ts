/**
 * Mediation benchmark (issue 3, item 11): 5,000 cluster-bootstrap replications of two parallel
 * indirect effects on china-sim's latent variables (SIMULATED, 31 provinces × 12 years), with
 * province and year fixed effects. Prints nqpf's time and, where Rscript exists, R's time for the same
 * work on the same data (a loop of lm() with dummies over cluster draws; by default 500 draws timed
 * and scaled to 5,000, set NQPF_BENCH_R_REPS=5000 for the full run) and the ratio.
 * Run: npx tsx bench/mediation.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRecords } from '../src/datasets/csv-text.js';
import { makePanel } from '../src/data/panel.js';
import { mediation } from '../src/explain/mechanisms/mediation.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lat = csvRecords(readFileSync(path.join(root, 'data/builtin/china-sim-latent.csv'), 'utf8'));
const names = ['innovation', 'industry', 'talent', 'nqpf'];
const columns: Record<string, Float64Array> = {};
for (const nm of names) columns[nm] = Float64Array.from(lat, (r) => Number(r[nm]));
const panel = makePanel({
  entityColumn: 'province',
  periodColumn: 'year',
  entity: lat.map((r) => r.province),
  period: lat.map((r) => Number(r.year)),
  columns,
  meta: { name: 'china-sim latent', simulated: true },
});

const reps = 5000;
const t0 = performance.now();
const r = mediation(panel, {
  x: 'innovation',
  mediators: ['industry', 'talent'],
  y: 'nqpf',
  fe: ['province', 'year'],
  cluster: 'province',
  bootstrap: reps,
  seed: 1,
});
const tNqpf = (performance.now() - t0) / 1000;
console.log(`nqpf: ${reps} cluster-bootstrap reps, 31 × 12, two-way FE: ${tNqpf.toFixed(2)} s`);
for (const e of r.indirect)
  console.log(`  ${e.mediator}: ${e.estimate.toFixed(4)} [${e.ciLow.toFixed(4)}, ${e.ciHigh.toFixed(4)}]`);

const rs = process.env.NQPF_BENCH_NO_R ? { status: 1 } : spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
if (rs.status === 0) {
  const rReps = Number(process.env.NQPF_BENCH_R_REPS ?? 500);
  const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-med-'));
  writeFileSync(
    path.join(dir, 'd.csv'),
    [
      'province,year,' + names.join(','),
      ...lat.map((x) => [x.province, x.year, ...names.map((n) => x[n])].join(',')),
    ].join('\n'),
  );
  const script = `
d <- read.csv("${dir}/d.csv"); ids <- unique(d$province); rows <- split(seq_len(nrow(d)), factor(d$province, levels = ids))
one <- function(dd) {
  a1 <- coef(lm(industry ~ innovation + factor(province) + factor(year), dd))[2]
  a2 <- coef(lm(talent ~ innovation + factor(province) + factor(year), dd))[2]
  b <- coef(lm(nqpf ~ innovation + industry + talent + factor(province) + factor(year), dd))[3:4]
  c(a1 * b[1], a2 * b[2])
}
set.seed(1); t0 <- proc.time()[["elapsed"]]
out <- replicate(${rReps}, { pick <- sample(length(ids), replace = TRUE)
  dd <- do.call(rbind, lapply(seq_along(pick), function(k) { x <- d[rows[[pick[k]]], ]; x$province <- paste0(x$province, k); x }))
  one(dd) })
el <- proc.time()[["elapsed"]] - t0
cat(sprintf("R: %d reps in %.2f s; scaled to ${reps}: %.1f s\\nRTOTAL %.3f\\n", ${rReps}, el, el * ${reps} / ${rReps}, el * ${reps} / ${rReps}))
`;
  const out = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
  process.stdout.write(out.stdout);
  const m = /RTOTAL ([\d.]+)/.exec(out.stdout);
  if (m) console.log(`ratio R / nqpf: ${(Number(m[1]) / tNqpf).toFixed(1)}×`);
  else process.stderr.write(out.stderr);
} else console.log('Rscript not found: R timing skipped');
