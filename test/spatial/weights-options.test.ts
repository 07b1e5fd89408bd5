import { describe, expect, it } from 'vitest';
import { makePanel } from '../../src/data/panel.js';
import { InputError } from '../../src/core/errors.js';
import { weightsFromOptions } from '../../src/cli/commands/moran.js';
import { crossSection } from '../../src/spatial/cross-section.js';
import { economicDistanceWeights } from '../../src/spatial/weights.js';

const panel = makePanel({
  entityColumn: 'id',
  periodColumn: 'year',
  entity: ['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D'],
  period: [1, 2, 1, 2, 1, 2, 1, 2],
  columns: { v: [1, 2, 3, 4, 5, NaN, 7, 8], gdp: [10, 12, 20, 20, 31, 33, 50, NaN] },
});

describe('weightsFromOptions (CLI weight flags)', () => {
  it('builds economic-distance weights on entity means over all periods', async () => {
    const s = crossSection(panel, 'v', 2);
    expect(s.ids).toEqual(['A', 'B', 'D']);
    const w = await weightsFromOptions(panel, s, { data: 'x.csv', economic: 'gdp', power: 1, style: 'W' });
    const ref = economicDistanceWeights(['A', 'B', 'D'], [11, 20, 50]);
    expect(w.weights.map((r) => Array.from(r))).toEqual(ref.weights.map((r) => Array.from(r)));
  });

  it('refuses two kinds of weights at once, and a dataset without a neighbour source', async () => {
    const s = crossSection(panel, 'v');
    await expect(
      weightsFromOptions(panel, s, { data: 'x.csv', economic: 'gdp', distance: 'lat,lon', power: 1, style: 'W' }),
    ).rejects.toThrow(/--distance and --economic/);
    await expect(weightsFromOptions(panel, s, { data: 'x.csv', power: 1, style: 'W' })).rejects.toBeInstanceOf(
      InputError,
    );
  });
});
