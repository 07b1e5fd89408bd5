/**
 * Theil's entropy indices with their exact within/between decomposition (Theil 1967; Shorrocks
 * 1980, Econometrica 48(3):613–625, doi:10.2307/1913126).
 */
import { Adder } from '../core/numeric.js';
import { makeGrouping } from './groups.js';

/** Which member of the generalised-entropy family: T = GE(1), L = GE(0) (mean log deviation). */
export type TheilKind = 'T' | 'L';

/** One group of a Theil decomposition. */
export interface TheilGroup {
  readonly group: string;
  readonly n: number;
  readonly mean: number;
  /** The index computed inside the group. */
  readonly index: number;
  /** Weight of the group in the within part: value share s_g (T) or population share p_g (L). */
  readonly weight: number;
}

/** A Theil index with its within- and between-group parts (within + between = total). */
export interface TheilResult {
  readonly kind: TheilKind;
  readonly total: number;
  readonly within: number;
  readonly between: number;
  readonly groups: readonly TheilGroup[];
}

/** Index of one group of values: T = (1/n)Σ(y/μ)ln(y/μ) with 0·ln 0 = 0; L = (1/n)Σ ln(μ/y). */
function theilOf(ys: readonly number[], kind: TheilKind): { index: number; mean: number } {
  const s = new Adder();
  for (const y of ys) s.add(y);
  const mean = +s / ys.length;
  const acc = new Adder();
  for (const y of ys) {
    if (kind === 'T') {
      if (y > 0) acc.add((y / mean) * Math.log(y / mean));
    } else acc.add(Math.log(mean / y));
  }
  return { index: +acc / ys.length, mean };
}

/**
 * Theil T (kind 'T') or Theil L (kind 'L') with groups:
 *
 *   T = Σ_g s_g T_g + Σ_g s_g ln(μ_g/μ),  s_g = n_g μ_g/(n μ)
 *   L = Σ_g p_g L_g + Σ_g p_g ln(μ/μ_g),  p_g = n_g/n
 *
 * The total is computed directly from the values, not as the sum of the parts; the parts add up to
 * it to rounding. L is +Infinity when a value is 0 (ln(μ/0)); T allows zeros (0·ln 0 = 0).
 */
export function theil(
  values: ArrayLike<number>,
  groups: readonly string[] | undefined,
  kind: TheilKind = 'T',
  order?: readonly string[],
): TheilResult {
  const all = Array.from(values);
  const total = theilOf(all, kind);
  const g = makeGrouping(groups ?? all.map(() => ''), groups ? order : undefined);
  const members: number[][] = g.names.map(() => []);
  all.forEach((y, i) => members[g.index[i]].push(y));
  const n = all.length;
  const out: TheilGroup[] = g.names.map((name, j) => {
    const t = theilOf(members[j], kind);
    const nj = members[j].length;
    const weight = kind === 'T' ? (nj * t.mean) / (n * total.mean) : nj / n;
    return { group: name, n: nj, mean: t.mean, index: t.index, weight };
  });
  const within = new Adder();
  const between = new Adder();
  for (const gr of out) {
    within.add(gr.weight * gr.index);
    between.add(kind === 'T' ? gr.weight * Math.log(gr.mean / total.mean) : gr.weight * Math.log(total.mean / gr.mean));
  }
  return { kind, total: total.index, within: +within, between: +between, groups: out };
}
