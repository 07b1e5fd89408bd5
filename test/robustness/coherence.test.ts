import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coherence, symmetricEigenvalues } from '../../src/robustness/coherence.js';
import path from 'node:path';
import { ROOT } from '../helpers/root.js';

const repoPath = (p: string) => path.join(ROOT, p);

// R 4.2.2 (base R: cor, cor(method = "spearman"), the alpha formula, eigen(cor(X)) = prcomp(X, scale. = TRUE)$sdev²);
// test/fixtures/robustness/coherence.R wrote the JSON from the CSV.
const ref = JSON.parse(readFileSync(repoPath('test/fixtures/robustness/coherence.json'), 'utf8'));
const lines = readFileSync(repoPath('test/fixtures/robustness/coherence-input.csv'), 'utf8').trim().split('\n');
const head = lines[0].split(',');
const col = (name: string) => Float64Array.from(lines.slice(1), (l) => Number(l.split(',')[head.indexOf(name)]));

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(b)));

describe('coherence against R', () => {
  const c = coherence({
    indicators: ['a1', 'a2', 'a3'].map((id) => ({ id, dimension: 'A', values: col(id) })).concat(['b1', 'b2'].map((id) => ({ id, dimension: 'B', values: col(id) }))),
    dimensions: ['A', 'B'].map((id) => ({ id, values: col(id) })),
    index: col('index'),
  });

  it('Pearson and Spearman (average ranks for ties) of each indicator with its dimension and the index', () => {
    expect(c.indicators).toHaveLength(5);
    c.indicators.forEach((x, i) => {
      const r = ref.indicators[i];
      expect([x.id, x.dimension]).toEqual([r.id, r.dimension]);
      for (const k of ['pearsonDimension', 'spearmanDimension', 'pearsonIndex', 'spearmanIndex'] as const) close(x[k], r[k]);
    });
  });

  it('Cronbach’s alpha, PCA eigenvalues and variance shares per dimension', () => {
    c.dimensions.forEach((d, i) => {
      const r = ref.dimensions[i];
      expect(d.id).toBe(r.id);
      close(d.pearsonIndex, r.pearsonIndex);
      close(d.spearmanIndex, r.spearmanIndex);
      close(d.cronbachAlpha, r.cronbachAlpha);
      expect(d.eigenvalues).toHaveLength(r.eigenvalues.length);
      d.eigenvalues.forEach((l, k) => close(l, r.eigenvalues[k]));
      d.varianceShare.forEach((l, k) => close(l, r.varianceShare[k]));
    });
  });

  it('Jacobi eigenvalues: a known 3 × 3 matrix, and NaN for a constant indicator', () => {
    // [[2,1,0],[1,2,1],[0,1,2]]: eigenvalues 2 + √2, 2, 2 − √2.
    const ev = symmetricEigenvalues([[2, 1, 0], [1, 2, 1], [0, 1, 2]]);
    [2 + Math.SQRT2, 2, 2 - Math.SQRT2].forEach((l, k) => close(ev[k], l));
    expect(symmetricEigenvalues([[1, NaN], [NaN, 1]]).every(Number.isNaN)).toBe(true);
  });
});
