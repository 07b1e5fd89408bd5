import type { Command } from 'commander';
import { correlateJson, runCorrelate } from '../../api/correlate.js';
import { correlationTable } from '../../report/descriptive-tables.js';
import { sourceNote, type PaperTable } from '../../report/paper-table.js';
import { loadData, reportLang } from '../common.js';
import { CORRELATE_COMMAND } from '../../options/commands.js';
import { addOptions, cliValues } from '../options.js';
import { finishTableCommand } from '../table-files.js';

/** `nqpf correlate`: the correlation matrix with stars (and VIFs). */
export function registerCorrelate(program: Command): void {
  addOptions(program.command('correlate'), CORRELATE_COMMAND)
    .addHelpText(
      'after',
      `
Examples:
  nqpf correlate --data china-sim --vars labor_productivity,rd_intensity,openness --vif
  nqpf correlate --data examples/panel.csv --vars nqpf,innov,layout,talent --method spearman --table md
  nqpf correlate --data china-sim --vars labor_productivity,rd_intensity,openness --table docx --out tables

Pairwise complete observations; p-values from the t distribution with n − 2 df (R's cor.test; for
Spearman, cor.test with exact = FALSE, as Stata's spearman). The table prints the lower triangle with
the stars of the regression tables (* p<0.1, ** p<0.05, *** p<0.01).
--out DIR writes correlate-r.csv, correlate-p.csv, correlate-n.csv, correlate.xlsx, tables.docx and index.html.
--json prints {"method","variables","labels","r":[[...]],"p":[[...]],"n":[[...]],"vif"?,"notes"} with full
matrices (p is null on the diagonal); with --by: {"by","groups":[{"group",...}]}. docs/describe-correlate.md.`,
    )
    .action(async (given: Record<string, unknown>) => {
      const opts = cliValues(CORRELATE_COMMAND, given);
      const panel = await loadData(opts);
      const lang = reportLang(opts);
      const run = runCorrelate(panel, {
        vars: opts.vars,
        method: opts.method,
        vif: opts.vif,
        impute: opts.impute,
        by: opts.by,
        winsorize: opts.winsorize,
        dropMunicipalities: opts.dropMunicipalities,
      });
      const source = sourceNote(panel.meta, lang);
      const title = lang === 'zh' ? '相关系数矩阵' : 'Correlation matrix';
      const tables: PaperTable[] = run.results.map((r) =>
        correlationTable(
          { ...r.result, vif: r.result.vif?.values },
          {
            lang,
            digits: opts.digits,
            title: title + (run.by ? (lang === 'zh' ? `（${run.by} = ${r.group}）` : ` (${run.by} = ${r.group})`) : ''),
            notes: source ? [source] : [],
          },
        ),
      );
      const matrix = (key: 'r' | 'p' | 'n') => [
        [...(run.by ? ['group'] : []), 'variable', ...run.vars],
        ...run.results.flatMap((r) =>
          r.result.variables.map((v, i) => [...(run.by ? [r.group] : []), v, ...r.result[key][i]]),
        ),
      ];
      await finishTableCommand({
        command: 'correlate',
        opts,
        panel,
        lang,
        tables,
        source,
        notes: run.results.flatMap((r) => r.result.notes),
        title: { en: 'Correlation matrix', zh: '相关系数矩阵' },
        csv: { 'correlate-r': matrix('r'), 'correlate-p': matrix('p'), 'correlate-n': matrix('n') },
        json: () => correlateJson(run),
      });
    });
}
