import { describe, expect, it } from 'vitest';
import { coverage } from '../../src/data/coverage.js';
import { impute } from '../../src/data/impute.js';
import { makePanel } from '../../src/data/panel.js';
import { coverageSection } from '../../src/report/sections/coverage.js';
import { texts } from './svg.js';

// Three provinces × four years; x misses 3 of 12 cells, y misses 1, z none.
const panel = makePanel({
  entityColumn: 'id',
  periodColumn: 'year',
  entity: [
    'Beijing',
    'Beijing',
    'Beijing',
    'Beijing',
    'Tibet',
    'Tibet',
    'Tibet',
    'Tibet',
    'Gansu',
    'Gansu',
    'Gansu',
    'Gansu',
  ],
  period: [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4],
  columns: {
    x: [1, 2, 3, 4, NaN, 2, NaN, 4, 1, NaN, 3, 4],
    y: [1, 2, 3, 4, 1, 2, 3, NaN, 1, 2, 3, 4],
    z: [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4],
  },
  entities: [{ id: 'Beijing' }, { id: 'Tibet', nameZh: '西藏' }, { id: 'Gansu' }],
  meta: { name: 'toy', simulated: false },
});

describe('coverageSection', () => {
  const cov = coverage(panel, ['x', 'y', 'z']);
  const imp = impute(panel, { method: 'linear', columns: ['x', 'y', 'z'] });
  const s = coverageSection(panel, cov, imp, { names: { x: 'Indicator x' } });

  it('states the overall share observed and what imputation did', () => {
    const [intro, treated] = s.blocks;
    expect(intro).toEqual({
      kind: 'paragraph',
      text: '32 of 36 indicator cells are observed (88.9%); 0 entity-years have no row at all.',
    });
    expect(treated).toMatchObject({ kind: 'paragraph', text: expect.stringContaining('4 imputed, 0 rows dropped') });
  });

  it('charts coverage by indicator, worst first, in percent', () => {
    const fig = s.blocks.find((b) => b.kind === 'figure');
    if (fig?.kind !== 'figure') throw new Error('no figure');
    const words = texts(fig.svg);
    expect(words).toEqual(expect.arrayContaining(['Indicator x', 'y', 'z', '75.0', '91.7', '100.0']));
    expect(fig.svg.indexOf('>Indicator x<')).toBeLessThan(fig.svg.indexOf('>z<'));
  });

  it('lists the entities with the least data first, with Chinese names in Chinese', () => {
    const table = s.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows[0]).toEqual({ entity: 'Tibet', observed: 9, total: 12, share: 0.75 });
    const zh = coverageSection(panel, cov, imp, { lang: 'zh' }).blocks.find((b) => b.kind === 'table');
    if (zh?.kind !== 'table') throw new Error('no table');
    expect(zh.rows[0].entity).toBe('西藏');
  });
});
