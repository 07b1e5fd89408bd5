/** The workbench's own words in English and Chinese (engine results carry codes and labels). */
export type Lang = 'en' | 'zh';

const STRINGS = {
  appTitle: { en: 'nqpf workbench', zh: 'nqpf 工作台' },
  tagline: { en: 'New Quality Productive Forces, measured in your browser', zh: '新质生产力测度，全程在浏览器中完成' },
  privacy: {
    en: 'Private by design: all computation runs in this browser tab (in a Web Worker). Your files are never uploaded; the page makes no request outside its own origin — no CDN, no web fonts, no telemetry.',
    zh: '隐私优先：所有计算都在本浏览器标签页（Web Worker）中完成。您的文件不会上传；页面不向本站以外发送任何请求——无 CDN、无网络字体、无统计追踪。',
  },
  stepData: { en: '1 Data', zh: '1 数据' },
  stepFramework: { en: '2 Framework', zh: '2 指标体系' },
  stepMeasure: { en: '3 Measure', zh: '3 测度' },
  stepAnalyse: { en: '4 Analyse', zh: '4 分析' },
  stepExport: { en: '5 Export', zh: '5 导出' },
  langToggle: { en: '中文', zh: 'English' },
  dataFile: {
    en: 'Data file (CSV in UTF-8 or GBK, XLSX, JSON, Stata .dta, SPSS .sav)',
    zh: '数据文件（CSV：UTF-8 或 GBK；XLSX；JSON；Stata .dta；SPSS .sav）',
  },
  sheet: { en: 'Sheet', zh: '工作表' },
  dataHelp: {
    en: 'Long layout (entity, year, indicators…) or the wide yearbook layout (one column per year).',
    zh: '长表（地区、年份、指标…）或年鉴宽表（每年一列）。',
  },
  orBuiltin: { en: 'or a built-in dataset', zh: '或内置数据集' },
  builtinPwt: { en: 'world-pwt — Penn World Table 9.1 (real data)', zh: 'world-pwt — 佩恩表 9.1（真实数据）' },
  builtinSim: { en: 'china-sim — 31 provinces (SIMULATED data)', zh: 'china-sim — 31 个省份（模拟数据）' },
  load: { en: 'Load', zh: '载入' },
  simulated: { en: 'SIMULATED data: not official statistics', zh: '模拟数据：并非官方统计' },
  realData: { en: 'Real data', zh: '真实数据' },
  entityCol: { en: 'Entity column', zh: '地区（个体）列' },
  periodCol: { en: 'Period column', zh: '时间列' },
  reread: { en: 'Read again with these columns', zh: '按所选列重新读取' },
  preview: { en: 'Preview (first rows as read)', zh: '预览（读取的前若干行）' },
  coverage: { en: 'Coverage of numeric columns (data dormancy)', zh: '数值列覆盖率（数据休眠）' },
  column: { en: 'Column', zh: '列' },
  observed: { en: 'Observed', zh: '有值比例' },
  missing: { en: 'Missing', zh: '缺失' },
  impute: { en: 'Missing indicator values', zh: '指标缺失值处理' },
  imputeNone: { en: 'leave out rows with a missing indicator (none)', zh: '剔除含缺失的行（none）' },
  imputeLinear: { en: 'interpolate within each entity (linear)', zh: '个体内线性插值（linear）' },
  imputeMean: { en: 'group mean in the period (mean)', zh: '同期组均值（mean）' },
  imputeDrop: { en: 'drop rows (drop)', zh: '删除行（drop）' },
  summary: {
    en: '{rows} rows: {entities} entities × {periods} periods ({first}–{last})',
    zh: '{rows} 行：{entities} 个个体 × {periods} 期（{first}–{last}）',
  },
  errorAt: { en: 'Cannot read', zh: '无法读取' },
  fix: { en: 'Fix', zh: '修改建议' },
  row: { en: 'row', zh: '第 {n} 行' },
  notes: { en: 'Notes', zh: '说明' },
  frameworkFile: { en: 'Framework file (YAML or JSON)', zh: '指标体系文件（YAML 或 JSON）' },
  builtinFramework: { en: 'or a built-in framework', zh: '或内置指标体系' },
  editor: { en: 'Framework tree (edit, then apply)', zh: '指标体系树（编辑后应用）' },
  apply: { en: 'Apply changes', zh: '应用修改' },
  addSystem: { en: '+ system', zh: '+ 系统' },
  newFramework: { en: "New framework from the data's columns", zh: '由数据列新建指标体系' },
  addDimension: { en: '+ dimension', zh: '+ 维度' },
  addIndicator: { en: '+ indicator', zh: '+ 指标' },
  remove: { en: 'remove', zh: '删除' },
  downloadYaml: { en: 'Download framework YAML', zh: '下载指标体系 YAML' },
  weights: { en: 'Weights', zh: '赋权方法' },
  normalize: { en: 'Normalisation', zh: '标准化' },
  perPeriod: { en: 'per period', zh: '逐期' },
  aggregate: { en: 'Aggregation', zh: '合成方法' },
  runMeasure: { en: 'Run measurement', zh: '开始测度' },
  running: { en: 'Computing…', zh: '计算中…' },
  cancel: { en: 'Cancel', zh: '取消' },
  cancelled: { en: 'Cancelled.', zh: '已取消。' },
  system: { en: 'System', zh: '系统' },
  period: { en: 'Period', zh: '时期' },
  search: { en: 'Search', zh: '搜索' },
  rank: { en: 'Rank', zh: '排名' },
  entity: { en: 'Entity', zh: '个体' },
  index: { en: 'Index', zh: '指数' },
  ranking: { en: 'Ranking', zh: '排名' },
  weightsTable: { en: 'Indicator weights', zh: '指标权重' },
  tree: { en: 'Framework tree with weights', zh: '指标体系树及权重' },
  overTime: { en: 'Index over time', zh: '指数时间变化' },
  entitiesShown: { en: 'Entities (comma-separated)', zh: '个体（逗号分隔）' },
  radar: { en: 'Dimension profiles (top 3 and bottom 3)', zh: '维度得分雷达图（前 3 名与后 3 名）' },
  map: { en: 'Map', zh: '地图' },
  noMap: {
    en: 'No map: the entities are neither ISO3 country codes nor Chinese provinces.',
    zh: '无法绘制地图：个体既不是 ISO3 国家代码，也不是中国省份。',
  },
  equivalent: { en: 'Same result from the command line', zh: '等价的命令行' },
  couple: { en: 'Coupling coordination', zh: '耦合协调度' },
  disparity: { en: 'Disparity (Dagum Gini)', zh: '区域差异（Dagum 基尼系数）' },
  density: { en: 'Distribution dynamics (kernel density)', zh: '分布动态（核密度）' },
  moran: { en: "Moran's I and LISA", zh: 'Moran 指数与 LISA' },
  diagnose: { en: 'Diagnosis: the three problems', zh: '问题诊断：三大问题' },
  run: { en: 'Run', zh: '运行' },
  method: { en: 'Method', zh: '方法' },
  systems: { en: 'Systems', zh: '系统' },
  needTwoSystems: { en: 'Coupling needs at least two systems or dimensions.', zh: '耦合协调至少需要两个系统或维度。' },
  exportXlsx: { en: 'Results as XLSX', zh: '结果 XLSX' },
  exportScoresCsv: { en: 'scores.csv', zh: 'scores.csv（得分）' },
  exportWeightsCsv: { en: 'weights.csv', zh: 'weights.csv（权重）' },
  exportReport: { en: 'Full HTML report', zh: '完整 HTML 报告' },
  exportProject: { en: 'Project file (JSON)', zh: '项目文件（JSON）' },
  openProject: { en: 'Open a project file', zh: '打开项目文件' },
  projectNeedsFile: {
    en: 'This project reads "{file}": choose that file in step 1.',
    zh: '该项目读取“{file}”：请在第 1 步选择该文件。',
  },
  runProject: { en: 'Replay it from the command line:', zh: '在命令行中复现：' },
  measureFirst: { en: 'Run the measurement in step 3 first.', zh: '请先在第 3 步完成测度。' },
  download: { en: 'Download', zh: '下载' },
  gini: { en: 'Overall Gini', zh: '总体基尼系数' },
  within: { en: 'within', zh: '组内' },
  between: { en: 'between', zh: '组间' },
  trans: { en: 'transvariation', zh: '超变密度' },
  level: { en: 'Coordination level', zh: '协调等级' },
  permutations: { en: 'Permutations', zh: '置换次数' },
  latest: { en: 'latest', zh: '最新' },
  regression: { en: 'Regression (fixed effects)', zh: '回归（固定效应）' },
  mediation: { en: 'Mediation', zh: '中介效应' },
  threshold: { en: 'Threshold', zh: '门槛效应' },
  forecast: { en: 'Forecast', zh: '预测' },
  xVar: { en: 'X', zh: 'X（解释变量）' },
  mediator: { en: 'M (mediator)', zh: 'M（中介变量）' },
  yVar: { en: 'Y', zh: 'Y（被解释变量）' },
  qVar: { en: 'q (threshold variable)', zh: 'q（门槛变量）' },
  bootstrap: { en: 'Bootstrap replications', zh: 'Bootstrap 次数' },
  mediationNote: {
    en: 'two-way fixed effects; indirect-effect intervals from the entity-clustered bootstrap (nqpf mediate).',
    zh: '双向固定效应；间接效应区间来自按个体聚类的 Bootstrap（nqpf mediate）。',
  },
  dependent: { en: 'Dependent variable', zh: '被解释变量' },
  regressors: { en: 'Explanatory variables (Ctrl+click for several)', zh: '解释变量（按住 Ctrl 多选）' },
  entityFe: { en: 'entity fixed effects', zh: '个体固定效应' },
  periodFe: { en: 'period fixed effects', zh: '时间固定效应' },
  vcovDefault: { en: 'default (cluster by the first FE)', zh: '默认（按第一个固定效应聚类）' },
  formula: { en: 'Formula (fixest syntax, editable)', zh: '公式（fixest 语法，可编辑）' },
  regressCli: {
    en: 'From the command line (on a file with the index as a column, e.g. nqpf measure --out scores.csv):',
    zh: '命令行（在含指数列的数据上，如 nqpf measure --out 输出的 scores.csv）：',
  },
} as const;

export type Key = keyof typeof STRINGS;

/** The UI text of `key` in `lang`, with {name} placeholders filled. */
export function tr(key: Key, lang: Lang, values: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** The language to start in: Chinese when the browser prefers any Chinese variant, else English. */
export function defaultLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    if (/^zh\b/i.test(l)) return 'zh';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

/** Every key has both languages (checked by the unit test). */
export function allKeys(): Key[] {
  return Object.keys(STRINGS) as Key[];
}
