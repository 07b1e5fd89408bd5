/** What several benchmarks share: the simulated two-way FE panel and the CPU time of child processes. */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Rng } from '../src/core/rng.js';

/**
 * A balanced panel of `rows` rows (rows/10 entities × 10 years, 5 regressors, y with entity and year
 * effects; SIMULATED, seeded by `rows`), sorted, numbers with 6 decimals, written once to
 * `dir/<name>` (default panel-<rows>.csv) and reused.
 */
export function sortedFePanel(dir: string, rows: number, name = `panel-${rows}.csv`): string {
  const file = path.join(dir, name);
  if (existsSync(file)) return file;
  const T = 10;
  const rng = new Rng(20260601 + rows);
  const N = Math.ceil(rows / T);
  const year = Float64Array.from({ length: T }, () => rng.normal());
  const chunks: string[] = ['id,year,y,x1,x2,x3,x4,x5\n'];
  let buf = '';
  for (let e = 0; e < N; e++) {
    const a = rng.normal();
    for (let t = 0; t < T && e * T + t < rows; t++) {
      const x = [0, 1, 2, 3, 4].map(() => rng.normal() + 0.5 * a);
      const y = a + year[t] + 0.5 * x[0] - 0.3 * x[1] + 0.2 * x[2] + 0.1 * x[3] - 0.4 * x[4] + rng.normal();
      buf += `${e + 1},${2001 + t},${y.toFixed(6)},${x.map((v) => v.toFixed(6)).join(',')}\n`;
    }
    if (buf.length > 1 << 20) {
      chunks.push(buf);
      buf = '';
    }
  }
  chunks.push(buf);
  writeFileSync(`${file}.part`, chunks.join(''));
  renameSync(`${file}.part`, file);
  return file;
}

/** CPU time (user + system, ms) of the finished children of this process: Linux /proc, else NaN. */
export function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // Fields 16 and 17 of stat(5) (cutime, cstime) are the 14th and 15th after the command name, in clock ticks (100 per s).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}
