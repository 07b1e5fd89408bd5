/**
 * Run every benchmark in bench/ (`npm run bench`): each `*.bench.ts` file in its own process, one
 * after another (they are CPU-bound; running them together would distort the timings).
 * Extra arguments select benchmarks by name: `npm run bench -- feols threshold` (`npm run bench -- sensitivity`
 * for issue 11's uncertainty and sensitivity analysis against an R loop).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`(${f} exited with code ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
