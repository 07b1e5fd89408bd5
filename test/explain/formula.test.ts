import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/explain/formula.js';
import { InputError } from '../../src/core/errors.js';

describe('parseFormula (fixest grammar)', () => {
  it('parses terms, interactions, functions, fixed effects and the IV part', () => {
    const f = parseFormula('log(y) ~ x1 + x2 + x1:x2 + l(x3, 2) + d(x4) | id + year');
    expect(f.lhsLabel).toBe('log(y)');
    expect(f.terms.map((t) => t.label)).toEqual(['x1', 'x2', 'x1:x2', 'l(x3, 2)', 'd(x4, 1)']);
    expect(f.fixedEffects).toEqual(['id', 'year']);
    expect(f.intercept).toBe(false);
    const g = parseFormula('y ~ a*b + c');
    expect(g.terms.map((t) => t.label)).toEqual(['a', 'b', 'a:b', 'c']);
    expect(g.intercept).toBe(true);
    const iv = parseFormula('y ~ w | id | x ~ l(x, 1) + z');
    expect(iv.iv!.endogenous.map((t) => t.label)).toEqual(['x']);
    expect(iv.iv!.instruments.map((t) => t.label)).toEqual(['l(x, 1)', 'z']);
    expect(parseFormula('y ~ x - 1').intercept).toBe(false);
    expect(parseFormula('y ~ 0 + x').terms.map((t) => t.label)).toEqual(['x']);
    expect(parseFormula('y ~ x | e | a + b ~ z1 + z2').iv!.endogenous).toHaveLength(2);
    expect(parseFormula('y ~ l(x, -1)').terms[0].label).toBe('l(x, -1)');
    expect(parseFormula('y ~ `gdp growth`').terms[0].label).toBe('gdp growth');
  });

  it('throws InputErrors that point at the token and restate the grammar', () => {
    const cases: [string, RegExp][] = [
      ['y x1 + x2', /expected "~"/],
      ['y ~ x1 +', /expected a variable name, found the end/],
      ['y ~ sqrt(x)', /unknown function "sqrt\(\)"/],
      ['y ~ x1 | id | year', /too many "\|" parts/],
      ['y ~ x | l(id)', /plain variable names/],
      ['y ~ x1 + x1', /appears twice/],
      ['y ~ x $ z', /unexpected character "\$"/],
      ['y ~ l(x, k)', /whole number k/],
      ['', /empty formula/],
    ];
    for (const [text, re] of cases) {
      let err: unknown;
      try {
        parseFormula(text);
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(InputError);
      expect((err as InputError).message).toMatch(re);
      expect((err as InputError).hint).toMatch(/y ~ x1 \+ x2/);
    }
    try {
      parseFormula('y ~ x1 + sqrt(x)');
    } catch (e) {
      // caret under the offending token (position 10 → 9 spaces)
      expect((e as Error).message.split('\n').pop()).toBe(' '.repeat(9) + '^');
    }
  });
});
