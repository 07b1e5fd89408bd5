import type { Command } from 'commander';
import { fixed as fmt, imputeColumns, intOption, list, loadData, numberOption, progress, withDataOptions, withImputeOption, type DataOptions } from '../common.js';
import { printSampleResults, robustnessSamples, withRobustnessOptions, type RobustnessFlags } from '../robustness-options.js';
import { mediation, type MediationResult } from '../../explain/mediation.js';
import { regressionTable, tableMarkdown } from '../../explain/table.js';

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

/** The `--json` object (docs/explain-mechanism.md) with the stepwise evidence. */
export function mediationJson(r: MediationResult) {
  const pe = (p: MediationResult['total']) => ({ path: p.path, estimate: p.estimate, stdError: p.stdError, pValue: p.pValue });
  return {
    layout: r.layout,
    total: pe(r.total),
    direct: pe(r.direct),
    indirect: r.indirect.map((e) => ({
      mediator: e.mediator,
      estimate: e.estimate,
      ciLow: e.ciLow,
      ciHigh: e.ciHigh,
      bcLow: e.bcLow,
      bcHigh: e.bcHigh,
      bootSe: e.bootSe,
      sobelZ: e.sobelZ,
      sobelP: e.sobelP,
      share: e.share,
      verdict: e.verdict,
    })),
    shareMediated: r.shareMediated,
    xToM: r.xToM.map(pe),
    mToY: r.mToY.map(pe),
    mToM: r.mToM.map(pe),
    baronKenny: r.baronKenny,
    caution: r.caution,
    nobs: r.nobs,
    nClusters: r.nClusters,
    bootstrap: r.bootstrap,
    vcov: r.vcov,
    notes: r.notes,
  };
}

function mediationText(r: MediationResult): string {
  const lines: string[] = [];
  lines.push(`X → M evidence (Jiang 2022: report and justify this first):`);
  for (const p of r.xToM) lines.push(`  ${p.path.padEnd(34)} ${fmt(p.estimate).padStart(10)}  SE ${fmt(p.stdError)}  p ${fmt(p.pValue)}`);
  lines.push(`Total effect c:   ${fmt(r.total.estimate)} (SE ${fmt(r.total.stdError)}, p ${fmt(r.total.pValue)})`);
  lines.push(`Direct effect c′: ${fmt(r.direct.estimate)} (SE ${fmt(r.direct.stdError)}, p ${fmt(r.direct.pValue)})`);
  lines.push(`Indirect effects (${r.bootstrap.reps} cluster-bootstrap draws by ${r.bootstrap.cluster}, ${r.nClusters} clusters, ${(r.bootstrap.level * 100).toFixed(0)}% intervals):`);
  for (const e of r.indirect) {
    lines.push(`  ${e.mediator.padEnd(20)} ${fmt(e.estimate).padStart(10)}  perc [${fmt(e.ciLow)}, ${fmt(e.ciHigh)}]  BC [${fmt(e.bcLow)}, ${fmt(e.bcHigh)}]${Number.isFinite(e.sobelZ) ? `  Sobel z ${fmt(e.sobelZ, 3)} p ${fmt(e.sobelP)}` : ''}`);
    lines.push(`    ${e.verdict}`);
  }
  lines.push(`Share mediated: ${fmt(r.shareMediated, 3)}`);
  for (const b of r.baronKenny) lines.push(`Baron–Kenny (${b.mediator}): ${b.verdict}`);
  lines.push('', tableMarkdown(regressionTable(r.equations)), r.caution);
  return lines.join('\n');
}

/** `nqpf mediate`: panel mediation with cluster-bootstrap intervals of the indirect effects. */
export function registerMediate(program: Command): void {
  withRobustnessOptions(
    withImputeOption(withDataOptions(
      program
        .command('mediate')
        .description('mediation analysis for panels: stepwise (Baron–Kenny, Wen–Ye), Sobel, cluster-bootstrap intervals of indirect effects; parallel or chained mediators')
        .requiredOption('--x <col>', 'explanatory variable X')
        .requiredOption('--m <cols>', 'mediators, comma-separated (in causal order with --chain)')
        .requiredOption('--y <col>', 'outcome Y')
        .option('--controls <cols>', 'control variables, comma-separated')
        .option('--fe <cols>', 'fixed effects, comma-separated (e.g. the entity and period columns)')
        .option('--cluster <col>', 'cluster variable: bootstrap resampling unit and clustered SEs (default: entity, SEs iid)')
        .option('--vcov <type>', 'SEs of the paths: iid | hc1 | cluster:COL (default: cluster:--cluster if given, else iid)')
        .option('--bootstrap <n>', 'cluster-bootstrap replications', intOption('--bootstrap'), 5000)
        .option('--seed <n>', 'random seed', intOption('--seed'), 1)
        .option('--level <p>', 'confidence level of the bootstrap intervals', numberOption('--level'), 0.95)
        .option('--chain', 'chained mediators X→M1→M2→Y (default: parallel)'),
    )),
  )
    .addHelpText(
      'after',
      `
Examples:
  nqpf mediate --data china-sim --x rd_intensity --m tertiary_secondary_ratio,postgrad_per10k --y labor_productivity --fe province,year --cluster province
  nqpf mediate --data panel.csv --x innov --m layout,talent --y nqpf --controls urban,open --fe id,year --cluster id --bootstrap 5000 --seed 7 --json
  nqpf mediate --data panel.csv --x innov --m layout,talent --y nqpf --fe id,year --chain --drop-municipalities

Indirect effects are products of FE-regression coefficients; intervals resample whole entities
(percentile and bias-corrected, boot's conventions). Read docs/explain-mechanism.md, and Jiang
(2022) on what the stepwise test can and cannot show.`,
    )
    .action(async (opts: MediateOptions) => {
      const mediators = list(opts.m);
      const controls = list(opts.controls);
      const panel = imputeColumns(await loadData(opts), opts.impute, [opts.y, opts.x, ...mediators, ...controls]);
      const samples = robustnessSamples(panel, opts, [opts.y, opts.x, ...mediators, ...controls]);
      if (opts.bootstrap > 0 && !opts.json) progress(`cluster bootstrap, ${opts.bootstrap} replications`);
      const results = samples.map((s) => ({
        group: s.group,
        result: mediation(s.panel, {
          x: opts.x,
          mediators,
          y: opts.y,
          controls,
          fe: list(opts.fe),
          cluster: opts.cluster,
          vcov: opts.vcov,
          bootstrap: opts.bootstrap,
          seed: opts.seed,
          level: opts.level,
          chain: opts.chain,
        }),
        notes: s.panel.notes,
      }));
      printSampleResults(panel, opts.by, opts.json, results, mediationJson, mediationText);
    });
}
