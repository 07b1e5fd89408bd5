/**
 * Rendering in the worker: the diagnosis as text blocks (the report section's wording, with two
 * tables the report leaves to other sections) and the XLSX sheets with headers in the chosen
 * language. Nothing here computes a statistic: it formats results of src/api.
 */
import { labelText, type Lang } from '../../core/label.js';
import type { Panel } from '../../data/panel.js';
import type { Framework } from '../../framework/types.js';
import type { DiagnoseRun } from '../../api/diagnose.js';
import { diagnosisSection } from '../../report/sections/diagnosis.js';
import { frameworkNames } from '../../report/sections/section.js';
import { registerTerms, t, noteText, noteLevelText } from '../../report/i18n.js';
import { formatNumber } from '../../report/html.js';
import { errorInfo, type DiagnosisView, type ErrorInfo, type ViewBlock } from './handlers.js';

registerTerms({
  wb_dormancyTable: { en: 'Observed and imputed cells by indicator', zh: '各指标观测与插补单元格占比' },
  wb_indicator: { en: 'Indicator', zh: '指标' },
  wb_observed: { en: 'Observed (%)', zh: '观测（%）' },
  wb_imputed: { en: 'Imputed (%)', zh: '插补（%）' },
  wb_period: { en: 'Period', zh: '年份' },
  wb_meanD: { en: 'Mean D', zh: '平均协调度 D' },
});

/** The diagnosis in both languages; without a LISA the isolation says why instead. */
export function diagnosisView(
  panel: Panel,
  framework: Framework,
  run: DiagnoseRun,
  weightsError?: ErrorInfo,
): DiagnosisView {
  const isolationError = weightsError ?? (run.isolationError ? errorInfo(run.isolationError) : undefined);
  const names = frameworkNames(framework);
  const input = {
    dormancy: run.dormancy,
    disorder: run.disorder,
    isolation: run.isolation,
    isolationPeriod: run.isolationPeriod,
  };
  const pct = (x: number) => formatNumber(100 * x, { digits: 1 });
  const view = (lang: Lang): ViewBlock[] => {
    const section = diagnosisSection(panel, input, { lang, names });
    const text = (x: unknown) => (typeof x === 'string' ? x : labelText(x as { en: string; zh?: string }, lang));
    const out: ViewBlock[] = [];
    let tables = 0;
    let skip = false;
    for (const b of section.blocks) {
      if (skip) continue;
      if (b.kind === 'heading') {
        out.push({ kind: 'heading', text: text(b.text) });
        if (isolationError && text(b.text) === t('isolationHead', lang)) {
          out.push({
            kind: 'paragraph',
            text:
              lang === 'zh'
                ? '无法识别生态孤岛：缺少地区的坐标或邻接关系。'
                : [isolationError.message, isolationError.hint].filter(Boolean).join(' — '),
          });
          skip = true;
        }
      } else if (b.kind === 'paragraph') out.push({ kind: 'paragraph', text: text(b.text) });
      else if (b.kind === 'list') {
        out.push({ kind: 'list', items: b.items.map(text) });
        out.push({
          kind: 'table',
          caption: t('wb_dormancyTable', lang),
          header: [t('wb_indicator', lang), t('wb_observed', lang), t('wb_imputed', lang)],
          rows: run.dormancy.indicators.map((x) => [x.id, pct(x.observedShare), pct(x.imputedShare)]),
          testid: 'diagnosis-dormancy',
        });
      } else if (b.kind === 'figure') {
        out.push({
          kind: 'table',
          caption: text(b.caption),
          header: [
            t('wb_period', lang),
            t('wb_meanD', lang),
            t('diag_imbalancedShare', lang),
            t('diag_disorderedShare', lang),
          ],
          rows: run.disorder.periods.map((p) => [
            String(p.period),
            formatNumber(p.meanD, { digits: 3 }),
            pct(p.imbalancedShare),
            pct(p.disorderedShare),
          ]),
          testid: 'diagnosis-disorder',
        });
      } else if (b.kind === 'table') {
        out.push({
          kind: 'table',
          caption: text(b.caption ?? ''),
          header: b.columns.map((c) => text(c.label)),
          rows: b.rows.map((row) =>
            b.columns.map((c) => {
              const v = row[c.key];
              return typeof v === 'number' ? formatNumber(v, c.format) : v == null ? '' : text(v);
            }),
          ),
          testid: tables++ === 0 && run.disorder.periods.length ? 'diagnosis-lagging' : 'diagnosis-isolation',
        });
      }
    }
    return out;
  };
  return { en: view('en'), zh: view('zh'), isolationError };
}

const HEADER_ZH: Readonly<Record<string, string>> = {
  system: '系统',
  index: '指数',
  rank: '排名',
  dimension: '维度',
  path: '路径',
  id: '指标',
  column: '数据列',
  direction: '方向',
  unit: '单位',
  weight: '权重',
  raw: '原始权重',
  parent: '上级维度',
  level: '级别',
  code: '代码',
  message: '说明',
};
const SHEET_ZH: Readonly<Record<string, string>> = {
  scores: '得分',
  weights: '权重',
  'dimension weights': '维度权重',
  notes: '说明',
};

/** The sheets of scores.xlsx with headers, sheet names and notes in `lang` (English: unchanged, the CLI's file). */
export function localiseSheets(
  sheets: { name: string; rows: unknown[][] }[],
  lang: Lang,
): { name: string; rows: unknown[][] }[] {
  if (lang !== 'zh') return sheets;
  return sheets.map((s) => {
    const name = SHEET_ZH[s.name] ?? s.name.replace(/^wide /, '宽表 ');
    const [head, ...rows] = s.rows;
    const header = head.map((h) => (typeof h === 'string' ? (HEADER_ZH[h] ?? h) : h));
    if (s.name === 'notes')
      return {
        name,
        rows: [
          header,
          ...rows.map(([level, code, message]) => [
            noteLevelText(level === 'warning' ? 'warning' : 'info', 'zh'),
            code,
            noteText({ code: String(code), message: String(message) }, 'zh'),
          ]),
        ],
      };
    if (s.name === 'weights')
      return {
        name,
        rows: [
          header,
          ...rows.map((r) => r.map((c, k) => (k === 5 ? (c === '-' ? '负向' : c === '+' ? '正向' : c) : c))),
        ],
      };
    return { name, rows: [header, ...rows] };
  });
}
