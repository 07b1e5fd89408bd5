import type { Command } from 'commander';
import {
  fixed as fmt,
  intOption,
  list,
  loadData,
  numberOption,
  progress,
  withDataOptions,
  withImputeOption,
  type DataOptions,
  reportLang,
} from '../common.js';
import { printSampleResults, withRobustnessOptions, type RobustnessFlags } from '../robustness-options.js';
import type { ThresholdResult } from '../../explain/mechanisms/threshold.js';
import { checkThresholdOptions, runThreshold, thresholdJson } from '../../api/threshold.js';
import { vcovSyntax } from '../../explain/vcov-registry.js';

interface ThresholdCliOptions extends DataOptions, RobustnessFlags {
  y: string;
  x: string;
  q: string;
  controls?: string;
  thresholds: number;
  grid: string;
  gridType?: 'distinct' | 'observations';
  trim: number;
  bootstrap: number;
  seed: number;
  level: number;
  timeEffects?: boolean;
  vcov?: string;
}

function thresholdText(r: ThresholdResult): string {
  const o = r.options;
  const lines = [
    `Panel threshold model (Hansen 1999): ${o.y} on ${o.x} by regimes of ${o.q}; ${r.nEntities} entities × ${r.nPeriods} periods; grid ${o.grid}${o.grid === 'all' ? '' : ` (${o.gridType})`} (${r.nCandidates} candidates), trim ${o.trim}`,
    'Thresholds (LR interval at ' +
      `${(o.level * 100).toFixed(0)}%; F test with ${o.bootstrap} fixed-regressor bootstrap draws):`,
  ];
  for (const [i, t] of r.thresholds.entries()) {
    lines.push(
      `  γ${i + 1} = ${fmt(t.estimate)} (stage ${t.order})  [${fmt(t.ciLow)}, ${fmt(t.ciHigh)}]  F = ${fmt(t.F, 2)}  p = ${fmt(t.pValue, 3)}  crit 10/5/1%: ${fmt(t.critical.p10, 2)} / ${fmt(t.critical.p5, 2)} / ${fmt(t.critical.p1, 2)}`,
    );
  }
  lines.push(`Coefficients (within estimator; ${r.vcov} standard errors):`);
  for (const c of r.coefficients)
    lines.push(`  ${c.term.padEnd(32)} ${fmt(c.estimate).padStart(10)}  SE ${fmt(c.stdError)}  p ${fmt(c.pValue)}`);
  lines.push(`SSR ${fmt(r.ssr, 6)} (linear model ${fmt(r.ssr0, 6)})`);
  return lines.join('\n');
}

/** `nqpf threshold`: Hansen's panel threshold regression. */
export function registerThreshold(program: Command): void {
  withRobustnessOptions(
    withImputeOption(
      withDataOptions(
        program
          .command('threshold')
          .requiredOption('--y <col>', 'dependent variable')
          .requiredOption('--x <col>', 'regime-dependent regressor')
          .requiredOption('--q <col>', 'threshold variable')
          .option('--controls <cols>', 'regime-independent controls, comma-separated')
          .option('--thresholds <k>', 'number of thresholds (1, 2 or 3)', intOption('--thresholds'), 1)
          .option('--grid <all|N>', 'candidates: every distinct value of q ("all") or N quantiles', 'all')
          .option(
            '--grid-type <rule>',
            'rule of --grid N: distinct (default; quantiles of the distinct q inside the trimmed range, Hansen) | observations (order statistics of all observations)',
          )
          .option('--trim <p>', 'minimum share of observations in each regime', numberOption('--trim'), 0.01)
          .option(
            '--bootstrap <n>',
            'bootstrap replications per threshold test (0 = no test)',
            intOption('--bootstrap'),
            300,
          )
          .option('--seed <n>', 'random seed', intOption('--seed'), 1)
          .option('--level <p>', 'level of the LR threshold intervals', numberOption('--level'), 0.95)
          .option('--time-effects', 'add period dummies (two-way fixed effects)')
          .option('--vcov <type>', `SEs of the coefficients: ${vcovSyntax()} (default iid, as xtreg, fe)`),
      ),
    ),
  )
    .addHelpText(
      'after',
      `
Examples:
  nqpf threshold --data examples/panel.csv --entity id --period year --y nqpf --x innov --q lngdp --controls urban,open --thresholds 2 --grid all --trim 0.05 --bootstrap 300
  nqpf threshold --data china-sim --y labor_productivity --x rd_intensity --q urbanization --time-effects --impute linear --json

Needs a balanced panel (every entity in every period, no missing values), as xthreg; --impute linear
fills gaps within entities (recorded in the notes).
Sequential estimation: γ1; γ2 given γ1, then γ1 refined given γ2; γ3 given both. See docs/explain-mechanism.md.`,
    )
    .action(async (opts: ThresholdCliOptions) => {
      const grid = opts.grid === 'all' ? 'all' : Number(opts.grid);
      checkThresholdOptions({ grid, thresholds: opts.thresholds });
      const panel = await loadData(opts);
      if (opts.bootstrap > 0 && !opts.json) progress(`bootstrap, ${opts.bootstrap} replications per threshold`);
      const run = runThreshold(panel, {
        y: opts.y,
        x: opts.x,
        q: opts.q,
        controls: list(opts.controls),
        thresholds: opts.thresholds,
        grid,
        gridType: opts.gridType,
        trim: opts.trim,
        bootstrap: opts.bootstrap,
        seed: opts.seed,
        level: opts.level,
        timeEffects: opts.timeEffects,
        vcov: opts.vcov,
        impute: opts.impute,
        by: opts.by,
        winsorize: opts.winsorize,
        dropMunicipalities: opts.dropMunicipalities,
      });
      if (opts.out)
        await (await import('../outputs.js')).writeMechanismOutputs(opts.out, 'threshold', run, reportLang(opts));
      printSampleResults(run.panel, opts.by, opts.json, run.results, thresholdJson, thresholdText);
    });
}
