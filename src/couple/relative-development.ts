/**
 * Relative development degree (相对发展度) of coupled subsystems.
 *
 * Two systems: E = U₁/U₂, the convention of most Chinese CCD papers. More than two systems: there is
 * no single ratio, so nqpf reports each system relative to the mean of all systems, E_i = U_i / Ū
 * (for n = 2 this is a monotone transform of U₁/U₂, but not the same number, so the two-system case
 * keeps the classic ratio).
 *
 * Status with thresholds (lo, hi), default (0.8, 1.2): E ≤ lo lagging (滞后), lo < E ≤ hi synchronous
 * (同步), E > hi leading (超前). Some papers use 0.9 and 1.1; pass `{ lagging: 0.9, leading: 1.1 }`.
 */
import type { Label } from '../core/label.js';
import { InputError } from '../core/errors.js';

/** Position of a system relative to the other(s). */
export type RelativeStatus = 'lagging' | 'synchronous' | 'leading';

/** English and Chinese names of the statuses. */
export const RELATIVE_STATUS_LABELS: Readonly<Record<RelativeStatus, Required<Label>>> = {
  lagging: { en: 'lagging', zh: '滞后' },
  synchronous: { en: 'synchronous', zh: '同步' },
  leading: { en: 'leading', zh: '超前' },
};

/** Cut-offs for the relative development degree. */
export interface RelativeThresholds {
  /** E ≤ lagging → lagging. Default 0.8. */
  readonly lagging: number;
  /** E > leading → leading. Default 1.2. */
  readonly leading: number;
}

/** Default cut-offs 0.8 / 1.2 (the most common in CCD papers). */
export const DEFAULT_RELATIVE_THRESHOLDS: RelativeThresholds = { lagging: 0.8, leading: 1.2 };

/** Relative development of one system. */
export interface RelativeDevelopment {
  readonly system: string;
  /** E (ratio); Infinity when the reference is 0 and this system is not, NaN when both are 0. */
  readonly E: number;
  readonly status: RelativeStatus | undefined;
}

/** Status of a ratio E under `thresholds`; undefined for NaN. */
export function relativeStatus(
  e: number,
  thresholds: RelativeThresholds = DEFAULT_RELATIVE_THRESHOLDS,
): RelativeStatus | undefined {
  if (Number.isNaN(e)) return undefined;
  if (e <= thresholds.lagging) return 'lagging';
  if (e > thresholds.leading) return 'leading';
  return 'synchronous';
}

/** Check that lagging < leading and both are positive. */
export function validateThresholds(t: RelativeThresholds): void {
  if (!(t.lagging > 0 && t.leading > t.lagging)) {
    throw new InputError(
      `relative development thresholds must satisfy 0 < lagging < leading (got ${t.lagging}, ${t.leading})`,
      {
        hint: 'e.g. 0.8,1.2 (default) or 0.9,1.1',
      },
    );
  }
}

/**
 * Relative development degree for one observation. Two systems: one entry for the first system,
 * E = U₁/U₂. n > 2: one entry per system, E_i = U_i/Ū.
 */
export function relativeDevelopment(
  u: ArrayLike<number>,
  systems: readonly string[],
  thresholds: RelativeThresholds = DEFAULT_RELATIVE_THRESHOLDS,
): RelativeDevelopment[] {
  const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? NaN : Infinity) : a / b);
  if (u.length === 2) {
    const e = ratio(u[0], u[1]);
    return [{ system: systems[0], E: e, status: relativeStatus(e, thresholds) }];
  }
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i];
  const m = s / u.length;
  return systems.map((system, i) => {
    const e = ratio(u[i], m);
    return { system, E: e, status: relativeStatus(e, thresholds) };
  });
}
