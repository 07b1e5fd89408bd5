/**
 * Benchmark: read a 1,000,000-row Stata .dta (format 118) and SPSS .sav (bytecode-compressed) file —
 * 50,000 entities × 20 years, id, year, a labelled region and five numeric columns with missing
 * values — into a Panel, and time haven's read_dta/read_sav on the same files (R writes them; without
 * Rscript the benchmark is skipped).
 *
 *   npx tsx bench/read-stat.bench.ts [rows]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPanel } from '../src/io/read-panel.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const base = join(tmpdir(), `nqpf-bench-stat-${rows}`);
const files = { dta: `${base}.dta`, sav: `${base}.sav` };

let hasR = false;
try {
  execFileSync('Rscript', ['-e', 'library(haven)'], { stdio: 'ignore' });
  hasR = true;
} catch {
  console.log('Rscript with haven not found: the files cannot be written; skipping');
}
if (hasR) {
  if (!existsSync(files.dta) || !existsSync(files.sav)) {
    execFileSync(
      'Rscript',
      [
        '-e',
        `suppressMessages(library(haven)); set.seed(1); n <- ${rows}; yrs <- 20
        d <- data.frame(id = (seq_len(n) - 1) %/% yrs + 1, year = 2000 + (seq_len(n) - 1) %% yrs)
        d$region <- labelled(as.integer(d$id %% 3 + 1), c(East = 1L, Central = 2L, West = 3L))
        for (k in 1:5) { x <- round(rnorm(n), 6); x[sample(n, n %/% 50)] <- NA; d[[paste0("x", k)]] <- x }
        write_dta(d, ${JSON.stringify(files.dta)}, version = 14); write_sav(d, ${JSON.stringify(files.sav)}, compress = "byte")`,
      ],
      { stdio: 'inherit' },
    );
  }
  const runs = 3;
  for (const [kind, file] of Object.entries(files)) {
    let best = Infinity;
    let bestCpu = Infinity;
    let n = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const panel = await readPanel(file);
      const c = process.cpuUsage(c0);
      best = Math.min(best, (performance.now() - t0) / 1000);
      bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
      n = panel.entity.length;
    }
    const fn = kind === 'dta' ? 'read_dta' : 'read_sav';
    const out = execFileSync(
      'Rscript',
      [
        '-e',
        `suppressMessages(library(haven)); best <- Inf; bestCpu <- Inf
        for (r in 1:${runs}) { t <- system.time(d <- ${fn}(${JSON.stringify(file)}))
          best <- min(best, t[["elapsed"]]); bestCpu <- min(bestCpu, t[["user.self"]] + t[["sys.self"]]) }
        cat(best, bestCpu, nrow(d), "\\n")`,
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split(/\s+/);
    console.log(
      `nqpf readPanel .${kind}: ${n} rows in ${best.toFixed(3)} s wall, ${bestCpu.toFixed(3)} s CPU (best of ${runs}); haven::${fn}: ${Number(out[0]).toFixed(3)} s wall, ${Number(out[1]).toFixed(3)} s CPU; ratio haven / nqpf = ${(Number(out[0]) / best).toFixed(2)} wall, ${(Number(out[1]) / bestCpu).toFixed(2)} CPU (above 1: nqpf is faster; nqpf also builds the panel)`,
    );
  }
}
