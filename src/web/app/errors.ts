/**
 * Engine errors as the workbench shows them. The engine's messages are English sentences with the
 * CLI's flags in the fixes; the page names its own controls instead of flags, and in Chinese gives
 * the sentence of each known error shape (the English original stays available on request).
 */
import { renderOptions } from '../../core/errors.js';
import {
  labelFace,
  MEASURE_OPTIONS,
  READ_OPTIONS,
  REGRESS_OPTIONS,
  SAMPLE_OPTIONS,
  type AnyOption,
} from '../../options/index.js';
import type { ErrorInfo } from '../worker/protocol.js';
import type { Lang } from './i18n.js';

/** The options the workbench has controls for: an error naming one names the control (its catalog label). */
const CONTROLS: readonly AnyOption[] = [...READ_OPTIONS, ...MEASURE_OPTIONS, ...REGRESS_OPTIONS, ...SAMPLE_OPTIONS];

/** The message of an error with the options it names written as the page's controls. */
function rendered(template: string | undefined, plain: string | undefined, lang: Lang): string | undefined {
  return template === undefined ? plain : renderOptions(template, labelFace(CONTROLS, lang));
}

/** CLI flags in fixes → the workbench control that does the same, en and zh. */
const FLAGS: readonly (readonly [RegExp, string, string])[] = [
  [/--sheet(?:\s+\S+)?/g, 'the Sheet choice in step 1', '第 1 步的“工作表”选项'],
  [/--skip-rows(?:\s+N)?/g, 'the Header row choice in step 1', '第 1 步的“表头所在行”选项'],
  [/--header-rows(?:\s+N)?/g, 'the Header rows choice in step 1', '第 1 步的“表头行数”选项'],
  [/--entity(?:\s+COL)?/g, 'the Entity column choice in step 1', '第 1 步的“个体列”选项'],
  [/--period(?:\s+COL)?/g, 'the Period column choice in step 1', '第 1 步的“时间列”选项'],
  [/--encoding(?:\s+\S+)?/g, 'the Encoding choice in step 1', '第 1 步的“编码”选项'],
  [/--layout(?:\s+\S+)?/g, 'the Layout choice in step 1', '第 1 步的“表格布局”选项'],
  [/--impute(?:\s+(?:linear|mean))?/g, 'the Missing values choice in step 3', '第 3 步的“缺失值处理”选项'],
  [/--normalize(?:\s+[\w-]+)?/g, 'the Normalisation choice in step 3', '第 3 步的“标准化”选项'],
  [/--weights(?:\s+[\w+-]+)?/g, 'the Weights choice in step 3', '第 3 步的“权重”选项'],
  [/--aggregate(?:\s+\w+)?/g, 'the Aggregation choice in step 3', '第 3 步的“合成方法”选项'],
  [/--framework(?:\s+\S+)?/g, 'the framework of step 2', '第 2 步的指标体系'],
  [/--group(?:\s+\S+)?/g, 'a group column of the data', '数据中的分组列'],
  [/--distance(?:\s+\S+)?/g, 'coordinates (lat, lon) of the entities', '各地区的经纬度坐标'],
];

/** The fix of an error with the workbench's controls named instead of the CLI's flags. */
export function errorHint(e: ErrorInfo, lang: Lang): string | undefined {
  const h = rendered(e.hintTemplate, e.hint, lang);
  return h === undefined ? undefined : hintText(h, lang);
}

/** A fix with the workbench's controls named instead of the CLI's flags. */
export function hintText(hint: string, lang: Lang): string {
  let out = hint;
  for (const [re, en, zh] of FLAGS) out = out.replace(re, lang === 'zh' ? zh : en);
  if (lang !== 'zh') return out;
  return (
    HINTS_ZH.reduce<string | undefined>(
      (found, [re, f]) => found ?? (re.test(out) ? f(out.match(re)!) : undefined),
      undefined,
    ) ?? '请按上面的说明修改后重试'
  );
}

