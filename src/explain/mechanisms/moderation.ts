import { InputError } from '../../core/errors.js';
import { NoteLog, type Note } from '../../core/notes.js';
import { mean, sd } from '../../core/numeric.js';
import { filterRows, withColumns, type Panel } from '../../data/panel.js';
import { criticalValue, estimateRow, type Estimate } from '../estimate.js';
import { feols } from '../feols.js';
import { formulaOf } from '../formula.js';
import { coefTable, vcov, type CoefRow, type VcovSpec } from '../vcov.js';

/** Options of {@link moderation}. */
export interface ModerationOptions {
  readonly y: string;
  /** Focal predictor X. */
  readonly x: string;
  /** Moderator Z. */
  readonly z: string;
  readonly controls?: readonly string[];
  readonly fe?: readonly string[];
  /** Variance estimator (default iid), as {@link vcov}. */
  readonly vcov?: VcovSpec | string;
  /** Centre X and Z at their sample means before forming X·Z (default true). */
  readonly centre?: boolean;
  /** Significance level for the simple slopes' intervals and the Johnson–Neyman bounds (default 0.05). */
  readonly alpha?: number;
}

/** Slope of X at one value of the moderator: an {@link Estimate} whose `term` is the point (`mean − 1 SD`, `mean`, `mean + 1 SD`). */
export interface SimpleSlope extends Estimate {
  /** Same as `term`. */
  readonly at: string;
  /** Moderator value on its original scale. */
  readonly z: number;
}

/** Result of {@link moderation}. */
export interface ModerationResult {
  /** Coefficient table of y ~ X_c + Z_c + X_c·Z_c (+ controls | FE). */
  readonly coefficients: readonly CoefRow[];
  /** Names of the centred terms in `coefficients`: [X, Z, X·Z]. */
  readonly terms: readonly [string, string, string];
  readonly xMean: number;
  readonly zMean: number;
  readonly zSd: number;
  readonly simpleSlopes: readonly SimpleSlope[];
  /**
   * Johnson–Neyman: moderator values (original scale) where the slope of X is exactly significant
   * at `alpha`, and the regions of significance as intervals (±Infinity for unbounded ends).
   */
  readonly johnsonNeyman: {
    readonly bounds: readonly number[];
    readonly significant: readonly (readonly [number, number])[];
    /** Observed range of the moderator, to judge whether the bounds fall inside the data. */
    readonly zRange: readonly [number, number];
    /** Share of observations whose moderator value lies in a region of significance. */
    readonly shareSignificant: number;
    readonly critical: number;
  };
  readonly nobs: number;
  readonly vcov: string;
  readonly notes: readonly Note[];
}

/**
 * Moderation (interaction) analysis with centred variables (Aiken & West 1991):
 *
 *   y = β₁X_c + β₂Z_c + β₃X_c·Z_c + γ'C + FE + e,   X_c = X − X̄, Z_c = Z − Z̄ (sample means),
 *
 * fitted by {@link feols} with the chosen {@link vcov}. Simple slopes of X at Z = Z̄ + kSD
 * (k = −1, 0, 1; SD with n − 1): β₁ + β₃kSD with variance V₁₁ + (kSD)²V₃₃ + 2kSD·V₁₃, t with the
 * vcov's df. Johnson–Neyman (1936; Bauer & Curran 2005): solve (β₁ + β₃w)² = t²(V₁₁ + w²V₃₃ +
 * 2wV₁₃) for w = Z − Z̄, i.e. (β₃² − t²V₃₃)w² + 2(β₁β₃ − t²V₁₃)w + (β₁² − t²V₁₁) = 0; the slope
 * is significant where the left side exceeds the right (outside the roots when β₃² > t²V₃₃, between
 * them otherwise).
 */
