import { describe, expect, it } from 'vitest';
import { makePanel } from '../../src/data/panel.js';
import { loadFramework } from '../../src/framework/load.js';
import { validateAgainstPanel } from '../../src/framework/validate-panel.js';
import { inputError } from '../helpers/expect.js';

const MINIMAL = `systems:
  - id: idx
    name: Test index
    dimensions:
      - id: d1
        name: Dimension one
        indicators:
          - id: x1
            column: x1
            direction: "+"      # "+"/"-"; also benefit/cost
`;

describe('loadFramework', () => {
  it('accepts the minimal framework file of docs/measure.md as it is', () => {
    const f = loadFramework(MINIMAL, 'minimal.yaml');
    expect(f.id).toBe('minimal');
    expect(f.systems[0].name).toEqual({ en: 'Test index' });
    expect(f.systems[0].dimensions[0].indicators?.[0]).toEqual({
      id: 'x1',
      column: 'x1',
      direction: '+',
      name: { en: 'x1' },
    });
    expect(f.notes).toBeUndefined();
  });

  it('accepts JSON, parsed objects, {en, zh} names and benefit/cost directions', () => {
    const obj = {
      systems: [
        {
          id: 's',
          name: { en: 'Index', zh: '指数' },
          dimensions: [{ id: 'd', indicators: [{ id: 'a', column: 'a', direction: 'cost', unit: '%' }] }],
        },
      ],
    };
    for (const input of [obj, JSON.stringify(obj)]) {
      const f = loadFramework(input, 'f.json');
      expect(f.systems[0].name).toEqual({ en: 'Index', zh: '指数' });
      expect(f.systems[0].dimensions[0].indicators?.[0].direction).toBe('-');
      expect(f.systems[0].dimensions[0].indicators?.[0].unit).toBe('%');
    }
  });

  it('points at the entry of a bad direction, naming the file', () => {
    const text = `systems:
  - id: s
    dimensions:
      - id: a
        indicators: [{id: a1, column: a1, direction: "+"}]
      - id: b
        indicators:
          - {id: b1, column: b1, direction: "+"}
          - {id: b2, column: b2, direction: "-"}
          - {id: b3, column: b3, direction: up}
`;
    const e = inputError(() => loadFramework(text, 'fw.yaml'));
    expect(e.message).toContain('fw.yaml');
    expect(e.message).toContain(
      'systems[0].dimensions[1].indicators[2].direction: expected "+", "-", "benefit" or "cost" (also 正向/负向, 效益型/成本型)',
    );
    expect(e.file).toBe('fw.yaml');
  });

  it('names a missing column key and an unknown key', () => {
    const missing = inputError(() =>
      loadFramework('systems: [{id: s, dimensions: [{id: d, indicators: [{id: a, direction: "+"}]}]}]', 'm.yaml'),
    );
    expect(missing.message).toMatch(/systems\[0\]\.dimensions\[0\]\.indicators\[0\]\.column: missing/);
    const typo = inputError(() =>
      loadFramework(
        'systems: [{id: s, dimensions: [{id: d, indicators: [{id: a, colum: a, column: a, direction: "+"}]}]}]',
        't.yaml',
      ),
    );
    expect(typo.message).toContain('systems[0].dimensions[0].indicators[0]: unknown key "colum"');
  });

  it('reports YAML syntax errors with the line', () => {
    const e = inputError(() => loadFramework('systems:\n  - id: s\n    dimensions: [\n', 'bad.yaml'));
    expect(e.message).toMatch(/^bad\.yaml, line \d+: not valid YAML/);
  });

  it('rejects duplicate ids and empty dimensions, pointing at the entry', () => {
    const dupInd = inputError(() =>
      loadFramework(
        'systems: [{id: s, dimensions: [{id: d, indicators: [{id: a, column: a, direction: "+"}, {id: a, column: b, direction: "+"}]}]}]',
        'f.yaml',
      ),
    );
    expect(dupInd.message).toContain('systems[0].dimensions[0].indicators[1].id: duplicate indicator id "a"');
    const dupSys = inputError(() =>
      loadFramework(
        'systems: [{id: s, dimensions: [{id: d, indicators: [{id: a, column: a, direction: "+"}]}]}, {id: s, dimensions: [{id: e, indicators: [{id: b, column: b, direction: "+"}]}]}]',
        'f.yaml',
      ),
    );
    expect(dupSys.message).toContain('systems[1].id: duplicate system id "s"');
    const dupDim = inputError(() =>
      loadFramework(
        'systems: [{id: s, dimensions: [{id: d, indicators: [{id: a, column: a, direction: "+"}]}, {id: d, indicators: [{id: b, column: b, direction: "+"}]}]}]',
        'f.yaml',
      ),
    );
    expect(dupDim.message).toContain('systems[0].dimensions[1].id: duplicate dimension id "d"');
    const empty = inputError(() =>
      loadFramework('systems: [{id: s, dimensions: [{id: d, indicators: []}]}]', 'f.yaml'),
    );
    expect(empty.message).toContain('systems[0].dimensions[0]: dimension "d" is empty');
  });

  it('accepts sub-dimensions', () => {
    const f = loadFramework(
      'systems: [{id: s, dimensions: [{id: top, dimensions: [{id: sub, indicators: [{id: a, column: a, direction: "+"}]}]}]}]',
      'f.yaml',
    );
    expect(f.systems[0].dimensions[0].dimensions?.[0].id).toBe('sub');
  });

  it('warns when one column is in two systems (mechanical coupling)', () => {
    const f = loadFramework(
      `systems:
  - {id: inn, dimensions: [{id: d, indicators: [{id: rd, column: rd_intensity, direction: "+"}]}]}
  - {id: nq, dimensions: [{id: e, indicators: [{id: rd2, column: rd_intensity, direction: "+"}, {id: b, column: b, direction: "+"}]}]}
`,
      'f.yaml',
    );
    expect(f.notes?.map((n) => n.code)).toEqual(['shared-indicator']);
    expect(f.notes?.[0].level).toBe('warning');
    expect(f.notes?.[0].message).toContain('"rd_intensity" is used by systems "inn" and "nq"');
  });

  it('rejects an empty file and a file that is not a mapping', () => {
    expect(inputError(() => loadFramework('  \n', 'e.yaml')).message).toContain('empty');
    expect(inputError(() => loadFramework('[1, 2]', 'l.json')).message).toBe(
      'l.json: the file: expected a mapping with a "systems:" list, got a list',
    );
  });
});

describe('validateAgainstPanel', () => {
  const panel = makePanel({
    entityColumn: 'id',
    periodColumn: 'year',
    entity: ['a', 'b'],
    period: [1, 1],
    columns: { x1: [1, 2], gdp: [3, 4] },
  });
  it('accepts a framework whose columns are in the panel', () => {
    expect(() => validateAgainstPanel(loadFramework(MINIMAL, 'm.yaml'), panel)).not.toThrow();
  });
  it('names the indicator entry, the column and the available columns for an unknown column', () => {
    const f = loadFramework(MINIMAL.replace('column: x1', 'column: x9'), 'm.yaml');
    const e = inputError(() => validateAgainstPanel(f, panel));
    expect(e.message).toContain('indicator idx/d1/x1: column "x9" is not in the data');
    expect(e.column).toBe('x9');
    expect(e.hint).toContain('available numeric columns: x1, gdp');
  });
});
