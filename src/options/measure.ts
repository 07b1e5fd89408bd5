/**
 * The framework and measurement options (`nqpf measure`, `sensitivity`, the measure step of
 * `couple` and `obstacle`, the project file's `measure` entry). The method choices are the records
 * of the measure registry (src/measure/registry.ts).
 */
import type { ImputeMethod } from '../data/impute.js';
import type { MeasureOptions } from '../measure/options.js';
import { weightParts } from '../measure/options.js';
import { AGGREGATIONS, NORMALIZATIONS, WEIGHTINGS } from '../measure/registry.js';
import { InputError } from '../core/errors.js';
import {
  bool,
  choice,
  int,
  named,
  num,
  numbers,
  text,
  use,
  withDefault,
  type Choice,
  type OptionDef,
} from './option.js';

const L = (en: string, zh: string) => ({ en, zh });

export const FRAMEWORK = text('framework', {
  arg: '<file|builtin>',
  group: 'framework',
  label: L('Framework', '指标体系'),
  help: L(
    'indicator framework: a YAML/JSON file (a tree, or a flat list of indicators), or a built-in (seed, pwt; see "nqpf frameworks")',
    '指标体系：YAML/JSON 文件（树形或指标清单），或内置体系（seed、pwt；见 "nqpf frameworks"）',
  ),
  example: 'seed',
});

export const INDICATORS = text('indicators', {
  arg: '<list>',
  group: 'framework',
  label: L('Indicators', '指标'),
  help: L(
    'instead of --framework: columns of one index, "-" before a cost indicator (rd,patents,-energy)',
    '代替指标体系：一个指数的指标列，负向指标前加 "-"（rd,patents,-energy）',
  ),
  example: 'rd,patents,-energy',
});

export const WEIGHTS = withDefault(
  choice('weights', {
    arg: '<method>',
    group: 'measure',
    label: L('Weights', '权重'),
    help: L(
      'weights within each system, or two joined by "+" (their mean)',
      '各系统内指标的赋权方法，或以 "+" 连接两种（取平均）',
    ),
    choices: () => WEIGHTINGS as readonly Choice<MeasureOptions['weights']>[],
    open: true,
    example: 'entropy+critic',
    check: (v) => weightParts(v).join('+') as MeasureOptions['weights'],
  }),
  'entropy',
);

export const NORMALIZE = choice('normalize', {
  arg: '<method>',
  group: 'measure',
  label: L('Normalisation', '标准化方法'),
  help: L('normalisation (direction applied)', '标准化方法（按指标方向）'),
  defaultText: L(
    'minmax, or minmax-shift with --aggregate geometric (its logarithms need positive values)',
    'minmax；几何加总时为 minmax-shift（对数需要正值）',
  ),
  choices: () => NORMALIZATIONS,
});

export const SHIFT = withDefault(
  num('shift', {
    arg: '<x>',
    group: 'measure',
    label: L('Shift', '平移量'),
    help: L('additive shift of --normalize minmax-shift', 'minmax-shift 标准化的平移量'),
    min: 0,
    exclusive: true,
    example: '0.0001',
  }),
  0.0001,
);

export const RANGE = withDefault(
  numbers('range', {
    arg: '<a,b>',
    group: 'measure',
    label: L('Target interval', '目标区间'),
    help: L('target interval of --normalize minmax-range', 'minmax-range 标准化的目标区间'),
    count: 2,
    example: '0.01,0.99',
    check: (v) => {
      if (!(v[0] < v[1]))
        throw new InputError(`{{range}} must be two numbers a < b (got ${v[0]}, ${v[1]})`, {
          hint: 'e.g. {{range=0.01,0.99}}',
        });
      return v;
    },
  }),
  [0.01, 0.99],
) as unknown as OptionDef<'range', readonly [number, number], true>;

export const PER_PERIOD = withDefault(
  bool('perPeriod', {
    group: 'measure',
    label: L('Per period', '逐期计算'),
    help: L(
      'normalise and compute entropy within each period (default: pooled over the panel, so periods compare)',
      '在每个时期内标准化并计算熵值（默认：全样本合并，不同时期可比）',
    ),
  }),
  false,
);

export const AGGREGATE = withDefault(
  choice('aggregate', {
    arg: '<method>',
    group: 'measure',
    label: L('Aggregation', '加总方法'),
    help: L('aggregation up the tree', '自下而上的加总方法'),
    choices: () => AGGREGATIONS,
  }),
  'arithmetic',
);

