import path from 'node:path';
import type { Command } from 'commander';
import { printJson, printNotes, reportLang, withDataOptions, type DataOptions } from '../common.js';
import { spatialRegress } from '../../api/spatial-regress.js';
import { formatSpatialRegression, spatialEffectsTable, spatialTableModel } from '../../report/spatial-regression.js';
import { paperTableFromRegression } from '../../report/paper-table.js';
import { tableOption, writeDocxTables, type TableFormat } from '../table-files.js';
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
  table?: TableFormat;
}

/** `nqpf spatial-regress`: SAR/SEM/SDM/SLX/SDEM panel models with fixed effects, effects and tests. */
export function registerSpatialRegress(program: Command): void {
  const cmd = program.command('spatial-regress');
  withSpatialModelOptions(withDataOptions(cmd))
    .option('--delta', 'delta-method SEs for the effects instead of simulated draws')
    .option('--no-tests', 'skip the LM tests and the Wald/LR tests against SAR and SEM')
    .addOption(tableOption('print the estimates as a publication table (docx: with the effects table)'))
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
      const effects = spatialEffectsTable(result, lang);
      const files = opts.out ? await writeRegressionFiles(opts.out, table, lang, [effects]) : [];
      if (opts.json) {
        printJson({ ...result, data: panel.meta.name, ...(files.length ? { files } : {}) });
        return;
      }
      printNotes(result.notes);
      if (opts.table === 'docx') {
        if (!opts.out) {
          const title = lang === 'zh' ? '空间计量模型估计结果' : 'Spatial panel model';
          const file = await writeDocxTables(
            '.',
            'regression',
            [paperTableFromRegression(table, title), effects],
            lang,
          );
          process.stderr.write(`wrote ${file}\n`);
        }
      } else if (opts.table) {
        const text =
          opts.table === 'md' ? tableMarkdown(table) : opts.table === 'latex' ? tableLatex(table) : tableCsv(table);
        process.stdout.write(text.endsWith('\n') ? text : text + '\n');
      } else process.stdout.write(formatSpatialRegression(result) + '\n');
      if (files.length) process.stderr.write(`wrote ${files.map((f) => path.join(opts.out!, f)).join(', ')}\n`);
    });
}