const HINTS_ZH: readonly (readonly [RegExp, (m: RegExpMatchArray) => string])[] = [
  [/^keep one row per (\S+) and (\S+)/, (m) => `每个${m[1]}每个${m[2]}只保留一行`],
  [/z-scores are negative/, () => '熵值法需要非负的标准化值：请改用极差标准化，或改用 CRITIC 权重'],
  [/^name the entity column/, () => '请在第 1 步选择个体列'],
  [/^point nqpf at the table of numbers/, () => '请在第 1 步选择含数值表格的工作表或表头所在行'],
  [
    /^give a CSV, TSV, XLSX or JSON file/,
    () => '请提供 CSV、TSV、XLSX 或 JSON 文件；可在 Excel 或 WPS 中另存为 CSV 或 XLSX',
  ],
  [/^if it is an Excel workbook/, () => '如果是 Excel 工作簿，请使用 .xlsx 扩展名'],
  [/^choose a data file/, () => '请在第 1 步选择数据文件或内置数据集'],
  [/^choose or upload a framework/, () => '请在第 2 步选择或上传指标体系'],
  [/^run step 3/, () => '请先完成第 3 步（测度）'],
  [/^impute missing values/, () => '请先插补缺失值（第 3 步的“缺失值处理”选项），或从指标体系中删去数据很少的指标'],
  [/^open it in Excel or WPS/, () => '请在 Excel 或 WPS 中打开并另存为 .xlsx（或将工作表导出为 CSV）'],
  [/^use Chinese province names/, () => '请使用中国省份名称（北京、北京市、Beijing 或 110000 均可）'],
  [/^use --normalize minmax-shift/, () => '请改用“平移极差标准化”或“缩放极差标准化”，或改用加权算术平均'],
  [
    /xthreg and pdR::ptm also require balanced panels/,
    () => '请删除或插补这些个体（第 3 步的“缺失值处理”），或限定共同的年份区间',
  ],
];

const MESSAGES_ZH: readonly (readonly [RegExp, (m: RegExpMatchArray) => string])[] = [
  [
    /^duplicate entity-period: (.+) (\S+) appears twice \(rows (\d+) and (\d+)\)/,
    (m) => `个体—时期重复：${m[1]} ${m[2]} 出现两次（第 ${m[3]} 行和第 ${m[4]} 行）`,
  ],
  [
    /entropy weights need non-negative normalised values, but indicator "(.+)" has (\S+)/,
    (m) => `熵值法要求标准化值非负，但指标“${m[1]}”的取值为 ${m[2]}`,
  ],
  [/^no entity column/, () => '找不到个体列：没有名为 id、entity、province、地区、省份等的列，也没有文本列'],
  [/^no numeric column/, () => '所选表格中没有数值列'],
  [/^this file is not text/, () => '该文件不是文本文件（含二进制数据）'],
  [/^this file is a zip archive or a workbook, not text/, () => '该文件是压缩包或工作簿，不是文本文件'],
  [/^cannot read "(.+)" files/, (m) => `无法读取“${m[1]}”格式的文件`],
  [/^this is an old binary Excel workbook/, () => '这是旧版二进制 Excel 工作簿（.xls），nqpf 无法读取'],
  [/^no data yet/, () => '尚未载入数据'],
  [/^no framework yet/, () => '尚未选择指标体系'],
  [/^measure first/, () => '请先完成测度'],
  [/^only (\d+) row\(s\) have every indicator/, (m) => `只有 ${m[1]} 行包含全部指标，指数至少需要 2 行`],
  [/^unknown column "(.+)"/, (m) => `未知的列“${m[1]}”`],
  [/column "(.+)" (?:is not|was not found|not found)/, (m) => `找不到列“${m[1]}”`],
  [/^the formula has no regressors|no regressors/, () => '公式中没有解释变量：请至少选择一个解释变量'],
  [/^cancelled$/, () => '已取消'],
  [
    /^spatial panel models need a balanced panel: (\d+) entity-period/,
    (m) => `空间面板模型需要平衡面板：${m[1]} 个个体—时期缺少模型变量（可在第 3 步选择插补）`,
  ],
  [/geometric aggregation is among the choices/, () => '几何平均合成需要正的标准化值：当前标准化会使最差个体为 0'],
  [
    /needs a balanced panel.*entities with gaps: (.+?) drop or fill/,
    (m) => `门槛模型需要平衡面板，以下个体存在缺失：${m[1]}`,
  ],
  [/^the shocked variable "(.+)" is not a regressor/, (m) => `冲击变量“${m[1]}”不是公式中的解释变量`],
  [/^geometric aggregation needs positive normalised values/, () => '几何平均合成要求标准化值为正'],
];

/** True when the Chinese page has no sentence of its own for this error (the English is offered on request). */
export function untranslated(e: ErrorInfo, lang: Lang): boolean {
  return lang === 'zh' && !MESSAGES_ZH.some(([re]) => re.test(e.message));
}

/** The error's sentence in `lang` (Chinese for the known shapes; otherwise a Chinese frame). */
export function errorText(e: ErrorInfo, lang: Lang): string {
  if (lang !== 'zh') return rendered(e.template, e.message, lang) ?? e.message;
  for (const [re, f] of MESSAGES_ZH) {
    const m = e.message.match(re);
    if (m) return f(m);
  }
  return e.input ? '输入有误，无法完成计算（英文原文见“详细信息”）' : '内部错误，无法完成计算（英文原文见“详细信息”）';
}
