import { describe, expect, it } from 'vitest';
import { makePanel } from '../../src/data/panel.js';
import { spatialMarkov } from '../../src/dynamics/spatial-markov.js';
import { contiguityWeights } from '../../src/spatial/weights.js';

// Six regions on a ring, five periods, with a few missing values. The same data written two ways:
// a blank cell (the row is there, its value NaN) or no row at all.
const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
const w = contiguityWeights(
  ids,
  ids.map((a, i) => ({ a, b: ids[(i + 1) % ids.length] })),
);
const value = (e: number, t: number) => 1 + ((e * 7 + t * 3) % 11) + 0.5 * t;
const missing = new Set(['B 2', 'E 3', 'A 4', 'D 1']);

function panel(writeMissingAs: 'blank' | 'absent') {
  const entity: string[] = [];
  const period: number[] = [];
  const y: number[] = [];
  ids.forEach((id, e) => {
    for (let t = 0; t < 5; t++) {
      const gone = missing.has(`${id} ${t}`);
      if (gone && writeMissingAs === 'absent') continue;
      entity.push(id);
      period.push(2000 + t);
      y.push(gone ? NaN : value(e, t));
    }
  });
  return makePanel({ entityColumn: 'region', periodColumn: 'year', entity, period, columns: { y } });
}

describe('spatial Markov does not depend on how a missing value is written', () => {
  for (const classes of ['pooled', 'per-period'] as const) {
    it(`blank cells and absent rows give the same lag breaks, matrices and test (${classes} classes)`, () => {
      const blank = spatialMarkov(panel('blank'), 'y', w, { k: 3, classes });
      const absent = spatialMarkov(panel('absent'), 'y', w, { k: 3, classes });
      expect(absent.lagBreaks).toEqual(blank.lagBreaks);
      expect(absent.breaks).toEqual(blank.breaks);
      expect(absent.conditional.map((m) => m.counts)).toEqual(blank.conditional.map((m) => m.counts));
      expect(absent.test.LR).toBe(blank.test.LR);
      expect(absent.nTransitions).toBe(blank.nTransitions);
    });
  }
});
