import type { Lang } from '../core/label.js';
import type { GroupDifferenceResult } from '../explain/group-difference.js';
import { esttabNumber } from './number-format.js';

/**
 * The sentence a regression table's note gives to a test of the difference between two groups'
 * coefficients (one per reported term), as Chinese papers state bdiff and suest results:
 *
 * en: `Columns (1) and (2), difference of x (soe = 0 − soe = 1 = 0.123): permutation test (bdiff,
 * 1000 draws of entities, seed 1) empirical p = 0.012; suest Wald χ²(1) = 6.12, p = 0.013.`
 * zh: `第 (1) 列与第 (2) 列 x 的组间系数差异（soe = 0 − soe = 1 = 0.123）：费舍尔组合检验（bdiff，按个体抽样 1000
 * 次，种子 1）经验 p 值 = 0.012；似无相关模型检验（suest）χ²(1) = 6.12，p = 0.013。`
 *
 * `terms` defaults to the first tested term that is not the intercept (bdiff's `first`).
 */
export function groupDifferenceNote(
  d: GroupDifferenceResult & { readonly columns?: readonly [number, number] },
  options: { lang?: Lang; terms?: readonly string[]; digits?: number } = {},
): string {
  const lang = options.lang ?? 'en';
  const digits = options.digits ?? 3;
  const first = d.terms.find((t) => t.term !== '(Intercept)') ?? d.terms[0];
  const wanted = options.terms?.length ? d.terms.filter((t) => options.terms!.includes(t.term)) : [first];
  // `= 0.012`, or `< 0.001` (three decimals, bdiff's pdec(3))
  const p3 = (p: number) => (p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);
  const unit = d.permutation?.unit;
  return wanted
    .map((t) => {
      const cols = d.columns ? d.columns.map((c) => `(${c})`) : undefined;
      const diff = `${d.groups[0]} − ${d.groups[1]} = ${esttabNumber(t.difference, digits)}`;
      const parts: string[] = [];
      if (lang === 'zh') {
        if (t.permutation && d.permutation)
          parts.push(
            `费舍尔组合检验（bdiff，按${unit === 'entity' ? '个体' : '观测值'}抽样 ${d.permutation.reps} 次，种子 ${d.permutation.seed}）经验 p 值 ${p3(t.permutation.pValue)}`,
          );
        if (t.suest) parts.push(`似无相关模型检验（suest）χ²(1) = ${t.suest.chi2.toFixed(2)}，p ${p3(t.suest.pValue)}`);
        const head = cols ? `第 ${cols[0]} 列与第 ${cols[1]} 列 ${t.term} 的组间系数差异` : `${t.term} 的组间系数差异`;
        return `${head}（${diff}）：${parts.join('；')}。`;
      }
      if (t.permutation && d.permutation)
        parts.push(
          `permutation test (bdiff, ${d.permutation.reps} draws of ${unit === 'entity' ? 'entities' : 'observations'}, seed ${d.permutation.seed}) empirical p ${p3(t.permutation.pValue)}`,
        );
      if (t.suest) parts.push(`suest Wald χ²(1) = ${t.suest.chi2.toFixed(2)}, p ${p3(t.suest.pValue)}`);
      const head = cols ? `Columns ${cols[0]} and ${cols[1]}, difference of ${t.term}` : `Difference of ${t.term}`;
      return `${head} (${diff}): ${parts.join('; ')}.`;
    })
    .join(lang === 'zh' ? '' : ' ');
}
