import type { Command } from 'commander';
import { describeJson, runDescribe } from '../../api/describe.js';
import { describeTable } from '../../report/descriptive-tables.js';
import { sourceNote, type PaperTable } from '../../report/paper-table.js';
import { loadData, reportLang } from '../common.js';
import { DESCRIBE_COMMAND } from '../../options/commands.js';
import { addOptions, cliValues } from '../options.js';
import { finishTableCommand } from '../table-files.js';

/** `nqpf describe`: the descriptive-statistics table (N, mean, SD, min, quartiles, max). */
export function registerDescribe(program: Command): void {
  addOptions(program.command('describe'), DESCRIBE_COMMAND)
    .addHelpText(
      'after',
      `
Examples:
  nqpf describe --data china-sim --vars labor_productivity,rd_intensity,openness
  nqpf describe --data china-sim --vars rd_intensity,openness --by group --table md
  nqpf describe --data china-sim --sample-of "labor_productivity ~ rd_intensity + openness | province + year" --winsorize 0.01 --table docx --out tables

Statistics: N, mean, sample SD (n − 1), min, P25, median, P75 (R's quantile type 7), max; missing
values are skipped per variable. Variable labels of Stata/SPSS files are printed beside the names.
--out DIR writes describe.csv, describe.xlsx, tables.docx (three-line table) and index.html.
--json prints {"variables":[{"name","label","n","mean","sd","min","p25","median","p75","max"}],"nobs","notes"}
(with --by: {"by","groups":[{"group","variables",...}]}). docs/describe-correlate.md.`,
    )
    .action(async (given: Record<string, unknown>) => {
      const opts = cliValues(DESCRIBE_COMMAND, given);
      const panel = await loadData(opts);
      const lang = reportLang(opts);
      const run = runDescribe(panel, {
        vars: opts.vars,
        sampleOf: opts.sampleOf,
        keepSingletons: opts.keepSingletons,
        impute: opts.impute,
        by: opts.by,
        winsorize: opts.winsorize,
        dropMunicipalities: opts.dropMunicipalities,
      });
      const source = sourceNote(panel.meta, lang);
      const tables: PaperTable[] = run.results.map((r) =>
        describeTable(r.result.variables, {
          lang,
          digits: opts.digits,
          title:
            (lang === 'zh' ? '描述性统计' : 'Descriptive statistics') +
            (run.by ? (lang === 'zh' ? `（${run.by} = ${r.group}）` : ` (${run.by} = ${r.group})`) : ''),
          notes: [
            ...(opts.sampleOf
              ? [
                  lang === 'zh'
                    ? `样本：模型 ${opts.sampleOf} 的估计样本。`
                    : `Sample: the estimation sample of ${opts.sampleOf}.`,
                ]
              : []),
            ...(source ? [source] : []),
          ],
        }),
      );
      const g = (group: string) => (run.by ? [group] : []);
      await finishTableCommand({
        command: 'describe',
        opts,
        panel,
        lang,
        tables,
        source,
        notes: run.results.flatMap((r) => r.result.notes),
        title: { en: 'Descriptive statistics', zh: '描述性统计' },
        csv: {
          describe: [
            [
              ...(run.by ? ['group'] : []),
              'variable',
              'label',
              'n',
              'mean',
              'sd',
              'min',
              'p25',
              'median',
              'p75',
              'max',
            ],
            ...run.results.flatMap((r) =>
              r.result.variables.map((v) => [
                ...g(r.group),
                v.name,
                v.label,
                v.n,
                v.mean,
                v.sd,
                v.min,
                v.p25,
                v.median,
                v.p75,
                v.max,
              ]),
            ),
          ],
        },
        json: () => describeJson(run),
      });
    });
}
