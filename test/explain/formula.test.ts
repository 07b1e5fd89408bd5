import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/explain/formula.js';
import { InputError } from '../../src/core/errors.js';

describe('parseFormula (fixest grammar)', () => {
  it('parses terms, interactions, functions, fixed effects and the IV part', () => {
    const f = parseFormula('log(y) ~ x1 + x2 + x1:x2 + l(x3, 2) + d(x4) | id + year');
    expect(f.lhsLabel).toBe('log(y)');
    // main effects before interactions, as R's terms() orders them (lm, fixest)
    expect(f.terms.map((t) => t.label)).toEqual(['x1', 'x2', 'l(x3, 2)', 'd(x4, 1)', 'x1:x2']);
    expect(f.fixedEffects).toEqual(['id', 'year']);
    expect(f.intercept).toBe(false);
    const g = parseFormula('y ~ a*b + c');
    expect(g.terms.map((t) => t.label)).toEqual(['a', 'b', 'c', 'a:b']);
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
      ['y ~ foo(x)', /unknown function "foo\(\)"/],
      ['y ~ x^2', /not a power: write I\(x\^2\)/],
      ['y ~ (a + b)', /parentheses at the top level/],
      ['y ~ 2 + x', /unexpected number "2" \(arithmetic goes inside I\(\)\)/],
      ['y ~ x | a^', /fixed-effect variable name after "\^"/],
      ['y ~ poly(x)', /degree/],
      ['y ~ poly(x, 2, raw = maybe)', /TRUE or FALSE/],
      ['y ~ I(x +)', /expected a variable, a number or "\("/],
      ['y ~ x | id + id', /appears twice/],
      ['y ~ x | id[z', /expected "\]"/],
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
      parseFormula('y ~ x1 + foo(x)');
    } catch (e) {
      // caret under the offending token (position 10 → 9 spaces)
      expect((e as Error).message.split('\n').pop()).toBe(' '.repeat(9) + '^');
    }
  });
});

describe('parseFormula: arithmetic, poly(), combined fixed effects and varying slopes', () => {
  it('labels arithmetic as R deparses it (fixest coefficient names)', () => {
    const f = parseFormula(
      'log(y+1) ~ I(x^2) + log(z + 1) + I(a*b/2) + sqrt(abs(x)) + exp(-x) + I((x - 1)^2) + log1p(z)',
    );
    expect(f.lhsLabel).toBe('log(y + 1)');
    expect(f.terms.map((t) => t.label)).toEqual([
      'I(x^2)',
      'log(z + 1)',
      'I(a * b/2)',
      'sqrt(abs(x))',
      'exp(-x)',
      'I((x - 1)^2)',
      'log1p(z)',
    ]);
    expect(parseFormula('y ~ I(x * 1e6) + I(x / 100000) + I(x * 0.5) + I(2^-1 * x)').terms.map((t) => t.label)).toEqual(
      ['I(x * 1e+06)', 'I(x/1e+05)', 'I(x * 0.5)', 'I(2^-1 * x)'],
    );
    expect(parseFormula('y ~ l(log(x), 1)').terms[0].label).toBe('l(log(x), 1)');
  });
  it('expands poly() into one term per degree, also inside interactions', () => {
    expect(parseFormula('y ~ poly(x, 2) + z').terms.map((t) => t.label)).toEqual(['poly(x, 2)1', 'poly(x, 2)2', 'z']);
    expect(parseFormula('y ~ poly(x, 2, raw = TRUE)').terms.map((t) => t.label)).toEqual([
      'poly(x, 2, raw = TRUE)1',
      'poly(x, 2, raw = TRUE)2',
    ]);
    expect(parseFormula('y ~ poly(x, 2):z').terms.map((t) => t.label)).toEqual(['poly(x, 2)1:z', 'poly(x, 2)2:z']);
    expect(parseFormula('y ~ poly(x, 2)*z').terms.map((t) => t.label)).toEqual([
      'poly(x, 2)1',
      'poly(x, 2)2',
      'z',
      'poly(x, 2)1:z',
      'poly(x, 2)2:z',
    ]);
    expect(parseFormula('y ~ poly(x, 2):z + w').terms.map((t) => t.label)).toEqual([
      'w',
      'poly(x, 2)1:z',
      'poly(x, 2)2:z',
    ]);
  });
  it('combined fixed effects a^b and varying slopes fe[x], fe[[x]]', () => {
    const f = parseFormula('y ~ x | id + industry^year');
    expect(f.fixedEffects).toEqual(['id', 'industry^year']);
    const g = parseFormula('y ~ x | year + id[t] + region[[t, t2]]');
    expect(g.fixedEffects).toEqual(['year']);
    expect(g.varyingSlopes).toEqual([
      { fe: 'id', slopes: ['t'], intercept: true, label: 'id[t]', position: 1 },
      { fe: 'region', slopes: ['t', 't2'], intercept: false, label: 'region[[t, t2]]', position: 2 },
    ]);
    expect(g.intercept).toBe(false);
    // slopes alone (fe[[x]]) absorb no intercept
    expect(parseFormula('y ~ x | id[[t]]').intercept).toBe(true);
  });
});
