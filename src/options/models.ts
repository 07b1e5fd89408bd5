/**
 * Options of the model stages (regress, mediate, threshold, convergence, spatial models): formulas,
 * variance estimators (choices from the vcov registry, src/explain/vcov-registry.ts), inference
 * settings defined once (`level`, `seed`, `bootstrap`), and the subsample options (`by`,
 * `winsorize`, `dropMunicipalities`).
 */
import { parseVcov } from '../explain/vcov.js';
import { VCOV_METHODS } from '../explain/vcov-registry.js';
import { bool, choice, int, list, named, num, repeat, text, withDefault } from './option.js';

const L = (en: string, zh: string) => ({ en, zh });

/** `--formula`, repeatable: models side by side (`regress`). */
export const FORMULAS = repeat('formula', {
  arg: '<formula>',
  group: 'model',
  label: L('Formulas', '模型公式'),
  help: L(
    'fixest formula, e.g. "y ~ x1 + x2 | id + year" or "y ~ w | id | x ~ l(x, 1)"; repeat for models side by side',
    'fixest 公式，如 "y ~ x1 + x2 | id + year" 或 "y ~ w | id | x ~ l(x, 1)"；可重复给出，多个模型并列',
  ),
  example: '"y ~ x | id + year"',
});

/** `--formula`, one model (the spatial models). */
export const FORMULA = text('formula', {
  arg: '<formula>',
  group: 'model',
  label: L('Formula', '模型公式'),
  help: L(
    'y ~ x1 + x2 (fixest expressions such as log(x) allowed; fixed effects go in --fe)',
    'y ~ x1 + x2（可用 log(x) 等 fixest 表达式；固定效应由 --fe 指定）',
  ),
  example: '"y ~ x1 + x2"',
});

/** The `--vcov` values of the registry: their syntax, aliases and labels. */
const vcovChoices = () =>
  VCOV_METHODS.map((m) => ({ name: m.syntax, aliases: m.type === m.syntax ? m.aliases : [], label: m.label }));

/** `--vcov`: a variance estimator of the registry (`iid`, `hc1`, `cluster:COL[+COL2]`, `dk[:LAG]`). */
export const VCOV = choice('vcov', {
  arg: '<type>',
  group: 'inference',
  label: L('Standard errors', '标准误'),
  help: L('standard errors', '标准误类型'),
  defaultText: L(
    'cluster by the first fixed effect, iid without FE; docs/explain.md',
    '按第一个固定效应聚类，无固定效应时为 iid；见 docs/explain.md',
  ),
  choices: vcovChoices,
  open: true,
  example: 'cluster:province',
  check: (v) => {
    parseVcov(v);
    return v.trim();
  },
});

/** `--level`: the confidence level of every interval (one definition for every command). */
export const LEVEL = withDefault(
  num('level', {
    arg: '<p>',
    group: 'inference',
    label: L('Confidence level', '置信水平'),
    help: L('confidence level of the intervals', '置信区间的置信水平'),
    min: 0,
    max: 1,
    exclusive: true,
    example: '0.95',
  }),
  0.95,
);

/** `--seed`: the seed of every random step (one definition for every command). */
export const SEED = withDefault(
  int('seed', {
    arg: '<n>',
    group: 'inference',
    label: L('Random seed', '随机数种子'),
    help: L('random seed (the same seed gives the same draws)', '随机数种子（相同种子得到相同抽样）'),
    example: '7',
  }),
  1,
);

/** `--bootstrap`: bootstrap replications (each command sets its default). */
export const BOOTSTRAP = int('bootstrap', {
  arg: '<n>',
  group: 'inference',
  label: L('Bootstrap replications', 'Bootstrap 次数'),
  help: L('bootstrap replications', 'Bootstrap 重复次数'),
  example: '1000',
});

export const KEEP_SINGLETONS = bool('keepSingletons', {
  group: 'model',
  label: L('Keep singletons', '保留单例观测'),
  help: L('keep singleton observations (default: removed as reghdfe does)', '保留单例观测（默认按 reghdfe 剔除）'),
});

/** `--by`: heterogeneity, one estimate per group. */
export const BY = text('by', {
  arg: '<group>',
  group: 'sample',
  label: L('Groups', '分组'),
  help: L(
    'heterogeneity: estimate separately per entity group ("group": regions/continents) or per value of a text or numeric (e.g. 0/1) column',
    '异质性：按个体分组（"group"：地区/大洲）或文本列、数值列（如 0/1 虚拟变量）的取值分别估计',
  ),
  example: 'group',
});

export const WINSORIZE = num('winsorize', {
  arg: '<p>',
  group: 'sample',
  label: L('Winsorise at', '缩尾比例'),
  help: L(
    'robustness: winsorise the model variables at p and 1−p (Stata winsor2 quantiles), e.g. 0.01',
    '稳健性：在 p 与 1−p 分位数处对模型变量缩尾（Stata winsor2 分位数），如 0.01',
  ),
  min: 0,
  max: 0.5,
  exclusive: true,
  example: '0.01',
});

