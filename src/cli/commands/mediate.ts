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
import type { MediationResult } from '../../explain/mechanisms/mediation.js';
import { mediationJson, runMediate } from '../../api/mediate.js';
import { regressionTable, tableMarkdown } from '../../report/regression-table.js';
import { baronKennyText, cautionText, wenYeText } from '../../report/mediation-text.js';
import { vcovSyntax } from '../../explain/vcov-registry.js';

interface MediateOptions extends DataOptions, RobustnessFlags {
  x: string;
  m: string;
  y: string;
  controls?: string;
  fe?: string;
  cluster?: string;
  vcov?: string;
  bootstrap: number;
  seed: number;
  level: number;
  chain?: boolean;
}

function mediationText(r: MediationResult): string {
  const lines: string[] = [];
  lines.push(`X → M evidence (Jiang 2022: report and justify this first):`);
  for (const p of r.xToM)
    lines.push(`  ${p.path.padEnd(34)} ${fmt(p.estimate).padStart(10)}  SE ${fmt(p.stdError)}  p ${fmt(p.pValue)}`);
  lines.push(`Total effect c:   ${fmt(r.total.estimate)} (SE ${fmt(r.total.stdError)}, p ${fmt(r.total.pValue)})`);
  lines.push(`Direct effect c′: ${fmt(r.direct.estimate)} (SE ${fmt(r.direct.stdError)}, p ${fmt(r.direct.pValue)})`);
  lines.push(
    `Indirect effects (${r.bootstrap.reps} cluster-bootstrap draws by ${r.bootstrap.cluster}, ${r.nClusters} clusters, ${(r.bootstrap.level * 100).toFixed(0)}% intervals):`,
  );
  for (const e of r.indirect) {
    lines.push(
      `  ${e.mediator.padEnd(20)} ${fmt(e.estimate).padStart(10)}  perc [${fmt(e.ciLow)}, ${fmt(e.ciHigh)}]  BC [${fmt(e.bcLow)}, ${fmt(e.bcHigh)}]${Number.isFinite(e.sobelZ) ? `  Sobel z ${fmt(e.sobelZ, 3)} p ${fmt(e.sobelP)}` : ''}`,
    );
    lines.push(`    ${wenYeText(e.verdict)}`);
  }
  lines.push(`Share mediated: ${fmt(r.shareMediated, 3)}`);
  for (const b of r.baronKenny) lines.push(`Baron–Kenny (${b.mediator}): ${baronKennyText(b.verdict)}`);
  lines.push('', tableMarkdown(regressionTable(r.equations)), cautionText(r.caution));
  return lines.join('\n');
}

/** `nqpf mediate`: panel mediation with cluster-bootstrap intervals of the indirect effects. */
export function registerMediate(program: Command): void {
  withRobustnessOptions(
    withImputeOption(
      withDataOptions(
        program
          .command('mediate')
          .requiredOption('--x <col>', 'explanatory variable X')
          .requiredOption('--m <cols>', 'mediators, comma-separated (in causal order with --chain)')
          .requiredOption('--y <col>', 'outcome Y')
          .option('--controls <cols>', 'control variables, comma-separated')
          .option('--fe <cols>', 'fixed effects, comma-separated (e.g. the entity and period columns)')
          .option(
            '--cluster <col>',
            'cluster variable: bootstrap resampling unit and clustered SEs (default: entity, SEs iid)',
          )
          .option('--vcov <type>', `SEs of the paths: ${vcovSyntax()} (default: cluster:--cluster if given, else iid)`)
          .option('--bootstrap <n>', 'cluster-bootstrap replications', intOption('--bootstrap'), 5000)
          .option('--seed <n>', 'random seed', intOption('--seed'), 1)
          .option('--level <p>', 'confidence level of the bootstrap intervals', numberOption('--level'), 0.95)
          .option('--chain', 'chained mediators X→M1→M2→Y (default: parallel)'),
      ),
    ),
  )
    .addHelpText(
      'after',
      `
Examples:
  nqpf mediate --data china-sim --x rd_intensity --m tertiary_secondary_ratio,postgrad_per10k --y labor_productivity --fe province,year --cluster province
  nqpf mediate --data examples/panel.csv --x innov --m layout,talent --y nqpf --controls urban,open --fe id,year --cluster id --bootstrap 5000 --seed 7 --json
  nqpf mediate --data examples/panel.csv --x innov --m layout,talent --y nqpf --fe id,year --chain --drop-municipalities

Indirect effects are products of FE-regression coefficients; intervals resample whole entities
(percentile and bias-corrected, boot's conventions). Read docs/explain-mechanism.md, and Jiang
(2022) on what the stepwise test can and cannot show.`,
    )
    .action(async (opts: MediateOptions) => {
      const panel = await loadData(opts);
      if (opts.bootstrap > 0 && !opts.json) progress(`cluster bootstrap, ${opts.bootstrap} replications`);
      const run = runMediate(panel, {
        x: opts.x,
        mediators: list(opts.m),
        y: opts.y,
        controls: list(opts.controls),
        fe: list(opts.fe),
        cluster: opts.cluster,
        vcov: opts.vcov,
        bootstrap: opts.bootstrap,
        seed: opts.seed,
        level: opts.level,
        chain: opts.chain,
        impute: opts.impute,
        by: opts.by,
        winsorize: opts.winsorize,
        dropMunicipalities: opts.dropMunicipalities,
      });
      if (opts.out)
        await (await import('../outputs.js')).writeMechanismOutputs(opts.out, 'mediate', run, reportLang(opts));
      printSampleResults(run.panel, opts.by, opts.json, run.results, mediationJson, mediationText);
    });
}
