/**
 * Coupling degree C of n subsystems (耦合度), three published formulas.
 *
 * All three take subsystem scores U_i ∈ [0, 1] (validated by the caller, see
 * {@link couplingCoordination}) and return C ∈ [0, 1].
 */

/** Which formula for the coupling degree C. */
export type CouplingMethod = 'traditional' | 'wang' | 'fan';

/** The accepted values of {@link CouplingMethod}. */
export const COUPLING_METHODS: readonly CouplingMethod[] = ['traditional', 'wang', 'fan'];

/**
 * Traditional coupling degree (the "capacity coupling" form used in most Chinese papers):
 *
 *   C = [∏U_i / ((1/n)ΣU_i)^n]^(1/n) = n(∏U_i)^(1/n) / ΣU_i
 *
 * i.e. geometric mean over arithmetic mean. For two systems C = 2√(U₁U₂)/(U₁+U₂).
 * This is an explicit choice: Wang et al. (2021, 自然资源学报 36(3):793–810) show that C crowds near 1
 * (two scores 0.3 and 0.6 already give C = 0.943), so D then mostly reflects T.
 *
 * A zero subsystem gives C = 0; all subsystems zero give NaN (0/0).
 */
export function couplingTraditional(u: ArrayLike<number>): number {
  const n = u.length;
  let sum = 0;
  let logSum = 0;
  let anyZero = false;
  for (let i = 0; i < n; i++) {
    sum += u[i];
    if (u[i] === 0) anyZero = true;
    else logSum += Math.log(u[i]);
  }
  if (sum === 0) return NaN;
  if (anyZero) return 0;
  // Geometric mean via logs: the plain product underflows for many small scores.
  return (n * Math.exp(logSum / n)) / sum;
}

/**
 * Wang et al. (2021) corrected coupling degree (王淑佳, 孔伟 等, 国内耦合协调度模型的误区及修正,
 * 自然资源学报 36(3):793–810, doi:10.31497/zrzyxb.20210319):
 *
 *   C = √{ [1 − Σ_{i>j}|U_i − U_j| / Σ_{m=1}^{n−1} m] · (∏ U_i / max U)^{1/(n−1)} }
 *
 * Σ_{m=1}^{n−1} m = n(n−1)/2 is the number of pairs. Same convention as the CRAN package `coupling`
 * (stscl, `ccd(method = "wang")`): max U = 0 gives C = 0, and the result is clamped to [0, 1].
 */
export function couplingWang(u: ArrayLike<number>): number {
  const n = u.length;
  if (n < 2) return NaN;
  let pairSum = 0;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (u[i] > max) max = u[i];
    for (let j = 0; j < i; j++) pairSum += Math.abs(u[i] - u[j]);
  }
  if (max === 0) return 0;
  const spread = 1 - pairSum / ((n * (n - 1)) / 2);
  let logRatio = 0;
  for (let i = 0; i < n; i++) {
    if (u[i] === 0) return 0;
    logRatio += Math.log(u[i] / max);
  }
  const c = Math.sqrt(Math.max(spread, 0) * Math.exp(logRatio / (n - 1)));
  return Math.min(Math.max(c, 0), 1);
}

/**
 * Fan et al. (2024) coupling degree (Fan D., Ke H. & Cao R., "Modification and improvement of coupling
 * coordination degree model", 统计与决策 Statistics & Decision 40:41–46, doi:10.13546/j.cnki.tjyjc.2024.22.007):
 *
 *   C = 1 − 2√{ [nΣU_i² − (ΣU_i)²] / n² }
 *
 * The radicand is the population variance of the U_i, so C = 1 − 2·σ_pop(U); for two systems
 * C = 1 − |U₁ − U₂|. Source checked: the formula as implemented in the CRAN package `coupling`
 * (stscl, `ccd(method = "fan")`, inst/include/coupling/ccd.hpp), which also floors a negative radicand
 * (rounding) at 0 and clamps C to [0, 1]; nqpf does the same.
 */
export function couplingFan(u: ArrayLike<number>): number {
  const n = u.length;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    s += u[i];
    s2 += u[i] * u[i];
  }
  const v = Math.max((n * s2 - s * s) / (n * n), 0);
  return Math.min(Math.max(1 - 2 * Math.sqrt(v), 0), 1);
}

/** Coupling degree C of one observation by `method`. */
export function couplingDegree(u: ArrayLike<number>, method: CouplingMethod = 'traditional'): number {
  switch (method) {
    case 'traditional':
      return couplingTraditional(u);
    case 'wang':
      return couplingWang(u);
    case 'fan':
      return couplingFan(u);
  }
}
