import type { Lang } from '../../core/label.js';
import type { EntityInfo } from '../../data/panel.js';
import type { ScenarioApiResult, SpatialRegressResult } from '../../api/spatial-regress.js';
import type { Block, ReportSection } from '../blocks.js';
import type { Text } from '../charts/theme.js';
import { registerTerms, shockText, specDecisionText, t, tf } from '../i18n.js';
import { entityMapFigure } from './entity-map.js';

registerTerms({
  spilloverSection: { en: 'Spillovers: spatial Durbin panel model', zh: '空间溢出：空间杜宾面板模型' },
  spilloverIntro: {
    en: '{model} of {y} with {fe} fixed effects by maximum likelihood (W: {w}); effects by LeSage–Pace with {draws} simulated draws.',
    zh: '以极大似然估计 {y} 的 {model}（{fe} 固定效应，空间权重：{w}）；效应按 LeSage–Pace 分解，{draws} 次参数模拟。',
  },
  spilloverLm: { en: 'LM tests on the non-spatial fixed-effects model', zh: '非空间固定效应模型的 LM 检验' },
  spilloverTest: { en: 'Test', zh: '检验' },
  spilloverStat: { en: 'Statistic', zh: '统计量' },
  spilloverEstimates: { en: 'SDM estimates', zh: '空间杜宾模型估计' },
  spilloverEffects: { en: 'Direct, indirect and total effects', zh: '直接效应、间接效应与总效应' },
  spilloverDirect: { en: 'Direct', zh: '直接效应' },
  spilloverIndirect: { en: 'Indirect (spillover)', zh: '间接效应（溢出）' },
  spilloverTotal: { en: 'Total', zh: '总效应' },
  spilloverDecision: { en: 'Decision: {text}', zh: '模型选择：{text}' },
  spilloverScenario: { en: 'Scenario', zh: '情景模拟' },
  spilloverScenarioText: {
    en: '{shock}. Predicted change of {y}: {total} in total, of which {spill} is spillover (95% intervals from the same draws).',
    zh: '{shock}。{y} 的预测变化合计 {total}，其中溢出部分 {spill}（95% 区间来自同一组参数模拟）。',
  },
  spilloverMapCaption: { en: 'Predicted change of {y} under the scenario', zh: '情景下 {y} 的预测变化' },
  spilloverTruthNote: {
    en: 'True values are those of the SIMULATED data-generating process (china-sim-truth.json); they are known only because the data are simulated.',
    zh: '真实值为模拟数据生成过程的参数（china-sim-truth.json），仅因数据为模拟数据而已知。',
  },
});

const ci = (v: { estimate: number; lower: number; upper: number }) =>
  `${v.estimate.toFixed(4)} [${v.lower.toFixed(4)}, ${v.upper.toFixed(4)}]`;

/** The map of a scenario's total predicted change by entity (China or world map, chosen from the entities). */
export function scenarioMapFigure(entities: readonly EntityInfo[], s: ScenarioApiResult, lang: Lang = 'en'): Block[] {
  const values = new Map(s.rows.map((r) => [r.entity, r.total.estimate]));
  return entityMapFigure(entities, values, {
    lang,
    caption: tf('spilloverMapCaption', lang, { y: s.dependent }),
    valueName: { en: `Δ ${s.dependent}`, zh: `Δ ${s.dependent}` },
    note: shockText(s.shockText, lang),
  });
}

/** Inputs of {@link spilloverSection}: results computed elsewhere, optional true values keyed by term/effect. */
export interface SpilloverSectionInput {
  readonly fit: SpatialRegressResult;
  readonly scenario?: ScenarioApiResult;
  readonly entities: readonly EntityInfo[];
  /** True values (simulated data only): coefficient terms (`x`, `W*x`, `rho`) and effects (`direct:x`, `indirect:x`, `total:x`). */
  readonly truth?: Readonly<Record<string, number>>;
  readonly weightsLabel?: string;
}

/**
 * The spillover part of the mechanism section: LM tests and the decision, SDM estimates and LeSage–Pace
 * effects (with the true values beside them on simulated data), and a scenario with its map. Formats
 * results only.
 */
