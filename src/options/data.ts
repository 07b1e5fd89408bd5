/**
 * The options every data-reading command shares: where the data comes from and how it is read
 * (`data`, `entity`, `period`, …), the sample filter (`where`, `years`), and the outputs of the
 * command line (`json`, `out`, `lang`).
 */
import { parseWhere } from '../data/where.js';
import { parseYearsSpec, type YearsSpec } from '../data/sample-filter.js';
import { bool, choice, int, named, required, text, withDefault, type OptionDef } from './option.js';

const L = (en: string, zh: string) => ({ en, zh });

/** `--data`: a file or a built-in dataset. */
export const DATA = required(
  text('data', {
    arg: '<file|builtin>',
    group: 'data',
    label: L('Data', '数据'),
    help: L(
      'panel data: a CSV/XLSX/JSON file (or an .xls web export), a Stata .dta or SPSS .sav file, or a built-in dataset (world-pwt, china-sim)',
      '面板数据：CSV/XLSX/JSON 文件（或网页导出的 .xls）、Stata .dta 或 SPSS .sav 文件，或内置数据集（world-pwt、china-sim）',
    ),
    example: 'china-sim',
  }),
);

export const ENTITY = text('entity', {
  arg: '<col>',
  group: 'data',
  label: L('Entity column', '个体列'),
  help: L('entity column', '个体（地区、企业）所在的列'),
  defaultText: L('detected', '自动识别'),
  example: 'province',
});

export const PERIOD = text('period', {
  arg: '<col>',
  group: 'data',
  label: L('Period column', '时期列'),
  help: L('period column', '时期（年份）所在的列'),
  defaultText: L('detected', '自动识别'),
  example: 'year',
});

export const ENCODING = text('encoding', {
  arg: '<enc>',
  group: 'data',
  label: L('Encoding', '文件编码'),
  help: L(
    'text encoding of a CSV (or of an old Stata/SPSS file): utf-8 or gb18030/gbk',
    'CSV（或旧版 Stata/SPSS 文件）的文本编码：utf-8 或 gb18030/gbk',
  ),
  defaultText: L('detected', '自动识别'),
  example: 'gb18030',
});

export const SHEET = text('sheet', {
  arg: '<name>',
  group: 'data',
  label: L('Sheet', '工作表'),
  help: L('XLSX sheet', 'XLSX 工作表'),
  defaultText: L('the first', '第一个'),
});

export const LAYOUT = withDefault(
  choice('layout', {
    arg: '<layout>',
    group: 'data',
    label: L('Layout', '数据布局'),
    help: L('data layout', '数据布局：长格式（每行一个个体-时期）或宽格式（每年一列）'),
    choices: named({
      long: ['long', '长格式'],
      wide: ['wide (one column per year)', '宽格式（每年一列）'],
      auto: ['detected', '自动识别'],
    }),
  }),
  'auto',
);

export const SKIP_ROWS = int('skipRows', {
  arg: '<n>',
  group: 'data',
  label: L('Rows to skip', '跳过的行数'),
  help: L('rows above the header to skip', '表头之上需要跳过的行数'),
  defaultText: L('found: titles, notes, NBS lines', '自动查找：标题、注释、统计局说明行'),
});

export const HEADER_ROWS = int('headerRows', {
  arg: '<n>',
  group: 'data',
  label: L('Header rows', '表头行数'),
  help: L('header rows, combined into column names', '表头行数（多行合并为列名）'),
  defaultText: L('found', '自动查找'),
});

export const FREQUENCY = withDefault(
  choice('frequency', {
    arg: '<f>',
    group: 'data',
    label: L('Frequency', '数据频率'),
    help: L('periods: year, quarter or month', '时期：年、季度或月'),
    defaultText: L('detected, else year', '自动识别，否则为年'),
    choices: named({
      year: ['year', '年'],
      quarter: ['quarter', '季度'],
      month: ['month', '月'],
      auto: ['detected', '自动识别'],
    }),
  }),
  'auto',
);

export const SCORES_SYSTEM = text('system', {
  arg: '<id>',
  group: 'data',
  label: L('System of a scores file', '得分文件的系统'),
  help: L(
    "with nqpf's scores.csv (one row per entity, period and system): keep this system's rows",
    '读取 nqpf 的 scores.csv（每个个体、时期、系统一行）时：只保留该系统的行',
  ),
});