const IMPUTE_BASE = choice('impute', {
  arg: '<method>',
  group: 'missing',
  label: L('Missing values', '缺失值处理'),
  help: L(
    'missing values of the variables used: linear (within entity), mean (group mean in the period), drop rows, none',
    '所用变量的缺失值：linear（个体内线性插值）、mean（同期组均值）、drop（删除行）、none（不处理）',
  ),
  choices: named<ImputeMethod>({
    linear: ['linear interpolation within entity', '个体内线性插值'],
    mean: ['group mean in the period', '同期组均值'],
    drop: ['drop rows', '删除行'],
    none: ['none', '不处理'],
  }),
});

/** `--impute` with default `none` (measure, the models). */
export const IMPUTE = withDefault(IMPUTE_BASE, 'none');

/** `--impute` of the measure step of `couple` and `obstacle`: default `linear` (every system must be scored). */
export const IMPUTE_LINEAR = withDefault(
  use(IMPUTE_BASE, {
    help: L(
      'missing indicator values: linear (within entity), mean (group mean in the period), drop rows, none; interpolated by default, as coupling and obstacle degrees need every system scored',
      '指标缺失值：linear（个体内线性插值）、mean、drop、none；默认插值，因为耦合度与障碍度需要每个系统都有得分',
    ),
  }),
  'linear',
);

/** The method options of a measurement ({@link resolveMeasureOptions} checks them). */
export const MEASURE_METHOD_OPTIONS = [WEIGHTS, NORMALIZE, SHIFT, RANGE, PER_PERIOD, AGGREGATE] as const;

/** The measurement options of `nqpf measure` (the project file's `measure` entry): the methods and `impute`. */
export const MEASURE_OPTIONS = [...MEASURE_METHOD_OPTIONS, IMPUTE] as const;

/** The framework options: a framework, or a list of indicators. */
export const FRAMEWORK_OPTIONS = [FRAMEWORK, INDICATORS] as const;

/** `nqpf measure --robustness`. */
export const ROBUSTNESS_SECTION = bool('robustness', {
  group: 'output',
  cliOnly: true,
  label: L('Robustness section', '稳健性章节'),
  help: L(
    'add the Robustness section to the --out report (nqpf sensitivity with weights entropy/equal/critic, ±25% weight perturbation, one indicator left out; 500 base runs)',
    '在 --out 报告中加入稳健性章节（nqpf sensitivity：权重 entropy/equal/critic、权重 ±25% 扰动、逐一剔除指标；500 次基础运行）',
  ),
});

/** `nqpf measure --append FILE`: the user's data with the index columns (src/io/append-file.ts). */
export const APPEND = text('append', {
  arg: '<file>',
  group: 'output',
  cliOnly: true,
  label: L('Data with the index', '附加指数的数据文件'),
  help: L(
    "write the data with the index added as columns <system>_index (.csv, UTF-8 with BOM, or .xlsx): the file's own rows and columns, in its order; never the input file",
    '将指数作为 <system>_index 列附加到数据后写出（.csv，带 BOM 的 UTF-8；或 .xlsx）：保留原文件的行、列及顺序；不覆盖输入文件',
  ),
  example: 'data-with-index.csv',
});

/** `nqpf measure --dimensions` (with `--append`). */
export const APPEND_DIMENSIONS = bool('dimensions', {
  group: 'output',
  cliOnly: true,
  label: L('Append the dimensions', '附加维度得分'),
  help: L(
    'with --append: also the dimension scores, as columns <system>_<dimension>',
    '与 --append 同用：同时附加各维度得分（<system>_<dimension> 列）',
  ),
});

/** `nqpf measure --digits`. */
export const SCORE_DIGITS = withDefault(
  int('digits', {
    arg: '<n>',
    group: 'output',
    cliOnly: true,
    label: L('Significant digits', '有效数字'),
    help: L(
      'significant digits of the scores in the CSV files written with --out (0 = all; the XLSX keeps full precision)',
      '--out 所写 CSV 中得分的有效数字位数（0 = 全部；XLSX 保留全精度）',
    ),
  }),
  6,
);

/** The measure step of `couple` and `obstacle`: framework, weights and normalisation with their defaults there. */
export const MEASURE_STEP_OPTIONS = [
  use(FRAMEWORK, {
    help: L(
      'indicator framework to measure first (default for built-in data: seed for china-sim, pwt for world-pwt)',
      '先测度所用的指标体系（内置数据默认：china-sim 用 seed，world-pwt 用 pwt）',
    ),
  }),
  use(WEIGHTS, {
    help: L('weights of the measure step (entropy, critic, cv, equal, fixed, or a+b)', '测度步骤的赋权方法'),
  }),
  withDefault(
    use(NORMALIZE, { help: L('normalisation of the measure step', '测度步骤的标准化方法'), defaultText: undefined }),
    'minmax',
  ),
  IMPUTE_LINEAR,
] as const;