export function moderation(panel: Panel, options: ModerationOptions): ModerationResult {
  const o = {
    controls: [] as readonly string[],
    fe: [] as readonly string[],
    vcov: 'iid' as VcovSpec | string,
    centre: true,
    alpha: 0.05,
    ...options,
  };
  if (o.x === o.z)
    throw new InputError(`the focal variable and the moderator are both "${o.x}"`, {
      hint: 'give two different variables',
    });
  const log = new NoteLog();
  const used = [o.y, o.x, o.z, ...o.controls];
  for (const v of used)
    if (!panel.columns[v])
      throw new InputError(`unknown column "${v}" in moderation`, {
        column: v,
        file: panel.meta.file,
        hint: `available numeric columns: ${Object.keys(panel.columns).slice(0, 30).join(', ')}`,
      });
  const keep = panel.entity.map((_, i) => used.every((v) => Number.isFinite(panel.columns[v][i])));
  const nDrop = keep.filter((k) => !k).length;
  const sample = nDrop ? filterRows(panel, keep) : panel;
  if (nDrop)
    log.info('dropped-rows', `${nDrop} rows with missing values were dropped before centring`, { count: nDrop });
  const x = sample.columns[o.x];
  const z = sample.columns[o.z];
  const xMean = o.centre ? mean(x) : 0;
  const zMean = o.centre ? mean(z) : 0;
  const zSd = sd(z);
  const xc = `${o.x}_c`;
  const zc = `${o.z}_c`;
  const centred = withColumns(sample, { [xc]: x.map((v) => v - xMean), [zc]: z.map((v) => v - zMean) });
  const fit = feols(centred, formulaOf(o.y, [xc, zc, [xc, zc], ...o.controls], o.fe));
  for (const n of fit.notes) log.add(n);
  const v = vcov(fit, o.vcov);
  const table = coefTable(fit, v, 1 - o.alpha);
  const names = v.names;
  const ix = names.indexOf(xc);
  const iz = names.indexOf(zc);
  const ixz = names.findIndex((nm) => nm === `${xc}:${zc}`);
  if (ix < 0 || iz < 0 || ixz < 0) {
    throw new InputError(
      `the interaction model dropped ${[ix < 0 ? o.x : '', iz < 0 ? o.z : '', ixz < 0 ? `${o.x}×${o.z}` : ''].filter(Boolean).join(', ')} as collinear`,
      {
        hint: 'a moderator constant within entities is absorbed by entity fixed effects; use it without FE or choose another moderator',
      },
    );
  }
  const K = names.length;
  const V = (a: number, b: number) => v.matrix.data[a + b * K];
  const b1 = table[ix].estimate;
  const b3 = table[ixz].estimate;
  const crit = criticalValue(v.df, 1 - o.alpha);
  const zBar = mean(z);
  const simpleSlopes = ([-1, 0, 1] as const).map((k) => {
    // w: the moderator on the model's scale (centred, or raw when centre = false).
    const w = (o.centre ? 0 : zBar) + k * zSd;
    const at = k === 0 ? 'mean' : `mean ${k < 0 ? '−' : '+'} 1 SD`;
    const se = Math.sqrt(V(ix, ix) + w * w * V(ixz, ixz) + 2 * w * V(ix, ixz));
    return { ...estimateRow(at, b1 + b3 * w, se, v.df, 1 - o.alpha, crit), at, z: zBar + k * zSd };
  });
  const jn = johnsonNeyman(b1, b3, V(ix, ix), V(ixz, ixz), V(ix, ixz), crit);
  const shift = (w: number) => w + zMean;
  const significant = jn.regions.map(([lo, hi]) => [shift(lo), shift(hi)] as const);
  let inside = 0;
  for (const zi of z) if (significant.some(([lo, hi]) => zi >= lo && zi <= hi)) inside++;
  let zMin = Infinity;
  let zMax = -Infinity;
  for (const zi of z) {
    zMin = Math.min(zMin, zi);
    zMax = Math.max(zMax, zi);
  }
  return {
    coefficients: table,
    terms: [xc, zc, `${xc}:${zc}`],
    xMean,
    zMean,
    zSd,
    simpleSlopes,
    johnsonNeyman: {
      bounds: jn.roots.map(shift),
      significant,
      zRange: [zMin, zMax],
      shareSignificant: inside / z.length,
      critical: crit,
    },
    nobs: fit.nobs,
    vcov: v.label,
    notes: log.notes,
  };
}

/**
 * Johnson–Neyman roots and regions of significance on the centred moderator scale w, for slope
 * β₁ + β₃w with variance v11 + w²v33 + 2w·v13 and critical value `crit`.
 */
export function johnsonNeyman(
  b1: number,
  b3: number,
  v11: number,
  v33: number,
  v13: number,
  crit: number,
): { roots: number[]; regions: [number, number][] } {
  const t2 = crit * crit;
  const A = b3 * b3 - t2 * v33;
  const B = 2 * (b1 * b3 - t2 * v13);
  const C = b1 * b1 - t2 * v11;
  const disc = B * B - 4 * A * C;
  if (A === 0) {
    if (B === 0) return { roots: [], regions: C > 0 ? [[-Infinity, Infinity]] : [] };
    const r = -C / B;
    return { roots: [r], regions: B > 0 ? [[r, Infinity]] : [[-Infinity, r]] };
  }
  if (disc <= 0) return { roots: [], regions: A > 0 ? [[-Infinity, Infinity]] : [] };
  // Numerically stable roots (avoid cancellation in −B ± √disc).
  const q = -0.5 * (B + Math.sign(B || 1) * Math.sqrt(disc));
  const r1 = q / A;
  const r2 = q !== 0 ? C / q : -r1;
  const [lo, hi] = r1 < r2 ? [r1, r2] : [r2, r1];
  return {
    roots: [lo, hi],
    regions:
      A > 0
        ? [
            [-Infinity, lo],
            [hi, Infinity],
          ]
        : [[lo, hi]],
  };
}
