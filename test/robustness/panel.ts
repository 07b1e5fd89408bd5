import { Rng } from '../../src/core/rng.js';
import { makePanel, type Panel } from '../../src/data/panel.js';
import { loadFramework } from '../../src/framework/load.js';

/** A made-up complete panel (15 entities × 5 years, 7 indicators with a common factor), seeded. */
export function madeUpPanel(seed = 42, entities = 15, years = 5): Panel {
  const rng = new Rng(seed);
  const entity: string[] = [];
  const period: number[] = [];
  const cols: Record<string, number[]> = Object.fromEntries(
    ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7'].map((c) => [c, []]),
  );
  for (let e = 0; e < entities; e++) {
    const level = rng.normal();
    for (let t = 0; t < years; t++) {
      entity.push(`E${String(e + 1).padStart(2, '0')}`);
      period.push(2015 + t);
      Object.keys(cols).forEach((c, j) =>
        cols[c].push(Math.exp(0.3 * level * (j % 3 === 2 ? -1 : 1) + 0.05 * t + 0.4 * rng.normal()) * (j + 1)),
      );
    }
  }
  return makePanel({ entityColumn: 'region', periodColumn: 'year', entity, period, columns: cols });
}

export const FRAMEWORK_YAML = `id: made-up
systems:
  - id: s1
    dimensions:
      - {id: d1, indicators: [{id: x1, column: x1, direction: "+"}, {id: x2, column: x2, direction: "+"}, {id: x3, column: x3, direction: "-"}]}
      - {id: d2, indicators: [{id: x4, column: x4, direction: "+"}, {id: x5, column: x5, direction: "+"}]}
  - id: s2
    dimensions:
      - {id: e1, indicators: [{id: y6, column: x6, direction: "-"}, {id: y7, column: x7, direction: "+"}]}
      - {id: e2, indicators: [{id: y1, column: x1, direction: "+"}]}
`;

export const madeUpFramework = () => loadFramework(FRAMEWORK_YAML, 'made-up.yaml');
