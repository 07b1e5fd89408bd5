import path from 'node:path';
import { Option, type Command } from 'commander';
import {
  intOption,
  loadData,
  numberOption,
  printJson,
  printNotes,
  reportLang,
  withDataOptions,
  type DataOptions,
} from '../common.js';
import { formatRegression } from '../../report/regression-text.js';
import { tableCsv, tableGrid, tableLatex, tableMarkdown } from '../../report/regression-table.js';
import { writeRegressionFiles } from '../regression-files.js';
import { regressJson, runRegress } from '../../api/regress.js';
import { withRobustnessOptions, type RobustnessFlags } from '../robustness-options.js';
import { vcovSyntax } from '../../explain/vcov-registry.js';

interface RegressOptions extends DataOptions, RobustnessFlags {
  formula: string[];
  vcov?: string;
  level?: number;
  keepSingletons?: boolean;
  table?: 'md' | 'latex' | 'csv';
  digits: number;
  titles?: string;
  diffTest?: 'permutation' | 'suest' | 'both';
  permutations: number;
  seed: number;
  diffTerms?: string;
}

/** A comma-separated list (full-width commas too, as typed with a Chinese input method). */
const list = (v: string | undefined) => (v === undefined ? undefined : v.split(/[,，]/).map((s) => s.trim()));

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `nqpf regress`: OLS / fixed effects / IV regression with iid, HC1, clustered or Driscoll–Kraay SEs. */
export function registerRegress(program: Command): void {
  withRobustnessOptions(
    withDataOptions(
      program
        .command('regress')
        .requiredOption(
          '--formula <formula>',
          'fixest formula, e.g. "y ~ x1 + x2 | id + year" or "y ~ w | id | x ~ l(x, 1)"; repeat for models side by side',
          collect,
        )
        .option(
          '--vcov <type>',
          `${vcovSyntax()} (default: cluster by the first fixed effect, iid without FE; docs/explain.md)`,
        )
        .option('--level <p>', 'confidence level of the intervals', numberOption('--level'), 0.95)
        .option('--keep-singletons', 'keep singleton observations (default: removed as reghdfe does)')
        .addOption(
          new Option('--table <format>', 'print the models side by side as a publication table').choices([
            'md',
            'latex',
            'csv',
          ]),
        )
        .option(
          '--digits <n>',
          "table precision, esttab's a# format: n significant decimals, a nonzero value never shows as 0.000 (1–9)",
          intOption('--digits'),
          3,
        )
        .option(
          '--titles <list>',
          'column titles of the table, comma-separated, one per column (default: the --by group)',
        )
        .addOption(
          new Option(
            '--diff-test <test>',
            "with --by giving two groups: test the difference of each coefficient between them — permutation (Fisher, Lian & Liao's bdiff), suest (Stata's seemingly unrelated Wald test) or both",
          ).choices(['permutation', 'suest', 'both']),
        )
        .option('--permutations <n>', 'draws of the permutation test', intOption('--permutations'), 1000)
        .option('--seed <n>', 'seed of the permutation test', intOption('--seed'), 1)
        .option(
          '--diff-terms <list>',
          "terms whose group difference the table's note reports (default: the first regressor; --json has all)",
        ),
    ),
  )
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
.tex (booktabs), .csv and .xlsx, regress.xlsx, the coefficient plot (charts/*.svg, .png) and index.html.
--by with two groups and --diff-test: bdiff's empirical p = #{d* >= b0 - b1}/N (1 - that above 0.5;
one-sided), suest's Wald chi2(1) on stacked scores (cluster-robust with --vcov cluster:COL).
--json prints one model's {"coefficients":[...],"nobs","r2","r2Within","fixedEffects","vcov","dropped"};
with several --formula (or --by) it prints {"models":[...]}, and with --diff-test "groupDifference".`,
    )
    .action(async (opts: RegressOptions) => {
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
        titles: list(opts.titles),
        lang,
        diffTest: opts.diffTest,
        permutations: opts.permutations,
        seed: opts.seed,
        diffTerms: list(opts.diffTerms),
      });
      const { fits, table } = run;
      const files: string[] = [];
      if (opts.out) {
        files.push(...(await writeRegressionFiles(opts.out, table)));
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
                  level: opts.level ?? 0.95,
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
      if (opts.table) {
        const text =
          opts.table === 'md' ? tableMarkdown(table) : opts.table === 'latex' ? tableLatex(table) : tableCsv(table);
        process.stdout.write(text.endsWith('\n') ? text : text + '\n');
      } else {
        for (const m of fits) process.stdout.write(formatRegression(m.result) + '\n');
      }
      if (files.length) process.stderr.write(`wrote ${files.map((f) => path.join(opts.out!, f)).join(', ')}\n`);
    });
}
