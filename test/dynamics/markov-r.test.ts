import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { markovChain, spatialMarkov } from '../../src/dynamics/index.js';
import { makePanel } from '../../src/data/panel.js';
import { contiguityWeights } from '../../src/spatial/weights.js';
import { expectClose } from '../helpers/expect.js';

// Reference: an independent R implementation with plain loops (test/fixtures/dynamics/markov.R) on
// china-sim rd_intensity (SIMULATED) with the built-in province borders; inputs are in the JSON.
const fx = JSON.parse(readFileSync(new URL('../fixtures/dynamics/markov.json', import.meta.url), 'utf8'));
const panel = makePanel({
  entityColumn: 'province',
  periodColumn: 'year',
  entity: fx.input.province,
  period: fx.input.year,
  columns: { rd_intensity: fx.input.rd_intensity.map((v: number | null) => (v === null ? NaN : v)) },
});
const w = contiguityWeights(
  panel.entities.map((e) => e.id),
  fx.input.borders as { a: string; b: string }[],
);

describe('Markov chains vs an independent R implementation (china-sim, simulated)', () => {
  it('classical: breaks, counts, probabilities, ergodic distribution', () => {
    const r = markovChain(panel, 'rd_intensity');
    expect(r.breaks[0]).toHaveLength(fx.breaks.length);
    r.breaks[0].forEach((b, i) => expectClose(b, fx.breaks[i]));
    expect(r.transitions.counts).toEqual(fx.counts);
    expect(r.transitions.probabilities).toHaveLength(fx.probabilities.length);
    r.transitions.probabilities.forEach((row, i) => row.forEach((p, j) => expectClose(p, fx.probabilities[i][j])));
    expect(r.ergodic).toHaveLength(fx.ergodic.length);
    r.ergodic.forEach((p, i) => expectClose(p, fx.ergodic[i]));
  });
  it('spatial: lags, lag breaks, conditional counts and the homogeneity test', () => {
    const r = spatialMarkov(panel, 'rd_intensity', w);
    expect(r.lagBreaks[0]).toHaveLength(fx.lagBreaks.length);
    r.lagBreaks[0].forEach((b, i) => expectClose(b, fx.lagBreaks[i]));
    expect(r.lag).toHaveLength(fx.lag.length);
    Array.from(r.lag).forEach((v, i) =>
      fx.lag[i] === null ? expect(Number.isNaN(v)).toBe(true) : expectClose(v, fx.lag[i]),
    );
    expect(r.conditional).toHaveLength(fx.conditional.length);
    r.conditional.forEach((m, l) => expect(m.counts).toEqual(fx.conditional[l]));
    expect(r.pooled.counts).toEqual(fx.pooledConditional);
    expectClose(r.test.LR, fx.LR);
    expectClose(r.test.chi2, fx.chi2);
    expect(r.test.df).toBe(fx.df);
    expectClose(r.test.pLR, fx.pLR);
    expectClose(r.test.pChi2, fx.pChi2);
  });
});
