import { describe, expect, it } from 'vitest';
import { makePanel } from '../../src/data/panel.js';
import { regressionTable, type TableModel } from '../../src/report/regression-table.js';
import { renderReport } from '../../src/report/document.js';
import { reportDataset } from '../../src/report/sections/measure.js';
import { regressionSection, regressionTableBlock } from '../../src/report/sections/regression.js';

const panel = makePanel({
  entityColumn: 'id',
  periodColumn: 'year',
  entity: ['a', 'a', 'b', 'b'],
  period: [1, 2, 1, 2],
  columns: { y: [1, 2, 3, 4] },
  meta: { name: 'toy-sim', simulated: true },
});

// Hand-written models (not fitted): the table layout is what is under test.
const models: TableModel[] = [
  {
    depVar: 'nqpf',
    coefficients: [{ term: 'innovation', estimate: 0.4123, stdError: 0.05, pValue: 0.001 }],
    fixedEffects: ['province', 'year'],
    nobs: 372,
    r2: 0.91,
    r2Within: 0.42,
    vcov: 'Clustered (province)',
  },
  {
    depVar: 'industry',
    coefficients: [{ term: 'innovation', estimate: 0.2, stdError: 0.1, pValue: 0.07 }],
    fixedEffects: ['province'],
    nobs: 372,
    r2: 0.8,
    vcov: 'Clustered (province)',
  },
];

describe('regressionSection', () => {
  const table = regressionTable(models, { labels: { innovation: 'Innovation' } });
  const section = regressionSection(panel, {
    intro: 'Two-way fixed effects.',
    tables: [{ caption: 'Baseline <1>', table }],
    truth: [
      { label: 'β (innovation → NQPF)', truth: 0.4, estimate: 0.4123, ciLow: 0.31, ciHigh: 0.51 },
      { label: 'a (innovation → industry)', truth: 0.5, estimate: 0.2, ciLow: 0.0, ciHigh: 0.4 },
    ],
  });
  const html = renderReport({ title: 'x', datasets: [reportDataset(panel)], sections: [section] });

  it('lays out coefficients with stars, SEs in parentheses, FE rows and statistics', () => {
    const grid = regressionTableBlock(table);
    expect(grid.rows.map((r) => r.cells[0])).toEqual([
      'Innovation',
      '',
      'province FE',
      'year FE',
      'N',
      'R²',
      'Within R²',
    ]);
    expect(grid.rows[0].cells).toEqual(['Innovation', '0.412***', '0.200*']);
    expect(grid.rows[1]).toEqual({ cells: ['', '(0.0500)', '(0.1000)'], style: 'muted' });
    expect(grid.rows[2].style).toBe('rule');
    expect(html).toContain('<td class="al-center">0.412***</td>');
    expect(html).toContain('<tr class="muted"><td class="al-left"></td><td class="al-center">(0.0500)</td>');
    expect(html).toContain('Table 1. Baseline &lt;1&gt;');
    expect(html).toContain('Clustered (province) standard errors in parentheses.');
  });

  it('says whether each interval covers the true parameter', () => {
    const truth = section.blocks.find((b) => b.kind === 'table');
    if (truth?.kind !== 'table') throw new Error('no table');
    expect(truth.rows.map((r) => r.covered)).toEqual(['yes', 'no']);
    expect(html).toContain('SIMULATED DATA');
  });
});
