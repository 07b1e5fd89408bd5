import { describe, expect, it } from 'vitest';
import { makePanel } from '../../src/data/panel.js';
import { coverage } from '../../src/data/coverage.js';
import { impute } from '../../src/data/impute.js';
import { couplingCoordination } from '../../src/couple/coupling-coordination.js';
import { dataDormancy } from '../../src/diagnose/dormancy.js';
import { dimensionImbalance, structuralDisorder } from '../../src/diagnose/disorder.js';
import { ecologicalIsolation } from '../../src/diagnose/isolation.js';
import { localMoran } from '../../src/spatial/local-moran.js';
import { contiguityWeights } from '../../src/spatial/weights.js';

const NaN_ = Number.NaN;
const panel = makePanel({
  entityColumn: 'id',
  periodColumn: 'year',
  entity: ['A', 'A', 'A', 'B', 'B', 'B'],
  period: [1, 2, 3, 1, 2, 3],
  columns: {
    x: [1, NaN_, 3, 4, 5, 6],
    y: [NaN_, NaN_, 1, NaN_, 2, 3],
  },
});

describe('dataDormancy', () => {
  it('counts observed and imputed shares per indicator and entity', () => {
    const cov = coverage(panel, ['x', 'y']);
    const imp = impute(panel, { method: 'linear', columns: ['x', 'y'] });
    const d = dataDormancy(cov, imp.imputed);
    const x = d.indicators.find((i) => i.id === 'x')!;
    const y = d.indicators.find((i) => i.id === 'y')!;
    expect(x.observedShare).toBeCloseTo(5 / 6, 15);
    expect(x.imputedShare).toBeCloseTo(1 / 6, 15);
    expect(x.dormant).toBe(false);
    expect(y.observedShare).toBeCloseTo(3 / 6, 15);
    expect(y.imputedShare).toBeCloseTo(3 / 6, 15);
    expect(y.dormant).toBe(true);
    expect(y.mostlyImputed).toBe(true);
    expect(d.dormantIndicators).toEqual(['y']);
    // entity A: 3 of 6 cells observed; B: 5 of 6
    expect(d.dormantEntities).toEqual(['A']);
    expect(d.overallObservedShare).toBeCloseTo(8 / 12, 15);
    expect(d.overallImputedShare).toBeCloseTo(4 / 12, 15);
  });
});

describe('structuralDisorder', () => {
  it('flags D < 0.5 and lagging or leading systems from coupling rows', () => {
    const scores = {
      entity: ['A', 'B', 'C'],
      period: [1, 1, 1],
      columns: { u1: [0.1, 0.6, 0.8], u2: [0.5, 0.62, 0.3] },
    };
    const cc = couplingCoordination(scores, ['u1', 'u2']);
    const r = structuralDisorder(cc.rows, { systems: cc.systems });
    const byId = Object.fromEntries(r.rows.map((x) => [x.entity, x]));
    // A: U1/U2 = 0.2 → u1 lagging; D = √(C·T) with T = 0.3 → below 0.5
    expect(byId.A.lagging).toEqual(['u1']);
    expect(byId.A.leading).toEqual(['u2']); // E = U1/U2 < 0.8: u2 leads
    expect(byId.A.imbalanced).toBe(true);
    // B: E = 0.6/0.62 ≈ 0.97 synchronous; D = √(C·0.61) ≈ 0.78
    expect(byId.B.disordered).toBe(false);
    // C: E = 0.8/0.3 ≈ 2.67 leading
    expect(byId.C.leading).toEqual(['u1']);
    expect(byId.C.lagging).toEqual(['u2']);
    expect(r.periods[0].disorderedShare).toBeCloseTo(2 / 3, 15);
    expect(r.periods[0].laggingCount).toEqual({ u1: 1, u2: 1 });
    expect(r.latest.map((x) => x.entity)).toEqual(['A', 'C']);
  });

  it('measures imbalance between plain dimension scores', () => {
    const d = dimensionImbalance({ a: 1, b: 2, c: 3 });
    expect(d.cv).toBeCloseTo(Math.sqrt(2 / 3) / 2, 15);
    expect(d.maxMinRatio).toBe(3);
    expect(d.weakest).toBe('a');
    expect(dimensionImbalance({ a: 2, b: 2 }).cv).toBe(0);
  });
});

describe('ecologicalIsolation', () => {
  it('separates low-low clusters, islands and entities without a significant tie', () => {
    // two low values next to each other on a chain, highs at the other end, E an island
    const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const pairs = [
      ['A', 'B'],
      ['B', 'C'],
      ['C', 'D'],
      ['D', 'F'],
      ['F', 'G'],
      ['G', 'H'],
      ['A', 'C'],
      ['F', 'H'],
    ].map(([a, b]) => ({ a, b }));
    const w = contiguityWeights(ids, pairs);
    const x = [1, 1.1, 1.2, 5, 3, 9, 9.5, 9.8];
    const lisa = localMoran(x, w, { alpha: 0.2 });
    const iso = ecologicalIsolation(
      lisa.rows,
      w.isolates.map((i) => w.ids[i]),
    );
    expect(iso.islands).toEqual(['E']);
    for (const e of iso.lowLow) expect(lisa.rows.find((r) => r.entity === e)!.cluster).toBe('LL');
    expect(iso.lowLow.length).toBeGreaterThan(0);
    expect(iso.rows.find((r) => r.entity === 'E')!.status).toBe('island');
    expect(iso.noSignificantTie).toEqual(
      lisa.rows.filter((r) => r.cluster === 'NS' && r.entity !== 'E').map((r) => r.entity),
    );
    expect(iso.isolatedShare).toBeCloseTo((iso.lowLow.length + 1) / 8, 15);
  });
});
