/**
 * Two-way fixed-effects benchmark (issue 3, item 11): balanced panels of 10^4, 10^5 and 10^6 rows
 * (10 periods, rows/10 entities, 5 regressors, y with entity and year effects; SIMULATED, seeded).
 * Each size is written to a CSV in a temp folder; nqpf's time is readPanel (CSV read included) +
 * feols(y ~ x1 + … + x5 | id + year) + cluster-robust vcov by id. When Rscript exists, R times
 * data.table::fread + plm(model = "within", effect = "twoways") + vcovHC(cluster = "group") on the
 * same file in the same run, and the ratio R/nqpf is printed, in wall-clock time and in CPU time
 * (the CPU ratio is the fairer one on a shared, loaded machine). The SE differs from plm's in the
 * 5th digit because plm's HC1 cluster factor differs from fixest's CR1 (see docs/explain.md); the
 * coefficients agree. No assertions: figures only.
 *
 * The targets of issue 7 are for the CLI with the CSV read included: the built `nqpf regress --json`
 * (bin/nqpf.js, when dist/ exists) is timed as a user runs it, and its time is divided by plm's
 * (target ≤ 0.1) and by fixest's (R's `fixest::feols` on one thread after `fread`, target ≤ 1.0)
 * when the fixest package is installed; otherwise that column says "not installed".
 *
 *   npx tsx bench/feols.bench.ts [rows ...]     (default 10000 100000 1000000)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childrenCpuMs, sortedFePanel } from './helpers.js';
import { readPanel } from '../src/io/read-panel.js';
import { feols } from '../src/explain/feols.js';
import { coefTable, vcov } from '../src/explain/vcov.js';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const ROWS = sizes.length ? sizes : [10_000, 100_000, 1_000_000];
const T = 10;
// Seeded data: the files are reused across runs (written once per size).
const dir = path.join(tmpdir(), 'nqpf-feols-bench');
mkdirSync(dir, { recursive: true });

const writePanel = (rows: number) => sortedFePanel(dir, rows);

const R_SCRIPT = `
suppressPackageStartupMessages({ library(data.table); library(plm); library(sandwich) })
f <- commandArgs(TRUE)[1]
p0 <- proc.time(); t0 <- p0[["elapsed"]]; c0 <- p0[["user.self"]] + p0[["sys.self"]]
d <- fread(f)
m <- plm(y ~ x1 + x2 + x3 + x4 + x5, data = d, index = c("id", "year"), model = "within", effect = "twoways")
v <- vcovHC(m, method = "arellano", type = "HC1", cluster = "group")
pt <- proc.time()
el <- pt[["elapsed"]] - t0
cpu <- pt[["user.self"]] + pt[["sys.self"]] - c0
cat(sprintf("%.6f %.10g %.10g %.6f\\n", el, coef(m)[["x1"]], sqrt(v[1, 1]), cpu))
`;

const FIXEST_SCRIPT = `
suppressPackageStartupMessages({ library(data.table); library(fixest) })
setDTthreads(1); setFixest_nthreads(1)
f <- commandArgs(TRUE)[1]
p0 <- proc.time(); t0 <- p0[["elapsed"]]; c0 <- p0[["user.self"]] + p0[["sys.self"]]
d <- fread(f)
m <- feols(y ~ x1 + x2 + x3 + x4 + x5 | id + year, data = d, cluster = ~id)
s <- se(m)
pt <- proc.time()
cat(sprintf("%.6f %.10g %.10g %.6f\\n", pt[["elapsed"]] - t0, coef(m)[["x1"]], s[["x1"]], pt[["user.self"]] + pt[["sys.self"]] - c0))
`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliBin = path.join(root, 'bin/nqpf.js');
const hasCli = existsSync(path.join(root, 'dist/cli/main.js'));

/** The built CLI on `file`, as a user runs it: wall and CPU seconds, and b_x1. */
function timeCli(file: string): { wall: number; cpu: number; b1: number } {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      cliBin,
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
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const wall = (performance.now() - t0) / 1000;
  const cpu = (childrenCpuMs() - c0) / 1000;
  if (r.status !== 0) throw new Error(`nqpf regress failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { coefficients: { term: string; estimate: number }[] };
  return { wall, cpu, b1: out.coefficients.find((c) => c.term === 'x1')?.estimate ?? NaN };
}

/** Run an R timing script on `file`: [elapsed, b_x1, se_x1, cpu], or an error message. */
function timeR(script: string, file: string): number[] | string {
  const r = spawnSync('Rscript', ['-e', script, file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const parts = r.stdout.trim().split(/\s+/).map(Number);
  if (r.status === 0 && parts.length === 4) return parts;
  return `failed: ${(r.stderr || '').trim().split('\n').slice(-2).join(' ')}`;
}

function hasR(): boolean {
  return spawnSync('Rscript', ['--version'], { encoding: 'utf8' }).status === 0;
}

const withR = hasR();
const withFixest =
  withR && spawnSync('Rscript', ['-e', 'quit(status = !requireNamespace("fixest", quietly = TRUE))']).status === 0;
console.log(`feols two-way FE + clustered SE (5 regressors, ${T} periods; SIMULATED data in ${dir})`);
console.log(
  withR
    ? 'R: data.table::fread + plm within twoways + vcovHC(arellano, cluster = "group")'
    : 'Rscript not found: nqpf times only',
);
console.log(
  withFixest
    ? 'fixest: data.table::fread + fixest::feols(| id + year, cluster = ~id), 1 thread'
    : 'fixest: not installed (ratio to fixest not measured)',
);
console.log(
  hasCli
    ? 'CLI: node bin/nqpf.js regress --vcov cluster:id --json (CSV read and start-up included)'
    : 'CLI: dist/ not built (npm run build): library times only',
);
for (const rows of ROWS) {
  const file = writePanel(rows);
  // Best of 2 runs (the first warms up the JIT).
  let best = Infinity;
  let bestCpu = Infinity;
  let b1 = NaN;
  let se1 = NaN;
  let iters = 0;
  for (let rep = 0; rep < 2; rep++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const panel = await readPanel(file, { entity: 'id', period: 'year', encoding: 'utf-8', delimiter: ',' });
    const fit = feols(panel, 'y ~ x1 + x2 + x3 + x4 + x5 | id + year');
    const tab = coefTable(fit, vcov(fit, { type: 'cluster', cluster: ['id'] }));
    const dt = (performance.now() - t0) / 1000;
    const cu = process.cpuUsage(c0);
    best = Math.min(best, dt);
    bestCpu = Math.min(bestCpu, (cu.user + cu.system) / 1e6);
    b1 = tab[0].estimate;
    se1 = tab[0].stdError;
    iters = fit.demeanIterations;
  }
  let line = `rows ${rows.toLocaleString('en')}: nqpf ${best.toFixed(3)} s wall, ${bestCpu.toFixed(3)} s CPU (b_x1 = ${b1.toFixed(8)}, se = ${se1.toExponential(6)}, demean sweeps ${iters})`;
  const cli = hasCli ? timeCli(file) : undefined;
  if (cli) line += `\n    CLI ${cli.wall.toFixed(3)} s wall, ${cli.cpu.toFixed(3)} s CPU (b_x1 = ${cli.b1.toFixed(8)})`;
  if (withR) {
    const plm = timeR(R_SCRIPT, file);
    if (typeof plm === 'string') line += `\n    plm ${plm}`;
    else {
      line += `\n    plm ${plm[0].toFixed(3)} s wall, ${plm[3].toFixed(3)} s CPU (b_x1 = ${plm[1].toFixed(8)}, se = ${plm[2].toExponential(6)})`;
      line += ` | R/nqpf ${(plm[0] / best).toFixed(1)}× wall, ${(plm[3] / bestCpu).toFixed(1)}× CPU`;
      if (cli)
        line += ` | CLI/plm ${(cli.wall / plm[0]).toFixed(3)} wall, ${(cli.cpu / plm[3]).toFixed(3)} CPU (target ≤ 0.1)`;
    }
    if (withFixest) {
      const fx = timeR(FIXEST_SCRIPT, file);
      if (typeof fx === 'string') line += `\n    fixest ${fx}`;
      else {
        line += `\n    fixest ${fx[0].toFixed(3)} s wall, ${fx[3].toFixed(3)} s CPU (b_x1 = ${fx[1].toFixed(8)}, se = ${fx[2].toExponential(6)})`;
        if (cli)
          line += ` | CLI/fixest ${(cli.wall / fx[0]).toFixed(3)} wall, ${(cli.cpu / fx[3]).toFixed(3)} CPU (target ≤ 1.0)`;
      }
    } else line += '\n    fixest not installed | CLI/fixest: not measured';
  }
  console.log(line);
}