export const DROP_MUNICIPALITIES = bool('dropMunicipalities', {
  group: 'sample',
  label: L('Drop municipalities', '剔除直辖市'),
  help: L('robustness: drop Beijing, Tianjin, Shanghai and Chongqing', '稳健性：剔除北京、天津、上海、重庆'),
});

/** The subsample options of the model stages. */
export const SUBSAMPLE_OPTIONS = [BY, WINSORIZE, DROP_MUNICIPALITIES] as const;

/** `--table`: print a publication table instead of the text. */
export const TABLE = choice('table', {
  arg: '<format>',
  group: 'output',
  cliOnly: true,
  label: L('Table format', '表格格式'),
  help: L(
    'print the models side by side as a publication table (docx: a Word file, regression.docx in --out, else here)',
    '以论文表格格式并列打印模型（docx：Word 文件，写入 --out 文件夹中的 regression.docx，否则写入当前文件夹）',
  ),
  choices: named({
    md: ['Markdown', 'Markdown'],
    latex: ['LaTeX (booktabs)', 'LaTeX（booktabs）'],
    csv: ['CSV', 'CSV'],
    docx: ['Word (three-line table)', 'Word（三线表）'],
  }),
});

/** Control variables. */
export const CONTROLS = list('controls', {
  arg: '<cols>',
  group: 'model',
  label: L('Controls', '控制变量'),
  help: L('control variables, comma-separated', '控制变量，以逗号分隔'),
  example: 'urban,open',
});

/** `--digits` of the regression tables: esttab's `a#` precision (src/report/number-format.ts). */
export const TABLE_DIGITS = withDefault(
  int('digits', {
    arg: '<n>',
    group: 'output',
    label: L('Table precision', '表格精度'),
    help: L(
      "table precision, esttab's a# format: n significant decimals, a nonzero value never shows as 0.000 (1–9)",
      '表格精度，即 esttab 的 a# 格式：n 位有效小数，非零值不会显示为 0.000（1–9）',
    ),
    min: 1,
    max: 9,
    example: '4',
  }),
  3,
);

/** Comma-separated text, also with the full-width comma of a Chinese input method. */
const commaList = (t: string) => t.split(/[,，]/).map((s) => s.trim());

/** `--titles`: the column titles of a regression table. */
export const TITLES = list('titles', {
  arg: '<list>',
  group: 'output',
  label: L('Column titles', '列标题'),
  help: L(
    'column titles of the table, comma-separated, one per column (default: the --by group)',
    '表格各列标题，以逗号分隔，每列一个（默认：--by 的分组取值）',
  ),
  parse: commaList,
  example: 'Baseline,Controls',
});

/** `--diff-test`: the test of the difference between two groups' coefficients (src/explain/group-difference.ts). */
export const DIFF_TEST = choice('diffTest', {
  arg: '<test>',
  group: 'inference',
  label: L('Group difference test', '组间系数差异检验'),
  help: L(
    "with --by giving two groups: test the difference of each coefficient between them — permutation (Fisher, Lian & Liao's bdiff), suest (Stata's seemingly unrelated Wald test) or both",
    '--by 分为两组时检验各系数的组间差异：permutation（费舍尔组合检验，连玉君、廖俊平 bdiff）、suest（Stata 似无相关模型 Wald 检验）或 both',
  ),
  choices: named({
    permutation: ['Fisher permutation test (bdiff)', '费舍尔组合检验（bdiff）'],
    suest: ['Seemingly unrelated estimation Wald test (suest)', '似无相关模型检验（suest）'],
    both: ['Both', '两者'],
  }),
});

/** `--permutations` of the group difference test. */
export const DIFF_PERMUTATIONS = withDefault(
  int('permutations', {
    arg: '<n>',
    group: 'inference',
    label: L('Permutations', '置换次数'),
    help: L('draws of the permutation test', '置换检验的抽样次数'),
    min: 1,
    example: '1000',
  }),
  1000,
);

/** `--diff-terms`: which terms the table's note reports. */
export const DIFF_TERMS = list('diffTerms', {
  arg: '<list>',
  group: 'inference',
  label: L('Terms of the difference test', '差异检验报告的变量'),
  help: L(
    "terms whose group difference the table's note reports (default: the first regressor; --json has all)",
    '表注中报告组间差异的变量（默认：第一个解释变量；--json 输出全部）',
  ),
  parse: commaList,
  example: 'rd',
});

/** The table and group-difference options of `regress`. */
export const REGRESS_TABLE_OPTIONS = [TABLE_DIGITS, TITLES, DIFF_TEST, DIFF_PERMUTATIONS, SEED, DIFF_TERMS] as const;