export function spilloverSection(
  input: SpilloverSectionInput,
  options: { lang?: Lang; id?: string; title?: Text; datasetName?: string } = {},
): ReportSection {
  const lang = options.lang ?? 'en';
  const r = input.fit;
  const truth = input.truth;
  const truthCol = truth ? [{ key: 'truth', label: { en: 'True value', zh: '真实值' }, format: { digits: 3 } }] : [];
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: tf('spilloverIntro', lang, {
        model: r.model.toUpperCase(),
        y: r.dependent,
        fe: r.fe,
        w: input.weightsLabel ?? 'contiguity',
        draws: r.effectsInference.draws ?? 0,
      }),
    },
  ];
  const tst = r.tests;
  if (tst.lmLag) {
    const rows = (
      [
        ['LM lag', tst.lmLag],
        ['Robust LM lag', tst.robustLmLag],
        ['LM error', tst.lmError],
        ['Robust LM error', tst.robustLmError],
        ['Wald θ = 0 (SDM vs SAR)', tst.waldSar],
        ['LR θ = 0 (SDM vs SAR)', tst.lrSar],
        ['Wald θ + ρβ = 0 (SDM vs SEM)', tst.waldSem],
        ['LR θ + ρβ = 0 (SDM vs SEM)', tst.lrSem],
      ] as const
    )
      .filter(([, s]) => s)
      .map(([name, s]) => ({ test: name, stat: s!.statistic, df: s!.df, p: s!.pValue }));
    blocks.push(
      { kind: 'heading', text: t('spilloverLm', lang) },
      {
        kind: 'table',
        columns: [
          { key: 'test', label: t('spilloverTest', lang), align: 'left' },
          { key: 'stat', label: t('spilloverStat', lang), format: { digits: 3 } },
          { key: 'df', label: 'df', format: { digits: 0 } },
          { key: 'p', label: 'p', format: { digits: 4 } },
        ],
        rows,
        caption: t('spilloverLm', lang),
      },
    );
    if (tst.decision)
      blocks.push({
        kind: 'paragraph',
        text: tf('spilloverDecision', lang, { text: specDecisionText(tst.decision, lang) }),
      });
  }
  const coefRows = [
    ...r.coefficients.map((c) => ({
      term: c.term,
      estimate: c.estimate,
      se: c.stdError,
      p: c.pValue,
      truth: truth?.[c.term],
    })),
  ];
  const sp = r.rho ?? r.lambda;
  if (sp)
    coefRows.push({
      term: r.rho ? 'rho' : 'lambda',
      estimate: sp.estimate,
      se: sp.stdError,
      p: sp.pValue,
      truth: truth?.[r.rho ? 'rho' : 'lambda'],
    });
  blocks.push(
    { kind: 'heading', text: t('spilloverEstimates', lang) },
    {
      kind: 'table',
      columns: [
        { key: 'term', label: { en: 'Term', zh: '变量' }, align: 'left' },
        { key: 'estimate', label: { en: 'Estimate', zh: '估计值' }, format: { digits: 4 } },
        { key: 'se', label: { en: 'SE', zh: '标准误' }, format: { digits: 4 } },
        { key: 'p', label: 'p', format: { digits: 4 } },
        ...truthCol,
      ],
      rows: coefRows,
      caption: t('spilloverEstimates', lang),
    },
    { kind: 'heading', text: t('spilloverEffects', lang) },
    {
      kind: 'table',
      columns: [
        { key: 'kind', label: { en: 'Effect', zh: '效应' }, align: 'left' },
        { key: 'variable', label: { en: 'Variable', zh: '变量' }, align: 'left' },
        { key: 'estimate', label: { en: 'Estimate', zh: '估计值' }, format: { digits: 4 } },
        { key: 'se', label: { en: 'SE', zh: '标准误' }, format: { digits: 4 } },
        { key: 'p', label: 'p', format: { digits: 4 } },
        ...truthCol,
      ],
      rows: r.effects.flatMap((e) =>
        (['direct', 'indirect', 'total'] as const).map((k) => ({
          kind: t(k === 'direct' ? 'spilloverDirect' : k === 'indirect' ? 'spilloverIndirect' : 'spilloverTotal', lang),
          variable: e.variable,
          estimate: e[k].estimate,
          se: e[k].stdError,
          p: e[k].pValue,
          truth: truth?.[`${k}:${e.variable}`],
        })),
      ),
      caption: t('spilloverEffects', lang),
    },
  );
  const s = input.scenario;
  if (s) {
    blocks.push(
      { kind: 'heading', text: t('spilloverScenario', lang) },
      {
        kind: 'paragraph',
        text: tf('spilloverScenarioText', lang, {
          shock: shockText(s.shockText, lang),
          y: s.dependent,
          total: ci(s.sum.total),
          spill: ci(s.sum.spillover),
        }),
      },
      ...scenarioMapFigure(input.entities, s, lang),
    );
  }
  if (truth) blocks.push({ kind: 'paragraph', text: t('spilloverTruthNote', lang) });
  const notes = r.notes.filter((n) => n.level === 'warning');
  if (notes.length) blocks.push({ kind: 'notes', notes });
  return {
    id: options.id ?? `spillover-${options.datasetName ?? 'data'}`.replace(/[^A-Za-z0-9_-]/g, '-'),
    title: options.title ?? t('spilloverSection', lang),
    datasetName: options.datasetName,
    blocks,
  };
}
