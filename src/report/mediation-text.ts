import { labelText, type Label, type Lang } from '../core/label.js';
import type { BaronKennyVerdict, MediationCaution, WenYeVerdict } from '../explain/mechanisms/mediation.js';

/**
 * Words for the codes a mediation result carries (src/explain/mechanisms/mediation.ts), in English and
 * Chinese: the Wen & Ye (2014) verdict, the Baron & Kenny (1986) verdict and Jiang (2022)'s caution.
 * The estimator decides; this module only phrases.
 */

const FRAMEWORK: Record<WenYeVerdict['framework'], Label> = {
  mediation: { en: 'total effect significant (mediation framework)', zh: '总效应显著（按中介效应立论）' },
  suppression: { en: 'total effect not significant (suppression framework)', zh: '总效应不显著（按遮掩效应立论）' },
};

const EVIDENCE: Record<WenYeVerdict['evidence'], Label> = {
  paths: { en: 'a and b both significant', zh: 'a 与 b 均显著' },
  'bootstrap-excludes-0': { en: 'bootstrap interval of ab excludes 0', zh: 'ab 的 Bootstrap 置信区间不含 0' },
  'bootstrap-includes-0': { en: 'bootstrap interval of ab includes 0', zh: 'ab 的 Bootstrap 置信区间包含 0' },
  'no-bootstrap': { en: 'a or b not significant and no bootstrap', zh: 'a 或 b 不显著且未做 Bootstrap' },
};

function outcome(v: WenYeVerdict, lang: Lang): string {
  const r = v.ratio === undefined ? '' : v.ratio.toFixed(3);
  switch (v.code) {
    case 'none':
      return labelText({ en: 'no significant indirect effect', zh: '间接效应不显著' }, lang);
    case 'full':
      return labelText({ en: 'direct effect not significant: full mediation', zh: '直接效应不显著：完全中介' }, lang);
    case 'partial':
      return labelText(
        {
          en: `direct effect significant, same sign: partial mediation (ab/c = ${r})`,
          zh: `直接效应显著且与 ab 同号：部分中介（ab/c = ${r}）`,
        },
        lang,
      );
    case 'suppression':
      return labelText(
        {
          en: `direct effect significant, opposite sign: suppression effect (|ab/c′| = ${r})`,
          zh: `直接效应显著且与 ab 异号：遮掩效应（|ab/c′| = ${r}）`,
        },
        lang,
      );
  }
}

/** The Wen–Ye verdict as a sentence: framework; evidence; outcome. */
export function wenYeText(v: WenYeVerdict, lang: Lang = 'en'): string {
  const sep = lang === 'zh' ? '；' : '; ';
  const how = labelText(EVIDENCE[v.evidence], lang);
  const joined =
    v.code === 'none' ? `${how}${lang === 'zh' ? '，' : ': '}${outcome(v, lang)}` : `${how}${sep}${outcome(v, lang)}`;
  return `${labelText(FRAMEWORK[v.framework], lang)}${sep}${joined}`;
}

const BARON_KENNY: Record<BaronKennyVerdict, Label> = {
  'step1-fails': { en: 'step 1 fails: total effect c not significant', zh: '第一步不通过：总效应 c 不显著' },
  'step2-fails': { en: 'step 2 fails: X → M (a) not significant', zh: '第二步不通过：X → M（a）不显著' },
  'step3-fails': { en: 'step 3 fails: M → Y (b) not significant', zh: '第三步不通过：M → Y（b）不显著' },
  full: { en: 'full mediation: c′ not significant', zh: '完全中介：c′ 不显著' },
  partial: { en: 'partial mediation: |c′| < |c|', zh: '部分中介：|c′| < |c|' },
  none: { en: 'no mediation: |c′| not smaller than |c|', zh: '无中介效应：|c′| 不小于 |c|' },
};

/** The Baron–Kenny verdict as a phrase. */
export function baronKennyText(v: BaronKennyVerdict, lang: Lang = 'en'): string {
  return labelText(BARON_KENNY[v], lang);
}

const CAUTIONS: Record<MediationCaution, Label> = {
  'jiang-2022': {
    en: 'Jiang Ting (2022, China Industrial Economics (5):100–120) warns that the stepwise (Baron–Kenny / Wen–Ye) test does not identify a causal mechanism: the M→Y coefficient is not causal without its own identification, and a significant a·b can arise from confounding of M. Report the X→M evidence (the a-paths above) and argue M→Y from theory and prior work; treat the indirect effects as descriptive.',
    zh: '江艇（2022，《中国工业经济》第5期，第100–120页）指出，逐步检验法（Baron–Kenny／温忠麟–叶宝娟）并不能识别因果机制：M→Y 的系数若没有自身的识别策略便不具因果含义，M 受到混杂时 a·b 也可能显著。应报告 X→M 的证据（上文的 a 路径），并依据理论与已有研究论证 M→Y；间接效应宜作描述性解读。',
  },
};

/** The caution as a paragraph. */
export function cautionText(c: MediationCaution, lang: Lang = 'en'): string {
  return labelText(CAUTIONS[c], lang);
}
