import type { Lang } from '../../core/label.js';
import type { MediationResult } from '../../explain/mechanisms/mediation.js';
import type { ThresholdResult } from '../../explain/mechanisms/threshold.js';
import type { Block, ReportSection } from '../blocks.js';
import type { Text } from '../charts/theme.js';
import { registerTerms, t, tf, vcovText } from '../i18n.js';
import { cautionText, wenYeText } from '../mediation-text.js';

registerTerms({
  mechanismSection: { en: 'Mechanism: innovation → NQPF', zh: '作用机制：创新 → 新质生产力' },
  mechanismIntro: {
    en: 'Mediation by {mediators} ({layout} layout) with {reps} cluster-bootstrap draws by {cluster}, and a panel threshold model of the effect of {x} by {q}.',
    zh: '以 {mediators} 为中介（{layout}），按 {cluster} 聚类自助抽样 {reps} 次；并以 {q} 为门槛变量估计 {x} 的面板门槛模型。',
  },
  mechanismXtoM: { en: 'X → M evidence (Jiang 2022)', zh: 'X → M 证据（江艇 2022）' },
  mechanismIndirect: { en: 'Indirect effects', zh: '间接效应' },
  mechanismThresholds: { en: 'Threshold estimates', zh: '门槛估计值' },
  mechanismRegimes: { en: 'Regime coefficients', zh: '分区间系数' },
  mechanismPath: { en: 'Path', zh: '路径' },
  mechanismEstimate: { en: 'Estimate', zh: '估计值' },
  mechanismSe: { en: 'SE', zh: '标准误' },
  mechanismP: { en: 'p', zh: 'p 值' },
  mechanismTruth: { en: 'True value', zh: '真实值' },
  mechanismPerc: { en: 'Percentile CI', zh: '百分位区间' },
  mechanismBc: { en: 'BC CI', zh: '偏差校正区间' },
  mechanismShare: { en: 'Share of total', zh: '占总效应比例' },
  mechanismVerdict: { en: 'Wen–Ye verdict', zh: '温忠麟–叶宝娟检验结论' },
  mechanismMediator: { en: 'Mediator path', zh: '中介路径' },
  mechanismGamma: { en: 'Threshold', zh: '门槛值' },
  mechanismLrCi: { en: 'LR interval', zh: 'LR 置信区间' },
  mechanismTerm: { en: 'Term', zh: '变量' },
  mechanismTruthNote: {
    en: 'True values are the parameters of the simulation that generated the data (china-sim-truth.json); they are known only because the data are SIMULATED.',
    zh: '真实值为生成模拟数据的参数（china-sim-truth.json），仅因数据为模拟数据而已知。',
  },
});

/** Inputs of {@link mechanismSection}: results computed elsewhere, and optional true values. */
export interface MechanismSectionInput {
  readonly mediation?: MediationResult;
  readonly threshold?: ThresholdResult;
  /**
   * True parameters shown beside the estimates (simulated data only). `mediation`: by path
   * (`innovation → industry`) and by indirect-effect name (`industry`, `total`); `threshold`:
   * `gamma1`, `gamma2`… and coefficient terms (`innovation:I(q<=g1)`, `industry`).
   */
  readonly truth?: {
    readonly mediation?: Readonly<Record<string, number>>;
    readonly threshold?: Readonly<Record<string, number>>;
  };
}

/**
 * True values of china-sim's mechanism (data/builtin/china-sim-truth.json, SIMULATED) for a
 * mediation of `nqpf` on `innovation` through `industry` and `talent` and a threshold model of
 * `innovation` by `q` on the latent variables (china-sim-latent.csv), keyed for {@link mechanismSection}.
 */
export function chinaSimMechanismTruth(truth: {
  readonly parameters: {
    readonly industry: { readonly a: number };
    readonly talent: { readonly b: number };
    readonly nqpf: {
      readonly c_low: number;
      readonly c_high: number;
      readonly gamma: number;
      readonly d: number;
      readonly e: number;
    };
  };
}): NonNullable<MechanismSectionInput['truth']> {
  const { industry, talent, nqpf } = truth.parameters;
  return {
    mediation: {
      'innovation → industry': industry.a,
      'innovation → talent': talent.b,
      'industry → nqpf | innovation': nqpf.d,
      'talent → nqpf | innovation': nqpf.e,
      industry: industry.a * nqpf.d,
      talent: talent.b * nqpf.e,
      total: industry.a * nqpf.d + talent.b * nqpf.e,
    },
    threshold: {
      gamma1: nqpf.gamma,
      'innovation:I(q<=g1)': nqpf.c_low,
      'innovation:I(q>g1)': nqpf.c_high,
      industry: nqpf.d,
      talent: nqpf.e,
    },
  };
}

export interface MechanismSectionOptions {
  readonly lang?: Lang;
  readonly id?: string;
  readonly title?: Text;
  /** The dataset's `meta.name` (citation and SIMULATED banner). */
  readonly datasetName?: string;
}

const interval = (lo: number, hi: number, d = 3) =>
  Number.isFinite(lo) && Number.isFinite(hi) ? `[${lo.toFixed(d)}, ${hi.toFixed(d)}]` : '—';

