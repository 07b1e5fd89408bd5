import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { filterRows } from '../../src/data/panel.js';
import { feols } from '../../src/explain/feols.js';
import { coefTable, vcov } from '../../src/explain/vcov.js';
import { mediation } from '../../src/explain/mechanisms/mediation.js';
import { readFixturePanel } from './feols-data.js';
import { fixturePanel } from './mechanism-helpers.js';

// Issue 7, point 6: invalid options were accepted silently (intervals came out null, lags beyond T).
describe('invalid options are errors', () => {
  it('a Driscoll–Kraay lag of 50 on 12 periods is an InputError naming the rule', () => {
    const g = readFixturePanel('grunfeld.csv', 'firm', 'year');
    const twelve = filterRows(
      g,
      Array.from(g.period, (t) => t <= g.periods[11]),
    );
    const fit = feols(twelve, 'inv ~ value + capital | firm');
    expect(() => vcov(fit, 'dk:50')).toThrow(InputError);
    expect(() => vcov(fit, 'dk:50')).toThrow(/smaller than the number of periods in the sample \(12\)/);
    expect(vcov(fit, 'dk:11').spec.lag).toBe(11);
  });
  it('a confidence level outside (0, 1) is an InputError in coefTable and mediation', () => {
    const g = readFixturePanel('grunfeld.csv', 'firm', 'year');
    const fit = feols(g, 'inv ~ value + capital | firm');
    expect(() => coefTable(fit, vcov(fit, 'iid'), 2)).toThrow(InputError);
    const panel = fixturePanel('test/fixtures/explain/mediation-data.csv');
    const o = { x: 'x', mediators: ['m1'], y: 'y', fe: ['id', 'year'], bootstrap: 0 };
    expect(() => mediation(panel, { ...o, level: 2 })).toThrow(/confidence level must be between 0 and 1 \(got 2\)/);
    expect(() => mediation(panel, { ...o, alpha: 0 })).toThrow(InputError);
  });
});
