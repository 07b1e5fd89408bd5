import { readFileSync } from 'node:fs';
import { makePanel, type Panel } from '../../src/data/panel.js';

/** Read a small fixture CSV (quoted header, numeric or quoted-text cells) into a Panel. */
export function readFixturePanel(file: string, entity: string, period: string): Panel {
  const lines = readFileSync(new URL(`../fixtures/explain/${file}`, import.meta.url), 'utf8')
    .trim()
    .split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.replace(/"/g, ''));
  const rows = lines.slice(1).map((l) => l.split(',').map((c) => c.replace(/"/g, '')));
  const col = (name: string) => rows.map((r) => r[header.indexOf(name)]);
  const columns: Record<string, number[]> = {};
  const text: Record<string, string[]> = {};
  for (const h of header) {
    if (h === entity || h === period) continue;
    const v = col(h);
    if (v.every((x) => x === 'NA' || x === '' || Number.isFinite(Number(x))))
      columns[h] = v.map((x) => (x === 'NA' || x === '' ? NaN : Number(x)));
    else text[h] = v;
  }
  return makePanel({
    entityColumn: entity,
    periodColumn: period,
    entity: col(entity),
    period: col(period).map(Number),
    columns,
    text,
    file,
  });
}

export const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/explain/feols-grunfeld.json', import.meta.url), 'utf8'),
);

/** Max relative difference |a − b| / |b| over paired arrays: the shared test helper. */
export { maxRelativeError as maxRel } from '../helpers/expect.js';
