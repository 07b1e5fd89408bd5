import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coherence, symmetricEigenvalues } from '../../src/robustness/coherence.js';
import path from 'node:path';
import { ROOT } from '../helpers/root.js';
import { expectClose } from '../helpers/expect.js';

const repoPath = (p: string) => path.join(ROOT, p);

// R 4.2.2 (base R: cor, cor(method = "spearman"), the alpha formula, eigen(cor(X)) = prcomp(X, scale. = TRUE)$sdev²);
// test/fixtures/robustness/coherence.R wrote the JSON from the CSV.
const ref = JSON.parse(readFileSync(repoPath('test/fixtures/robustness/coherence.json'), 'utf8'));
const lines = readFileSync(repoPath('test/fixtures/robustness/coherence-input.csv'), 'utf8').trim().split('\n');
const head = lines[0].split(',');
const col = (name: string) => Float64Array.from(lines.slice(1), (l) => Number(l.split(',')[head.indexOf(name)]));

describe('coherence against R', () => {
  const c = coherence({
    indicators: ['a1', 'a2', 'a3']
      .map((id) => ({ id, dimension: 'A', values: col(id) }))
      .concat(['b1', 'b2'].map((id) => ({ id, dimension: 'B', values: col(id) }))),
    dimensions: ['A', 'B'].map((id) => ({ id, values: col(id) })),
    index: col('index'),
  });

  it('Pearson and Spearman (average ranks for ties) of each indicator with its dimension and the index', () => {
    expect(c.indicators).toHaveLength(5);
    c.indicators.forEach((x, i) => {
      const r = ref.indicators[i];
      expect([x.id, x.dimension]).toEqual([r.id, r.dimension]);
      for (const k of ['pearsonDimension', 'spearmanDimension', 'pearsonIndex', 'spearmanIndex'] as const)
        expectClose(x[k], r[k], { rel: 1e-10, abs: 1e-10 });
    });
  });

  it('Cronbach’s alpha, PCA eigenvalues and variance shares per dimension', () => {
    expect(c.dimensions).toHaveLength(ref.dimensions.length);
    c.dimensions.forEach((d, i) => {
      const r = ref.dimensions[i];
      expect(d.id).toBe(r.id);
      expectClose(d.pearsonIndex, r.pearsonIndex, { rel: 1e-10, abs: 1e-10 });
      expectClose(d.spearmanIndex, r.spearmanIndex, { rel: 1e-10, abs: 1e-10 });
      expectClose(d.cronbachAlpha, r.cronbachAlpha, { rel: 1e-10, abs: 1e-10 });
      expect(d.eigenvalues).toHaveLength(r.eigenvalues.length);
      d.eigenvalues.forEach((l, k) => expectClose(l, r.eigenvalues[k], { rel: 1e-10, abs: 1e-10 }));
      expect(d.varianceShare).toHaveLength(r.varianceShare.length);
      d.varianceShare.forEach((l, k) => expectClose(l, r.varianceShare[k], { rel: 1e-10, abs: 1e-10 }));
    });
  });

  it('Jacobi eigenvalues: a known 3 × 3 matrix, and NaN for a constant indicator', () => {
    // [[2,1,0],[1,2,1],[0,1,2]]: eigenvalues 2 + √2, 2, 2 − √2.
    const ev = symmetricEigenvalues([
      [2, 1, 0],
      [1, 2, 1],
      [0, 1, 2],
    ]);
    [2 + Math.SQRT2, 2, 2 - Math.SQRT2].forEach((l, k) => expectClose(ev[k], l, { rel: 1e-10, abs: 1e-10 }));
    expect(
      symmetricEigenvalues([
        [1, NaN],
        [NaN, 1],
      ]).every(Number.isNaN),
    ).toBe(true);
  });
});
