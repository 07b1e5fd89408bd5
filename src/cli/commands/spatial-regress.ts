import path from 'node:path';
import { Option, type Command } from 'commander';
import { printJson, printNotes, reportLang, withDataOptions, type DataOptions } from '../common.js';
import { spatialRegress } from '../../api/spatial-regress.js';
import { formatSpatialRegression, spatialTableModel } from '../../report/spatial-regression.js';
import { regressionTable, tableCsv, tableLatex, tableMarkdown } from '../../report/regression-table.js';
import { writeRegressionFiles } from '../regression-files.js';
import {
  loadSpatialPanel,
  spatialModelOptions,
  spatialModelWeights,
  withSpatialModelOptions,
  type SpatialModelCliOptions,
} from '../spatial-options.js';

interface SpatialRegressCliOptions extends DataOptions, SpatialModelCliOptions {
  delta?: boolean;
  tests: boolean;
  table?: 'md' | 'latex' | 'csv';
}

/** `nqpf spatial-regress`: SAR/SEM/SDM/SLX/SDEM panel models with fixed effects, effects and tests. */
export function registerSpatialRegress(program: Command): void {
  const cmd = program.command('spatial-regress');
  withSpatialModelOptions(withDataOptions(cmd))
    .option('--delta', 'delta-method SEs for the effects instead of simulated draws')
    .option('--no-tests', 'skip the LM tests and the Wald/LR tests against SAR and SEM')
    .addOption(
      new Option('--table <format>', 'print the estimates as a publication table').choices(['md', 'latex', 'csv']),
    )
    .addHelpText(
      'after',
      `
Examples:
  nqpf spatial-regress --data china-sim --formula "labor_productivity ~ rd_intensity + openness" --model sdm --fe both
  nqpf spatial-regress --data counties.csv --formula "y ~ x1 + x2" --neighbors borders.csv --model sar --fe entity --json
  nqpf spatial-regress --data china-sim --formula "labor_productivity ~ rd_intensity" --lee-yu --draws 5000 --seed 7 --table latex

--json prints {"model","rho":{"estimate","stdError","pValue"} (λ for SEM as "lambda"),"coefficients":[{"term",
"estimate","stdError","statistic","pValue"}],"sigma2","logLik","nobs","effects":[{"variable","direct","indirect","total"}],
"tests":{"lmLag","lmError","robustLmLag","robustLmError","waldSar","waldSem","lrSar","lrSem","decision"},"notes"}.
Spatially lagged regressors are named W*x. Weights as for nqpf moran (row-standardised, no islands).
Conventions (spatialreg / xsmle / Elhorst): docs/spatial-econometrics.md.`,
    )
    .action(async (opts: SpatialRegressCliOptions) => {
      const panel = await loadSpatialPanel(opts);
      const weights = await spatialModelWeights(panel, opts);
      const result = spatialRegress(panel, {
        ...spatialModelOptions(opts, weights),
        inference: opts.delta ? 'delta' : 'simulation',
        tests: opts.tests,
      });
      const lang = reportLang(opts);
      const table = regressionTable([spatialTableModel(result, undefined, lang)], { lang });
      const files = opts.out ? await writeRegressionFiles(opts.out, table) : [];
      if (opts.json) {
        printJson({ ...result, data: panel.meta.name, ...(files.length ? { files } : {}) });
        return;
      }
      printNotes(result.notes);
      if (opts.table) {
        const text =
          opts.table === 'md' ? tableMarkdown(table) : opts.table === 'latex' ? tableLatex(table) : tableCsv(table);
        process.stdout.write(text.endsWith('\n') ? text : text + '\n');
      } else process.stdout.write(formatSpatialRegression(result) + '\n');
      if (files.length) process.stderr.write(`wrote ${files.map((f) => path.join(opts.out!, f)).join(', ')}\n`);
    });
}
