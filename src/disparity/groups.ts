/**
 * Grouping of observations for decomposable inequality measures: group index per observation and
 * the group names, in first-seen or given order.
 */
import { InputError } from '../core/errors.js';

/** Observations indexed by group. */
export interface Grouping {
  /** Group names; `index[i]` points into this array. */
  readonly names: readonly string[];
  readonly index: Int32Array;
  /** Members per group. */
  readonly sizes: readonly number[];
}

/**
 * Index observations by their group label. `order` fixes the order of groups (every label must be
 * in it); otherwise groups are sorted by name (numeric-aware), so results do not depend on row order.
 */
export function makeGrouping(labels: readonly string[], order?: readonly string[]): Grouping {
  const names = order ? [...order] : [...new Set(labels)].sort(new Intl.Collator('en', { numeric: true }).compare);
  const pos = new Map(names.map((g, i) => [g, i]));
  const index = new Int32Array(labels.length);
  const sizes = names.map(() => 0);
  labels.forEach((g, i) => {
    const k = pos.get(g);
    if (k === undefined)
      throw new InputError(`group "${g}" is not in the given group order`, { hint: `groups: ${names.join(', ')}` });
    index[i] = k;
    sizes[k]++;
  });
  return { names, index, sizes };
}

/** Check the values for inequality measures: finite and non-negative, with a positive mean. */
export function checkNonNegative(
  values: ArrayLike<number>,
  what: string,
  describe: (i: number) => string = (i) => `observation ${i + 1}`,
): void {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const y = values[i];
    if (!Number.isFinite(y))
      throw new InputError(`${what}: missing or infinite value at ${describe(i)}`, {
        hint: 'drop or impute missing values first',
      });
    if (y < 0) {
      throw new InputError(`${what}: negative value ${y} at ${describe(i)}`, {
        hint: 'inequality measures need non-negative values (levels such as GDP per worker or index scores, not growth rates or z-scores)',
      });
    }
    sum += y;
  }
  if (!(sum > 0))
    throw new InputError(`${what}: all values are zero`, { hint: 'inequality is undefined when the mean is 0' });
}
