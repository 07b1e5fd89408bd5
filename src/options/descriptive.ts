/**
 * Options of the descriptive stages: `describe` (the descriptive-statistics table) and `correlate`
 * (the correlation matrix), docs/describe-correlate.md.
 */
import { KEEP_SINGLETONS, SUBSAMPLE_OPTIONS, TABLE, TABLE_DIGITS } from './models.js';
import { IMPUTE } from './measure.js';
import { bool, choice, list, named, text, use, withDefault } from './option.js';

const L = (en: string, zh: string) => ({ en, zh });

/** `--vars`: the variables of the table. */
export const VARS = list('vars', {
  arg: '<cols>',
  group: 'model',
  label: L('Variables', '变量'),
  help: L('variables, comma-separated', '变量，以逗号分隔'),
  defaultText: L('every numeric column', '所有数值列'),
  example: 'gdp,rd,patents',
});

/** `--sample-of`: describe exactly a model's estimation sample. */
export const SAMPLE_OF = text('sampleOf', {
  arg: '<formula>',
  group: 'sample',
  label: L('Estimation sample of', '模型估计样本'),
  help: L(
    'describe exactly the estimation sample of this regress formula (after missing values and singletons); without --vars, its variables',
    '只描述该回归公式的估计样本（剔除缺失值与单例观测之后）；未给 --vars 时描述公式中的变量',
  ),
  example: '"y ~ x | id + year"',
});

/** `--method`: Pearson or Spearman correlations. */
export const CORRELATION_METHOD = withDefault(
  choice('method', {
    arg: '<m>',
    group: 'model',
    label: L('Correlation', '相关系数'),
    help: L('Pearson, or Spearman rank correlations', 'Pearson 相关系数或 Spearman 秩相关系数'),
    choices: named({ pearson: ['Pearson', 'Pearson'], spearman: ['Spearman (ranks)', 'Spearman（秩）'] }),
  }),
  'pearson',
);

/** `--vif`: variance inflation factors beside the correlations. */
export const VIF = bool('vif', {
  group: 'model',
  label: L('VIF', '方差膨胀因子'),
  help: L(
    'add the variance inflation factors (rows where all variables are present)',
    '增加方差膨胀因子 VIF（所有变量均非缺失的样本）',
  ),
});

/** `--digits` of describe and correlate: the regression tables' option, as fixed decimals. */
export const STAT_DIGITS = use(TABLE_DIGITS, {
  label: L('Decimals', '小数位数'),
  help: L('decimals in the table (1–9)', '表中的小数位数（1–9）'),
  example: '3',
});

/** `--table` of describe and correlate (docx: `<command>.docx`). */
export const STAT_TABLE = use(TABLE, {
  help: L(
    'print the table as a publication table: md, latex, csv, or docx (a Word file with three-line tables: <command>.docx in --out, else here)',
    '以论文表格格式打印：md、latex、csv，或 docx（Word 三线表：写入 --out 文件夹中的 <命令>.docx，否则写入当前文件夹）',
  ),
});

/** The options of `describe` as a stage (library, project file). */
export const DESCRIBE_OPTIONS = [VARS, IMPUTE, SAMPLE_OF, KEEP_SINGLETONS, ...SUBSAMPLE_OPTIONS] as const;

/** The options of `correlate` as a stage (library, project file). */
export const CORRELATE_OPTIONS = [VARS, CORRELATION_METHOD, VIF, IMPUTE, ...SUBSAMPLE_OPTIONS] as const;
