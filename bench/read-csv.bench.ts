/**
 * Benchmark: read a 1,000,000-row × 8-column numeric CSV (50,000 entities × 20 years; id, year and six
 * numeric columns of synthetic values) into a Panel. Prints rows/s; when Rscript is on the PATH, also
 * times data.table::fread on the same file and prints the ratio.
 *
 *   npx tsx bench/read-csv.bench.ts [rows]
 *
 * The file is written once to the OS temp folder and reused.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../src/core/rng.js';
import { readPanel } from '../src/io/read-panel.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const years = 20;
const file = join(tmpdir(), `nqpf-bench-${rows}x8.csv`);

if (!existsSync(file)) {
  const rng = new Rng(20240601);
  const parts: string[] = ['id,year,y,x1,x2,x3,x4,x5\n'];
  for (let i = 0; i < rows; i++) {
    const id = Math.floor(i / years) + 1;
    const year = 2000 + (i % years);
    const x = Array.from({ length: 5 }, () => rng.normal().toFixed(6));
    const y = (1 + x.reduce((s, v) => s + Number(v), 0) + rng.normal()).toFixed(6);
    parts.push(`${id},${year},${y},${x.join(',')}\n`);
  }
  writeFileSync(file, parts.join(''));
}

// Wall time and CPU time (user + system) of this process: on a shared machine CPU time is the steadier
// figure, and it is what R's system.time() user + system measures too.
const runs = 3;
let best = Infinity;
let bestCpu = Infinity;
let nRows = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const panel = await readPanel(file);
  const c = process.cpuUsage(c0);
  best = Math.min(best, (performance.now() - t0) / 1000);
  bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
  nRows = panel.entity.length;
}
console.log(
  `nqpf readPanel: ${nRows} rows × 8 columns in ${best.toFixed(3)} s wall, ${bestCpu.toFixed(3)} s CPU (best of ${runs}) = ${Math.round(nRows / best).toLocaleString('en')} rows/s`,
);

let hasR = false;
try {
  execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
  hasR = true;
} catch {
  console.log('Rscript not found: skipping data.table::fread');
}
if (hasR) {
  const script = `suppressMessages(library(data.table)); setDTthreads(1); f <- ${JSON.stringify(file)};
    best <- Inf; bestCpu <- Inf; for (r in 1:${runs}) { t <- system.time(d <- fread(f));
      best <- min(best, t[["elapsed"]]); bestCpu <- min(bestCpu, t[["user.self"]] + t[["sys.self"]]) };
    cat(best, bestCpu, nrow(d), "\\n")`;
  const out = execFileSync('Rscript', ['-e', script], { encoding: 'utf8' }).trim().split(/\s+/);
  const rBest = Number(out[0]);
  const rCpu = Number(out[1]);
  console.log(
    `data.table::fread (1 thread): ${out[2]} rows in ${rBest.toFixed(3)} s wall, ${rCpu.toFixed(3)} s CPU (best of ${runs})`,
  );
  console.log(
    `ratio fread / nqpf = ${(rBest / best).toFixed(2)} wall, ${(rCpu / bestCpu).toFixed(2)} CPU (above 1: nqpf is faster)`,
  );
}