/** `--codes`: Stata/SPSS value labels (src/data/labelled.ts). */
export const CODES = bool('codes', {
  group: 'data',
  label: L('Keep value codes', '保留取值代码'),
  help: L(
    'Stata/SPSS files: keep the numeric codes of labelled variables (default: their value labels)',
    'Stata/SPSS 文件：带值标签的变量保留数值代码（默认读取值标签文本）',
  ),
});

/** How the data is read (the project file's `data` entry holds these too). */
export const READ_OPTIONS = [
  DATA,
  ENTITY,
  PERIOD,
  ENCODING,
  SHEET,
  LAYOUT,
  SKIP_ROWS,
  HEADER_ROWS,
  FREQUENCY,
  CODES,
] as const;

/** `--where`: a condition on the columns (src/data/where.ts). */
export const WHERE = text('where', {
  arg: '<expr>',
  group: 'sample',
  label: L('Sample condition', '样本条件'),
  help: L(
    "keep only the rows where this condition holds, e.g. \"gdp > 1000 and region in ('East', 'Central')\" (comparisons, and/or/not, in, + - * /, missing(x); docs/options.md)",
    "只保留满足条件的行，如 \"gdp > 1000 and region in ('East', 'Central')\"（比较、and/or/not、in、四则运算、missing(x)；见 docs/options.md）",
  ),
  example: '"gdp > 1000"',
  check: (v) => {
    parseWhere(v);
    return v.trim();
  },
});

/** `--years`: the years to keep (src/data/sample-filter.ts). */
export const YEARS: OptionDef<'years', YearsSpec, false> = {
  key: 'years',
  kind: 'value',
  arg: '<a:b|list>',
  group: 'sample',
  label: L('Years', '年份'),
  help: L(
    'keep only these years: a range 2012:2023 (or 2012-2023; 2015: and :2015 open at one end) or a list 2012,2015',
    '只保留这些年份：区间 2012:2023（或 2012-2023；2015: 与 :2015 表示单侧开放）或列表 2012,2015',
  ),
  example: '2012:2023',
  parse: (t) => parseYearsSpec(t),
  check: (v) => parseYearsSpec(v),
  schema: {
    oneOf: [
      { type: 'string', description: 'a range 2012:2023, 2012-2023, 2015: or :2015, or a list 2012,2015' },
      { type: 'array', items: { type: 'integer' }, minItems: 1 },
      {
        type: 'object',
        properties: { from: { type: 'integer' }, to: { type: 'integer' } },
        additionalProperties: false,
        minProperties: 1,
      },
    ],
  },
};

/** The sample filter every command applies before it runs. */
export const SAMPLE_OPTIONS = [WHERE, YEARS] as const;

export const JSON_OUTPUT = bool('json', {
  group: 'output',
  cliOnly: true,
  label: L('JSON', 'JSON'),
  help: L('print one JSON object on stdout and nothing else', '在标准输出打印一个 JSON 对象，不输出其他内容'),
});

export const OUT = text('out', {
  arg: '<dir>',
  group: 'output',
  cliOnly: true,
  label: L('Output folder', '输出文件夹'),
  help: L(
    'write results to this folder: CSV and XLSX tables, charts (SVG, PNG) and an HTML report (index.html)',
    '把结果写入该文件夹：CSV 与 XLSX 表格、图表（SVG、PNG）和 HTML 报告（index.html）',
  ),
});

export const LANG = choice('lang', {
  arg: '<lang>',
  group: 'output',
  cliOnly: true,
  label: L('Language', '语言'),
  help: L('language of the report written with --out, and of messages', '--out 所写报告及提示信息的语言'),
  defaultText: L('NQPF_LANG, else en', '环境变量 NQPF_LANG，否则 en'),
  choices: named({ en: ['English', '英文'], zh: ['Chinese', '中文'] }),
});

/** `--json`, `--out`, `--lang`. */
export const OUTPUT_OPTIONS = [JSON_OUTPUT, OUT, LANG] as const;

/**
 * The shared options of a data-reading command, in `--help` order: reading, `system` (a scores
 * file's system) where the command takes it, and the sample filter. Commands end their list with
 * {@link OUTPUT_OPTIONS}.
 */
export function dataOptions<const S extends boolean = true>(
  settings: { scoresSystem?: S } = {},
): S extends false
  ? readonly [...typeof READ_OPTIONS, ...typeof SAMPLE_OPTIONS]
  : readonly [...typeof READ_OPTIONS, typeof SCORES_SYSTEM, ...typeof SAMPLE_OPTIONS] {
  const withSystem = settings.scoresSystem !== false;
  return [...READ_OPTIONS, ...(withSystem ? [SCORES_SYSTEM] : []), ...SAMPLE_OPTIONS] as never;
}
