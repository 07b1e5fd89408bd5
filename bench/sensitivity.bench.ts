/**
 * Sensitivity analysis benchmark (issue 11): china-sim (31 provinces × 12 years, seed framework: 30
 * indicators in four systems; SIMULATED, imputed linearly once), five factors — weights
 * entropy/equal, normalisation minmax-shift/minmax-range, aggregation arithmetic/geometric, weights
 * perturbed ±20%, one indicator left out — and N = 1429, so N(d + 2) = 10,003 runs, each one
 * `nqpf measure` on all four systems. nqpf's time is `runSensitivity` (design, runs, uncertainty,
 * Sobol indices with 1000 bootstrap replicates, leave-one-out, coherence), data read excluded; it is
 * printed for one thread (the first call, with the JIT cold, and again) and for two worker threads.
 *
 * When Rscript exists, bench/sensitivity-loop.R runs the same design (the same runs: the design is
 * written to a CSV) as a base-R loop that recomputes each run, and the ratio R/nqpf is printed in
 * wall-clock and CPU time; R's nominal ranks are checked against nqpf's. The machine may be shared:
 * the CPU ratio is the fairer one. No assertions: figures only.
 *
 *   npm run bench -- sensitivity            (add a number to change N, e.g. 200 for a quick look)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { impute } from '../src/data/impute.js';
import { getBuiltinFramework } from '../src/framework/builtin.js';
import { frameworkColumns, systemIndicators } from '../src/framework/tree.js';
import { loadBuiltinDataset } from '../src/io/builtin.js';
import { runSensitivity } from '../src/io/sensitivity-pool.js';
import { levelOf } from '../src/robustness/design.js';
import { evaluateRuns, planSensitivity, systemsOf, type SensitivityOptions } from '../src/robustness/sensitivity.js';
import { meanAbsRankShift } from '../src/robustness/uncertainty.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const N = Number(process.argv[2] ?? 1429);
const framework = getBuiltinFramework('seed');
const raw = await loadBuiltinDataset('china-sim');
const panel = impute(raw, { method: 'linear', columns: frameworkColumns(framework) }).panel;
const options: SensitivityOptions = {
  measure: { impute: 'none' },
  vary: [
    { flag: 'weights', levels: ['entropy', 'equal'] },
    { flag: 'normalize', levels: ['minmax-shift', 'minmax-range'] },
    { flag: 'aggregate', levels: ['arithmetic', 'geometric'] },
  ],
  perturbWeights: 0.2,
  dropIndicators: true,
  runs: N,
  seed: 2026,
};

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const timings: { label: string; wall: number; cpu: number }[] = [];
let result;
for (const [label, threads] of [
  ['1 thread, cold', 1],
  ['1 thread, warm', 1],
  ['2 workers', 2],
] as const) {
  const c0 = cpu();
  const t0 = performance.now();
  result = await runSensitivity(panel, framework, options, { threads });
  timings.push({ label, wall: (performance.now() - t0) / 1000, cpu: cpu() - c0 });
}
const systems = systemsOf(result!);
const runs = systems[0].runs;
console.log(`nqpf sensitivity, china-sim (SIMULATED), 4 systems, 30 indicators, 5 factors, ${runs} runs:`);
for (const t of timings)
  console.log(
    `  ${t.label.padEnd(13)} ${t.wall.toFixed(2)} s wall, ${t.cpu.toFixed(2)} s CPU (process, workers included)`,
  );

const rscript = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
if (rscript.status !== 0) {
  console.log('Rscript not found: no R reference.');
  process.exit(0);
}
// The same design for R: the discrete levels and the weight multipliers of every run.
const plan = planSensitivity(panel, framework, options);
const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-sensitivity-bench-'));
const cols = frameworkColumns(framework);
writeFileSync(
  path.join(dir, 'panel.csv'),
  [
    ['entity', 'period', ...cols].join(','),
    ...panel.entity.map((e, i) => [e, panel.period[i], ...cols.map((c) => panel.columns[c][i])].join(',')),
  ].join('\n'),
);
const placed = framework.systems.flatMap((s) =>
  systemIndicators(s).map((p) =>
    [s.id, p.path[0], p.indicator.id, p.indicator.column, p.indicator.direction].join(','),
  ),
);
writeFileSync(path.join(dir, 'indicators.csv'), ['system,dimension,id,column,direction', ...placed].join('\n'));
const { u, columns: D } = plan.design;
const perturbCols = plan.factors.find((f) => f.name === 'perturb-weights')!.columns;
const lines = [
  [
    'weights',
    'normalize',
    'aggregate',
    ...plan.systems.map((_, s) => `drop${s + 1}`),
    ...perturbCols.map((_, j) => `u${j + 1}`),
  ].join(','),
];
for (let r = 0; r < plan.design.runs; r++) {
  const level = (c: number, l: number) => levelOf(u[r * D + c], l) + 1;
  const drops = plan.ids.map((ids) => level(plan.dropColumn, ids.length + 1) - 1);
  lines.push([level(0, 2), level(1, 2), level(2, 2), ...drops, ...perturbCols.map((c) => u[r * D + c])].join(','));
}
writeFileSync(path.join(dir, 'design.csv'), lines.join('\n'));
const out = path.join(dir, 'r.json');
const year = systems[0].year;
const r = spawnSync(
  'Rscript',
  [
    path.join(here, 'sensitivity-loop.R'),
    ...['panel.csv', 'indicators.csv', 'design.csv'].map((f) => path.join(dir, f)),
    String(year),
    out,
  ],
  { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] },
);
if (r.status !== 0) {
  console.log('the R loop failed');
  process.exit(1);
}
const ref = JSON.parse(readFileSync(out, 'utf8'));
const same = systems.every((s) =>
  s.nominal.every(
    (n) =>
      ref.nominal[s.system][
        plan.entities[plan.systems.indexOf(framework.systems.findIndex((x) => x.id === s.system))].indexOf(n.entity)
      ] === n.rank,
  ),
);
console.log(
  `R ${ref.R} base-R loop, same ${ref.runs} runs: ${ref.elapsed.toFixed(2)} s wall, ${ref.cpu.toFixed(2)} s CPU; nominal ranks ${same ? 'identical to' : 'DIFFER from'} nqpf's`,
);
const meanShift = systems.map((s) => {
  const k = framework.systems.findIndex((x) => x.id === s.system);
  return `${s.system} ${ref.meanShift[k].toFixed(8)}`;
});
console.log(`R mean absolute rank shift per system (over the runs): ${meanShift.join(', ')}`);
const ranks = evaluateRuns(plan, 0, plan.design.runs);
const ours = plan.systems.map((k, s) => {
  const nominal = systems[s].uncertainty.map((x) => x.nominalRank);
  const order = systems[s].uncertainty.map((x) => plan.entities[s].indexOf(x.entity));
  const aligned = Float64Array.from(plan.entities[s], (_, e) => nominal[order.indexOf(e)]);
  let sum = 0;
  for (let r = 0; r < plan.design.runs; r++) sum += meanAbsRankShift(ranks[s], r, aligned);
  return `${framework.systems[k].id} ${(sum / plan.design.runs).toFixed(8)}`;
});
console.log(`nqpf mean absolute rank shift per system (same runs):    ${ours.join(', ')}`);
for (const t of timings) console.log(`ratio R/nqpf (${t.label}): ${(ref.elapsed / t.wall).toFixed(1)}× wall`);
console.log(`ratio R/nqpf CPU (1 thread, warm; process CPU): ${(ref.cpu / timings[1].cpu).toFixed(1)}×`);
