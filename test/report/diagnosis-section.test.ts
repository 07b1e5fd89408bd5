import { describe, expect, it } from 'vitest';
import { makePanel } from '../../src/data/panel.js';
import { coverage } from '../../src/data/coverage.js';
import { impute } from '../../src/data/impute.js';
import { couplingCoordination } from '../../src/couple/coupling-coordination.js';
import { dataDormancy } from '../../src/diagnose/dormancy.js';
import { structuralDisorder } from '../../src/diagnose/disorder.js';
import { ecologicalIsolation } from '../../src/diagnose/isolation.js';
import { diagnosisSection } from '../../src/report/sections/diagnosis.js';
import { renderReport } from '../../src/report/document.js';
import { reportDataset } from '../../src/report/sections/measure.js';

// Three entities, two periods, two systems; x2 is missing for A in 2021 (imputed) and for C always.
const panel = makePanel({
  entityColumn: 'id',
  periodColumn: 'year',
  entity: ['A', 'A', 'B', 'B', 'C', 'C'],
  period: [2020, 2021, 2020, 2021, 2020, 2021],
  columns: { u1: [0.1, 0.2, 0.6, 0.62, 0.8, 0.8], u2: [0.5, 0.5, 0.62, 0.6, 0.3, 0.3], x2: [1, NaN, 2, 3, NaN, NaN] },
  meta: { name: 'toy', simulated: true },
});

describe('diagnosisSection', () => {
  const cov = coverage(panel, ['u1', 'u2', 'x2']);
  const imp = impute(panel, { method: 'linear', columns: ['u1', 'u2', 'x2'] });
  const cc = couplingCoordination(panel, ['u1', 'u2']);
  const disorder = structuralDisorder(cc.rows, { systems: cc.systems });
  const isolation = ecologicalIsolation(
    [
      { entity: 'A', cluster: 'LL', quadrant: 'LL' },
      { entity: 'B', cluster: 'NS', quadrant: 'HH' },
      { entity: 'C', cluster: 'HH', quadrant: 'HH' },
    ],
    [],
  );
  const section = diagnosisSection(panel, {
    dormancy: dataDormancy(cov, imp.imputed),
    disorder,
    isolation,
    isolationPeriod: 2021,
  });
  const html = renderReport({ title: 'toy', datasets: [reportDataset(panel)], sections: [section] });

  it('has the three problems, each with its figures', () => {
    for (const h of ['Data dormancy', 'Structural disorder', 'Ecological isolation']) expect(html).toContain(h);
    // x2 is observed in 3 of 6 cells (50% < 65%): the one dormant indicator. No entity is dormant:
    // C, the sparsest, has 4 of 6 cells (67%).
    expect(html).toContain('Dormant indicators (see the data coverage section): x2');
    expect(html).toContain('Dormant entities: —');
    expect(html).toContain('<svg');
  });

  it('counts lagging systems on both sides of a two-system coupling, with integer counts', () => {
    // 2021: A has u1/u2 = 0.4 (u1 lags), C has 2.67 (u2 lags), B is synchronous.
    expect(disorder.periods[1].laggingCount).toEqual({ u1: 1, u2: 1 });
    expect(html).toMatch(/<td[^>]*>u1<\/td>\s*<td[^>]*>1<\/td>/);
    expect(html).toMatch(/<td[^>]*>u2<\/td>\s*<td[^>]*>1<\/td>/);
  });

  it('lists isolated entities with counts that match the lists', () => {
    expect(isolation.lowLow).toEqual(['A']);
    expect(isolation.noSignificantTie).toEqual(['B']);
    expect(html).toMatch(/Low-low cluster<\/td>\s*<td[^>]*>1<\/td>\s*<td[^>]*>A<\/td>/);
    expect(html).toMatch(/No significant tie<\/td>\s*<td[^>]*>1<\/td>\s*<td[^>]*>B<\/td>/);
  });
});
