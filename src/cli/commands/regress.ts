import path from 'node:path';
import type { Command } from 'commander';
import { loadData, printJson, printNotes, reportLang } from '../common.js';
import { REGRESS_COMMAND } from '../../options/commands.js';
import { addOptions, cliValues } from '../options.js';
import { formatRegression } from '../../report/regression-text.js';
import { tableCsv, tableGrid, tableLatex, tableMarkdown } from '../../report/regression-table.js';
import { writeRegressionFiles } from '../regression-files.js';
import { regressJson, runRegress } from '../../api/regress.js';
import { paperTableFromRegression } from '../../report/paper-table.js';
import { writeDocxTables } from '../table-files.js';

/** `nqpf regress`: OLS / fixed effects / IV regression with iid, HC1, clustered or Driscoll–Kraay SEs. */
export function registerRegress(program: Command): void {
  addOptions(program.command('regress'), REGRESS_COMMAND)
    .addHelpText(
      'after',
      `
Examples:
  nqpf regress --data china-sim --formula "labor_productivity ~ rd_intensity + openness | province + year" --vcov cluster:province
  nqpf regress --data examples/panel.csv --formula "log(y) ~ l(x, 1) + z | id + year" --vcov cluster:id+year --json
  nqpf regress --data examples/panel.csv --formula "y ~ z | id + year | x ~ l(x, 1)" --vcov hc1
  nqpf regress --data china-sim --formula "labor_productivity ~ rd_intensity" --formula "labor_productivity ~ rd_intensity | province + year" --table latex --out tables
  nqpf regress --data china-sim --formula "labor_productivity ~ rd_intensity | province + year" --by group --winsorize 0.01 --table md
  nqpf regress --data china-sim --formula "log(labor_productivity) ~ rd_intensity + I(rd_intensity^2) | province + year" --table md --digits 4
  nqpf regress --data examples/firms.csv --formula "tfp ~ rd + size + lev | firm + industry^year" --by soe --diff-test both --permutations 200 --table md

Formula grammar (fixest): y ~ x1 + x2 + x1:x2 + x1*x2 + l(x, k) + d(x) + log(x + 1) + I(x^2) + poly(x, 2)
  | fe1 + fe2 + industry^year + id[t] | endo ~ instr  (a^b: combined FE; id[t]: varying slopes).
Conventions: CR1 with fixest's small-sample factors (FE nested in the cluster not counted; two-way
clustering uses min(G)); t distribution with G−1 df when clustered. See docs/explain.md.
Tables: stars * 0.1, ** 0.05, *** 0.01 (esttab; the same rule on screen), SE in parentheses, esttab's
a3 numbers (--digits); --lang zh writes the labels and note in Chinese. --out DIR writes regression.md,
.tex (booktabs), .csv, .xlsx and .docx (Word, three-line table), regress.xlsx, tables.docx, the coefficient
plot (charts/*.svg, .png) and index.html; --table docx writes regression.docx (in --out, else here).
--by with two groups and --diff-test: bdiff's empirical p = #{d* >= b0 - b1}/N (1 - that above 0.5;
one-sided), suest's Wald chi2(1) on stacked scores (cluster-robust with --vcov cluster:COL).
--json prints one model's {"coefficients":[...],"nobs","r2","r2Within","fixedEffects","vcov","dropped"};
with several --formula (or --by) it prints {"models":[...]}, and with --diff-test "groupDifference".`,
    )
    .action(async (given: Record<string, unknown>) => {
      const opts = cliValues(REGRESS_COMMAND, given);
      const panel = await loadData(opts);
      const lang = reportLang(opts);
      const run = runRegress(panel, {
        formula: opts.formula,
        vcov: opts.vcov,
        level: opts.level,
        keepSingletons: opts.keepSingletons,
        by: opts.by,
        winsorize: opts.winsorize,
        dropMunicipalities: opts.dropMunicipalities,
        digits: opts.digits,
        titles: opts.titles,
        diffTest: opts.diffTest,
        permutations: opts.permutations,
        seed: opts.seed,
        diffTerms: opts.diffTerms,
        lang,
      });
      const { fits, table } = run;
      const files: string[] = [];
      if (opts.out) {
        files.push(...(await writeRegressionFiles(opts.out, table, reportLang(opts))));
        // the report, charts and XLSX load only with --out (start-up)
        const [{ writeCommandOutputs }, { regressionSection }] = await Promise.all([
          import('../outputs.js'),
          import('../../report/sections/regression.js'),
        ]);
        const written = await writeCommandOutputs(opts.out, 'regress', {
          panel,
          notes: fits.flatMap((m) => m.result.notes),
          lang,
          title: { en: 'panel regressions', zh: '面板回归' },
          sections: [
            regressionSection(
              panel,
              {
                tables: [{ caption: { en: opts.formula.join('; '), zh: opts.formula.join('；') }, table }],
                vcov: [...new Set(fits.map((m) => m.vcov.spec.type))],
                coefPlot: {
                  level: opts.level,
                  models: fits.map((m, j) => ({
                    name: `(${j + 1})${m.title ? ` ${m.title}` : ''}`,
                    coefficients: m.result.coefficients,
                  })),
                },
              },
              { lang },
            ),
          ],
          tables: { regression: tableGrid(table) },
        });
        for (const f of written) if (!files.includes(f)) files.push(f);
      }
      if (opts.json) {
        printJson({ ...regressJson(run), ...(files.length ? { files } : {}) });
        return;
      }
      printNotes(fits.flatMap((m) => m.result.notes));
      if (panel.meta.simulated) process.stdout.write(`Data: ${panel.meta.name} (SIMULATED)\n`);
      if (opts.table === 'docx') {
        // Word: regression.docx in --out (written above with the other files), else here.
        if (!opts.out) {
          const lang = reportLang(opts);
          const title = lang === 'zh' ? '回归结果' : 'Regression results';
          const file = await writeDocxTables('.', 'regression', [paperTableFromRegression(table, title)], lang);
          process.stderr.write(`wrote ${file}\n`);
        }
      } else if (opts.table) {
        const text =
          opts.table === 'md' ? tableMarkdown(table) : opts.table === 'latex' ? tableLatex(table) : tableCsv(table);
        process.stdout.write(text.endsWith('\n') ? text : text + '\n');
      } else {
        for (const m of fits) process.stdout.write(formatRegression(m.result) + '\n');
      }
      if (files.length) process.stderr.write(`wrote ${files.map((f) => path.join(opts.out!, f)).join(', ')}\n`);
    });
}
