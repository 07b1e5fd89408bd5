/**
 * Classification of the coupling coordination degree D (ten levels) and the coupling degree C (four
 * levels), as in 地理学报 2021, 76(4), Table 1 (the table most Chinese papers copy).
 *
 * Intervals are closed on the left, open on the right, except the top one which includes 1:
 * D = 0.5 is "barely coordinated" (勉强协调), D = 1 is "high-quality coordination".
 */
import type { Label } from '../core/label.js';

/** One class of a banded scale: [lower, upper) with its bilingual name. */
export interface LevelBand {
  readonly lower: number;
  readonly upper: number;
  /** 1 = lowest band. */
  readonly rank: number;
  readonly label: Required<Label>;
}

const band = (lower: number, upper: number, rank: number, en: string, zh: string): LevelBand => ({
  lower,
  upper,
  rank,
  label: { en, zh },
});

/** Ten levels of the coupling coordination degree D. */
export const COORDINATION_LEVELS: readonly LevelBand[] = [
  band(0, 0.1, 1, 'extreme imbalance', '极度失调'),
  band(0.1, 0.2, 2, 'serious imbalance', '严重失调'),
  band(0.2, 0.3, 3, 'moderate imbalance', '中度失调'),
  band(0.3, 0.4, 4, 'mild imbalance', '轻度失调'),
  band(0.4, 0.5, 5, 'on the verge of imbalance', '濒临失调'),
  band(0.5, 0.6, 6, 'barely coordinated', '勉强协调'),
  band(0.6, 0.7, 7, 'primary coordination', '初级协调'),
  band(0.7, 0.8, 8, 'intermediate coordination', '中级协调'),
  band(0.8, 0.9, 9, 'good coordination', '良好协调'),
  band(0.9, 1, 10, 'high-quality coordination', '优质协调'),
];

/** Four levels of the coupling degree C. */
export const COUPLING_LEVELS: readonly LevelBand[] = [
  band(0, 0.3, 1, 'low-level coupling', '低水平耦合'),
  band(0.3, 0.5, 2, 'antagonism', '拮抗'),
  band(0.5, 0.8, 3, 'running-in', '磨合'),
  band(0.8, 1, 4, 'high-level coupling', '高水平耦合'),
];

/**
 * The band of `value` in `bands` (left-closed, the last band closed on both sides); undefined for NaN
 * or values outside [first lower, last upper].
 *
 * The comparison is against the decimal cut-offs as written (0.1, 0.2, ...), so D = 0.3 exactly is
 * "mild imbalance", as the table reads.
 */
export function levelOf(value: number, bands: readonly LevelBand[]): LevelBand | undefined {
  if (!Number.isFinite(value)) return undefined;
  const last = bands[bands.length - 1];
  if (value === last.upper) return last;
  return bands.find((b) => value >= b.lower && value < b.upper);
}

/** Ten-level class of the coupling coordination degree D. */
export function coordinationLevel(d: number): LevelBand | undefined {
  return levelOf(d, COORDINATION_LEVELS);
}

/** Four-level class of the coupling degree C. */
export function couplingLevel(c: number): LevelBand | undefined {
  return levelOf(c, COUPLING_LEVELS);
}