/**
 * The mechanism section of a report: X→M evidence first (Jiang 2022), the indirect effects with
 * bootstrap intervals and verdicts, the caution about the stepwise test, then the threshold
 * estimates and regime coefficients; a "True value" column when `truth` is given. Formats results
 * only: everything shown is computed by `mediation()` and `panelThreshold()`.
 */
export function mechanismSection(input: MechanismSectionInput, options: MechanismSectionOptions = {}): ReportSection {
  const lang = options.lang ?? 'en';
  const truth = input.truth;
  const withTruth = truth !== undefined;
  const truthCol = withTruth ? [{ key: 'truth', label: t('mechanismTruth', lang), format: { digits: 3 } }] : [];
  const blocks: Block[] = [];
  const m = input.mediation;
  const th = input.threshold;
  if (m || th) {
    blocks.push({
      kind: 'paragraph',
      text: tf('mechanismIntro', lang, {
        mediators: m ? m.xToM.map((p) => p.path.split(' → ')[1]).join(', ') : '—',
        layout: m?.layout ?? '—',
        reps: m?.bootstrap.reps ?? 0,
        cluster: m?.bootstrap.cluster ?? '—',
        x: th?.options.x ?? '—',
        q: th?.options.q ?? '—',
      }),
    });
  }
  if (m) {
    blocks.push(
      { kind: 'heading', text: t('mechanismXtoM', lang) },
      {
        kind: 'table',
        columns: [
          { key: 'path', label: t('mechanismPath', lang), align: 'left' },
          { key: 'estimate', label: t('mechanismEstimate', lang), format: { digits: 4 } },
          { key: 'se', label: t('mechanismSe', lang), format: { digits: 4 } },
          { key: 'p', label: t('mechanismP', lang), format: { digits: 4 } },
          ...truthCol,
        ],
        rows: [m.total, ...m.xToM, ...m.mToY, ...m.mToM, m.direct].map((p) => ({
          path: p.path,
          estimate: p.estimate,
          se: p.stdError,
          p: p.pValue,
          truth: truth?.mediation?.[p.path],
        })),
        caption: t('mechanismXtoM', lang),
        note: vcovText(m.vcov, lang),
      },
      { kind: 'heading', text: t('mechanismIndirect', lang) },
      {
        kind: 'table',
        columns: [
          { key: 'mediator', label: t('mechanismMediator', lang), align: 'left' },
          { key: 'estimate', label: t('mechanismEstimate', lang), format: { digits: 4 } },
          ...truthCol,
          { key: 'perc', label: t('mechanismPerc', lang) },
          { key: 'bc', label: t('mechanismBc', lang) },
          { key: 'share', label: t('mechanismShare', lang), format: { percent: true, digits: 1 } },
          { key: 'verdict', label: t('mechanismVerdict', lang), align: 'left' },
        ],
        rows: m.indirect.map((e) => ({
          mediator: e.mediator,
          estimate: e.estimate,
          truth: truth?.mediation?.[e.mediator],
          perc: interval(e.ciLow, e.ciHigh, 4),
          bc: interval(e.bcLow, e.bcHigh, 4),
          share: e.share,
          verdict: wenYeText(e.verdict, lang),
        })),
        caption: t('mechanismIndirect', lang),
      },
      { kind: 'paragraph', text: cautionText(m.caution, lang) },
    );
  }
  if (th) {
    blocks.push(
      { kind: 'heading', text: t('mechanismThresholds', lang) },
      {
        kind: 'table',
        columns: [
          { key: 'gamma', label: t('mechanismGamma', lang), align: 'left' },
          { key: 'estimate', label: t('mechanismEstimate', lang), format: { digits: 4 } },
          ...truthCol,
          { key: 'ci', label: t('mechanismLrCi', lang) },
          { key: 'F', label: 'F', format: { digits: 2 } },
          { key: 'p', label: t('mechanismP', lang), format: { digits: 3 } },
        ],
        rows: th.thresholds.map((g, i) => ({
          gamma: `γ${i + 1}`,
          estimate: g.estimate,
          truth: truth?.threshold?.[`gamma${i + 1}`],
          ci: interval(g.ciLow, g.ciHigh, 4),
          F: g.F,
          p: g.pValue,
        })),
        caption: t('mechanismThresholds', lang),
      },
      {
        kind: 'table',
        columns: [
          { key: 'term', label: t('mechanismTerm', lang), align: 'left' },
          { key: 'estimate', label: t('mechanismEstimate', lang), format: { digits: 4 } },
          { key: 'se', label: t('mechanismSe', lang), format: { digits: 4 } },
          ...truthCol,
        ],
        rows: th.coefficients
          .filter((c) => !/^[^:]+=/.test(c.term)) /* period dummies left out */
          .map((c) => ({ term: c.term, estimate: c.estimate, se: c.stdError, truth: truth?.threshold?.[c.term] })),
        caption: t('mechanismRegimes', lang),
      },
    );
  }
  if (withTruth) blocks.push({ kind: 'paragraph', text: t('mechanismTruthNote', lang) });
  const notes = [...(m?.notes ?? []), ...(th?.notes ?? [])];
  if (notes.length) blocks.push({ kind: 'notes', notes });
  return {
    id: options.id ?? `mechanism-${options.datasetName ?? 'data'}`.replace(/[^A-Za-z0-9_-]/g, '-'),
    title: options.title ?? t('mechanismSection', lang),
    datasetName: options.datasetName,
    blocks,
  };
}
