import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../src/data/csv.js';
import { tableToPanel } from '../../src/data/build-panel.js';
import { evaluateWhere, parseWhere } from '../../src/data/where.js';
import { filterSample, parseYearsSpec, yearsText } from '../../src/data/sample-filter.js';
import { makePanel } from '../../src/data/panel.js';
import { inputError } from '../helpers/expect.js';
import { ROOT } from '../helpers/root.js';

const dir = path.join(ROOT, 'test/fixtures/data');
const panel = tableToPanel(readCsvTable(readFileSync(path.join(dir, 'where.csv'))), { entity: 'id', period: 'year' });
const reference = JSON.parse(readFileSync(path.join(dir, 'where.json'), 'utf8')) as {
  cases: { expression: string; rows: number[] }[];
};

const kept = (expr: string) =>
  evaluateWhere(panel, expr).flatMap((k, i) => (k ? [i + 1] : []));

describe('where: the sample filter language', () => {
  it('keeps the rows dplyr::filter keeps, missing values included (test/fixtures/data/where.R)', () => {
    expect(reference.cases.length).toBe(14);
    for (const c of reference.cases) expect(kept(c.expression), c.expression).toEqual(c.rows);
  });

  it('reads Chinese input: full-width operators, brackets and commas, typographic quotes', () => {
    expect(kept('gdp ＞ 1000 且'.replace(' 且', ''))).toEqual(kept('gdp > 1000'));
    expect(kept('region in （“East”， “Central”）')).toEqual(kept('region in ("East", "Central")'));
  });

  it('accepts R and Stata spellings: %in%-style lists with c(), = and <>, && and ||, is.na', () => {
    expect(kept('region in c("East")')).toEqual(kept("region == 'East'"));
    expect(kept('year = 2013 && gdp <> 1300')).toEqual(kept('year == 2013 and gdp != 1300'));
    expect(kept('is.na(rd) || is.na(pop)')).toEqual(kept('rd is missing or pop is missing'));
    expect(kept('region in [\'West\']')).toEqual(kept('region == "West"'));
  });

  it('knows back-quoted names, the entity and period columns, and the entities\' group', () => {
    const p = makePanel({
      entityColumn: '省份',
      periodColumn: '年份',
      entity: ['北京', '北京', '上海'],
      period: [2020, 2021, 2020],
      columns: { 'R&D 经费': [1, 2, 3] },
      entities: [
        { id: '北京', group: 'East' },
        { id: '上海', group: 'East' },
      ],
    });
    // rows sorted by entity: 上海 2020, 北京 2020, 北京 2021
    expect(evaluateWhere(p, '`R&D 经费` >= 2 and 年份 == 2021')).toEqual([false, false, true]);
    expect(evaluateWhere(p, '省份 == "上海"')).toEqual([true, false, false]);
    expect(evaluateWhere(p, 'group == "East"')).toEqual([true, true, true]);
  });

  it('refuses what it cannot read, naming the option, the position and the column', () => {
    const e = inputError(() => parseWhere('gdp >> 3'), /where: unexpected ">" at position 6/);
    expect(e.option).toBe('where');
    inputError(() => parseWhere('gdp > 1000 and'), /ends too early/);
    inputError(() => parseWhere('(gdp > 1'), /expected "\)"/);
    inputError(() => parseWhere('system("rm")'), /unknown function "system"/);
    inputError(() => parseWhere('x in (y)'), /numbers or quoted texts/);
    const col = inputError(() => evaluateWhere(panel, 'GDP > 1'), /no column "GDP"/);
    expect(col.column).toBe('GDP');
    expect(col.hint).toContain('"gdp"');
    inputError(() => evaluateWhere(panel, 'region > 3'), /column "region" \(text\) cannot be used with a number/);
    inputError(() => evaluateWhere(panel, 'gdp + 1'), /is not a condition/);
    inputError(() => evaluateWhere(panel, 'gdp and rd > 1'), /column "gdp" \(number\) cannot be used with "and"/);
  });
});

describe('filterSample: --where and --years before the command runs', () => {
  it('reads the forms of --years', () => {
    expect(parseYearsSpec('2012:2023')).toEqual({ from: 2012, to: 2023 });
    expect(parseYearsSpec('2012-2023')).toEqual({ from: 2012, to: 2023 });
    expect(parseYearsSpec('2015:')).toEqual({ from: 2015 });
    expect(parseYearsSpec(':2015')).toEqual({ to: 2015 });
    expect(parseYearsSpec('2012,2015')).toEqual([2012, 2015]);
    expect(parseYearsSpec('2013')).toEqual([2013]);
    expect(parseYearsSpec([2012, 2014])).toEqual([2012, 2014]);
    expect(yearsText({ from: 2012 })).toBe('2012:');
    const e = inputError(() => parseYearsSpec('2015:2012'), /years takes years such as/);
    expect(e.option).toBe('years');
    inputError(() => parseYearsSpec('twenty'));
    inputError(() => parseYearsSpec({ from: 2012.5 }));
  });

  it('keeps the rows and records what it kept and dropped', () => {
    const p = filterSample(panel, { where: 'gdp > 1000', years: '2013:2014' });
    expect(p.entity).toEqual(['A', 'A', 'C', 'C', 'D', 'D']);
    expect([...p.period]).toEqual([2013, 2014, 2013, 2014, 2013, 2014]);
    const note = p.notes.find((n) => n.code === 'sample-filter')!;
    expect(note.level).toBe('info');
    expect(note.message).toBe('sample where gdp > 1000, years 2013:2014: kept 6 of 12 rows (6 dropped)');
    expect(note.detail).toMatchObject({ kept: 6, dropped: 6, rows: 12 });
    expect(filterSample(panel, {})).toBe(panel);
    inputError(() => filterSample(panel, { years: '1990:1995' }), /keeps no row of the data \(12 rows\)/);
  });

  it('selects the year of quarterly and monthly periods', () => {
    const q = makePanel({
      entityColumn: 'id',
      periodColumn: 'quarter',
      entity: ['a', 'a', 'a'],
      period: [20154, 20161, 20164],
      columns: { x: [1, 2, 3] },
      meta: { name: 'q', simulated: false, frequency: 'quarter' },
    });
    expect([...filterSample(q, { years: [2016] }).period]).toEqual([20161, 20164]);
  });
});
