import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { densityJson, runDensity } from '../../api/density.js';
import {
  intOption,
  loadData,
  listedYears,
  printJson,
  printNotes,
  withDataOptions,
  type DataOptions,
  reportLang,
} from '../common.js';

interface DensityCliOptions extends DataOptions {
  value: string;
  bw: string;
  points: number;
  exact?: boolean;
  log?: boolean;
}

function parseBw(value: string): 'per-period' | 'pooled' | number {
  if (value === 'per-period' || value === 'pooled') return value;
  const h = Number(value);
  if (!(h > 0)) throw new InputError(`--bw takes per-period, pooled or a positive number (got "${value}")`);
  return h;
}

/** `nqpf density`: kernel densities by period (ridgeline / 3D data). */
export function registerDensity(program: Command): void {
  const cmd = program.command('density');
  withDataOptions(cmd)
    .requiredOption('--value <col>', 'the variable')
    .option('--bw <h>', 'bandwidth: per-period (Silverman bw.nrd0 of each period), pooled, or a number', 'per-period')
    .option('--points <n>', 'grid points', intOption('--points'), 512)
    .option('--exact', "evaluate the kernel sum exactly (default: R density()'s binned FFT algorithm)")
    .option('--log', 'use the natural log of the variable')
    .addHelpText(
      'after',
      `
Examples:
  nqpf density --data world-pwt --value y_per_worker --log --years 1990,2000,2017 --json
  nqpf density --data china-sim --value rd_intensity --points 200

--out DIR writes density.csv (grid × period) and density-peaks.csv.
--json prints {"grid":[...],"periods":[{period,n,bw,peakX,peakY,peaks,y:[...]}],"matrix":[[grid × period]]}.`,
    )
    .action(async (opts: DensityCliOptions) => {
      const raw = await loadData(opts);
      const run = runDensity(raw, {
        value: opts.value,
        bw: parseBw(opts.bw),
        points: opts.points,
        exact: opts.exact,
        log: opts.log,
        years: listedYears(raw, opts.years),
      });
      const { panel, result: r, notes } = run;
      if (opts.out) {
        // the report, charts and XLSX load only with --out (start-up)
        const [{ writeCommandOutputs }, { densitySection }] = await Promise.all([
          import('../outputs.js'),
          import('../../report/sections/density.js'),
        ]);
        const lang = reportLang(opts);
        await writeCommandOutputs(opts.out, 'density', {
          panel: panel,
          notes,
          lang,
          title: { en: `kernel density of ${opts.value}`, zh: `${opts.value} 的核密度` },
          sections: [densitySection(panel, r, { lang })],
          tables: {
            density: [
              ['x', ...r.curves.map((c) => String(c.period))],
              ...Array.from(r.grid, (x, i) => [x, ...r.matrix[i]]),
            ],
            'density-peaks': [
              ['period', 'n', 'bw', 'peak_x', 'peak_y', 'peaks'],
              ...r.curves.map((c) => [c.period, c.n, c.bw, c.peakX, c.peakY, c.peaks]),
            ],
          },
        });
      }
      if (opts.json) {
        printJson(densityJson(run));
        return;
      }
      printNotes(notes);
      const lines = [
        `kernel density of ${r.value} on ${panel.meta.name}${panel.meta.simulated ? ' (SIMULATED data)' : ''} (${r.method}, ${r.grid.length} points)`,
      ];
      lines.push('period     n   bandwidth    main peak at   height   peaks');
      for (const c of r.curves)
        lines.push(
          `${String(c.period).padEnd(8)} ${String(c.n).padStart(4)}  ${c.bw.toPrecision(5).padStart(10)}  ${c.peakX.toPrecision(6).padStart(12)}  ${c.peakY.toPrecision(4).padStart(8)}   ${c.peaks}`,
        );
      process.stdout.write(lines.join('\n') + '\n');
    });
}
