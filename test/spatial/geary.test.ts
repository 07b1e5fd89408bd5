import { afterAll, describe, it } from 'vitest';
import { gearyTest } from '../../src/spatial/geary.js';
import { allCases, expectRel, maxErr, weightsFor } from './spdep-fixtures.js';

describe('gearyTest against spdep 1.2.7 geary.test', () => {
  afterAll(() => console.log(`geary: max relative error vs spdep ${maxErr.value.toExponential(2)}`));
  for (const c of allCases) {
    it(c.name, () => {
      const w = weightsFor(c);
      const r = gearyTest(c.x, w);
      expectRel(r.C, c.geary.C, 1e-10, 'C');
      expectRel(r.variance, c.geary.varRand, 1e-10, 'varRand');
      expectRel(r.z, c.geary.zRand, 1e-10, 'zRand');
      expectRel(r.pValue, c.geary.pRand, 1e-10, 'pRand');
      const nr = gearyTest(c.x, w, { randomisation: false });
      expectRel(nr.variance, c.geary.varNorm, 1e-10, 'varNorm');
      expectRel(nr.z, c.geary.zNorm, 1e-10, 'zNorm');
      expectRel(nr.pValue, c.geary.pNorm, 1e-10, 'pNorm');
    });
  }
});
