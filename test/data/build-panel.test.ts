import { describe, expect, it } from 'vitest';
import { tableToPanel } from '../../src/data/build-panel.js';
import { readCsvTable } from '../../src/data/csv.js';
import { inputError } from '../helpers/expect.js';

const panelOf = (csv: string, opts: Parameters<typeof tableToPanel>[1] = {}, file = 'data.csv') =>
  tableToPanel(readCsvTable(csv, { file }), opts);

const LONG = `province,year,region,gdp,rd
Hebei,2016,East,"3,200.5",1.2
Beijing,2015,East,"2,300",5.9
Beijing,2016,East,—,6.0
Hebei,2015,East,3000,..
Henan,2015,Central,4000,1.1
Henan,2016,Central,4100,NA
`;

describe('tableToPanel, long layout', () => {
  const p = panelOf(LONG);
  it('detects entity and period columns and sorts rows by entity then period', () => {
    expect(p.entityColumn).toBe('province');
    expect(p.periodColumn).toBe('year');
    expect(p.entity).toEqual(['Beijing', 'Beijing', 'Hebei', 'Hebei', 'Henan', 'Henan']);
    expect(Array.from(p.period)).toEqual([2015, 2016, 2015, 2016, 2015, 2016]);
    expect(p.periods).toEqual([2015, 2016]);
  });
  it('reads thousands separators and placeholders', () => {
    expect(Array.from(p.columns.gdp)).toEqual([2300, NaN, 3000, 3200.5, 4000, 4100]);
    expect(Array.from(p.columns.rd)).toEqual([5.9, 6.0, NaN, 1.2, 1.1, NaN]);
  });
  it('keeps a text column and takes entity groups from it', () => {
    expect(p.text.region).toEqual(['East', 'East', 'East', 'East', 'Central', 'Central']);
    expect(p.entities.map((e) => [e.id, e.group])).toEqual([
      ['Beijing', 'East'],
      ['Hebei', 'East'],
      ['Henan', 'Central'],
    ]);
  });
  it('gives one warning per column counting the placeholders', () => {
    const w = p.notes.filter((n) => n.code === 'placeholders-missing');
    expect(w.map((n) => n.message)).toEqual([
      'column "gdp": 1 placeholder cell ("—" ×1) read as missing',
      'column "rd": 2 placeholder cells (".." ×1, "NA" ×1) read as missing',
    ]);
    expect(w.every((n) => n.level === 'warning')).toBe(true);
  });
  it('does not take groups from a column that changes within an entity', () => {
    const q = panelOf('id,year,region,x\nA,2015,East,1\nA,2016,West,2\n');
    expect(q.entities).toEqual([{ id: 'A' }]);
    expect(q.notes.find((n) => n.code === 'group-not-constant')?.message).toBe(
      'column "region" is not used as the entities\' group: A is both "East" and "West"',
    );
  });
  it('accepts Chinese column names', () => {
    const q = panelOf('地区,年份,研发强度\n北京,2015,5.9\n北京,2016,6\n天津,2015,3.1\n');
    expect(q.entityColumn).toBe('地区');
    expect(q.periodColumn).toBe('年份');
    expect(Array.from(q.columns['研发强度'])).toEqual([5.9, 6, 3.1]);
  });
  it('drops unnamed empty columns and names unnamed columns with data', () => {
    const q = panelOf('id,year,x,,\nA,2015,1,,\nA,2016,2,5,\n');
    expect(Object.keys(q.columns)).toEqual(['x', 'column4']);
    expect(Array.from(q.columns.column4)).toEqual([NaN, 5]);
    expect(q.notes.some((n) => n.code === 'unnamed-column' && n.message.includes('"column4"'))).toBe(true);
  });
  it('uses the named columns and reads "2015年" periods', () => {
    const q = panelOf('unit,t,when,x\nA,1,2015年,1\nA,2,2016年,2\n', { entity: 'unit', period: 'when' });
    expect(Array.from(q.period)).toEqual([2015, 2016]);
    expect(Object.keys(q.columns)).toEqual(['t', 'x']);
  });
});

describe('yearbook rows', () => {
  it('skips footnote rows and drops the national total of a province table, with notes', () => {
    const p = panelOf('地区,2015,2016\n全国,10,11\n北京,1,2\n注：2016年为初步数。,,\n资料来源：统计年鉴\n', { valueName: 'gdp' });
    expect(p.entities.map((e) => e.id)).toEqual(['北京']);
    expect(p.notes.find((n) => n.code === 'footnote-rows')?.message).toBe('skipped 2 footnote rows (row 4, 5)');
    expect(p.notes.find((n) => n.code === 'aggregate-rows')?.message).toBe('dropped 1 row of totals and regional aggregates, not provinces: "全国" (row 2)');
  });
  it('warns about a total row among entities that are not provinces', () => {
    const p = panelOf('firm,2015,2016\n合计,10,11\nA,1,2\n', { valueName: 'gdp' });
    expect(p.entities.map((e) => e.id)).toEqual(['A', '合计']);
    expect(p.notes.find((n) => n.code === 'total-row')?.level).toBe('warning');
    expect(p.notes.find((n) => n.code === 'total-row')?.message).toMatch(/^entity "合计" looks like a total/);
  });
});

describe('tableToPanel, wide-by-year layout', () => {
  it('turns one column per year into the long layout, equal to the long file', () => {
    const wide = panelOf('province,2015年,2016年\nBeijing,"2,300",—\nHebei,3000,"3,200.5"\nHenan,4000,4100\n', { valueName: 'gdp' });
    const long = panelOf(LONG);
    expect(wide.entity).toEqual(long.entity);
    expect(Array.from(wide.period)).toEqual(Array.from(long.period));
    expect(Array.from(wide.columns.gdp)).toEqual(Array.from(long.columns.gdp));
    expect(wide.notes.some((n) => n.code === 'placeholders-missing' && n.message.startsWith('column "gdp": 1 placeholder'))).toBe(true);
  });
  it('names the value column after the file when no variable column or valueName is given', () => {
    const w = panelOf('province,2015,2016\nA,1,2\n', {}, 'dir/gdp_by_province.csv');
    expect(Object.keys(w.columns)).toEqual(['gdp_by_province']);
  });
  it('reads several variables from a variable column', () => {
    const w = panelOf('地区,指标,2015,2016\nA,gdp,1,2\nA,rd,0.5,..\nB,gdp,3,4\nB,rd,0.7,0.8\n');
    expect(w.entity).toEqual(['A', 'A', 'B', 'B']);
    expect(Array.from(w.columns.gdp)).toEqual([1, 2, 3, 4]);
    expect(Array.from(w.columns.rd)).toEqual([0.5, NaN, 0.7, 0.8]);
  });
});

describe('tableToPanel errors name file, row and column', () => {
  it('duplicate entity-period', () => {
    const e = inputError(() => panelOf('province,year,x\nA,2015,1\nB,2015,2\nA,2015,3\n'));
    expect(e.message).toMatch(/duplicate entity-period: A 2015/);
    expect(e.message).toContain('rows 2 and 4');
    expect([e.file, e.row, e.column]).toEqual(['data.csv', 4, 'province']);
    expect(e.format()).toContain('data.csv, row 4, column "province"');
    expect(e.hint).toBeTruthy();
  });
  it('duplicate entity in the wide layout', () => {
    const e = inputError(() => panelOf('province,2015,2016\nA,1,2\nA,3,4\n'));
    expect([e.file, e.row, e.column]).toEqual(['data.csv', 3, 'province']);
  });
  it('text in a numeric column', () => {
    const e = inputError(() => panelOf('province,year,x\nA,2015,1\nA,2016,2\nA,2017,n.a.\nA,2018,4\n'));
    expect(e.message).toBe('text in a numeric column: "n.a."');
    expect([e.file, e.row, e.column]).toEqual(['data.csv', 4, 'x']);
    expect(e.hint).toMatch(/NA/);
  });
  it('a column with as much text as numbers is kept as text, with a warning', () => {
    const p = panelOf('province,year,x\nA,2015,1\nA,2016,n.a.\n');
    expect(p.text.x).toEqual(['1', 'n.a.']);
    expect(p.columns.x).toBeUndefined();
    expect(p.notes.find((n) => n.code === 'text-column')?.message).toBe('column "x" is read as text: 1 text cells (first "n.a." in row 3) and 1 numbers');
  });
  it('text in a year column of the wide layout', () => {
    const e = inputError(() => panelOf('province,2015,2016\nA,1,2\nB,3,x\n'));
    expect([e.row, e.column]).toEqual([3, '2016']);
  });
  it('empty file and header without rows', () => {
    const a = inputError(() => panelOf(''));
    expect([a.file, a.row]).toEqual(['data.csv', 1]);
    expect(a.message).toMatch(/empty/);
    const b = inputError(() => panelOf('province,year,x\n\n'));
    expect([b.file, b.row]).toEqual(['data.csv', 2]);
    expect(b.message).toMatch(/no data rows/);
  });
  it('no period column, and a period column without periods', () => {
    const cs = panelOf('province,x\nA,1\nB,2\n');
    expect([cs.entity, Array.from(cs.period), cs.meta.crossSection]).toEqual([['A', 'B'], [0, 0], true]);
    const a = inputError(() => panelOf('province,x\nA,1\nA,2\n'));
    expect([a.file, a.row]).toEqual(['data.csv', 3]);
    expect(a.message).toBe('no period column, and A has more than one row (rows 2 and 3)');
    expect(a.hint).toContain('province, x');
    const b = inputError(() => panelOf('province,year,x\nA,,1\nB,,2\n'));
    expect(b.message).toMatch(/no periods/);
    expect([b.file, b.row, b.column]).toEqual(['data.csv', 2, 'year']);
    const c = inputError(() => panelOf('province,x\nA,1\n', { layout: 'wide' }));
    expect(c.message).toMatch(/no periods/);
  });
  it('unknown --entity or --period column lists the available columns', () => {
    const e = inputError(() => panelOf('province,year,x\nA,2015,1\n', { entity: 'city' }));
    expect(e.message).toBe('unknown entity column "city"');
    expect([e.file, e.row, e.column]).toEqual(['data.csv', 1, 'city']);
    expect(e.hint).toContain('province, year, x');
    const p = inputError(() => panelOf('province,year,x\nA,2015,1\n', { period: 'yr' }));
    expect(p.column).toBe('yr');
  });
  it('a period that is not a year', () => {
    const e = inputError(() => panelOf('province,year,x\nA,2015,1\nA,soon,2\n'));
    expect([e.row, e.column]).toEqual([3, 'year']);
  });
  it('two columns with the same name', () => {
    const e = inputError(() => panelOf('province,year,x,x\nA,2015,1,2\n'));
    expect([e.row, e.column]).toEqual([1, 'x']);
  });
});

describe('entity order', () => {
  it('sorts integer ids by value and text ids in natural order', () => {
    expect(panelOf('id,year,x\n10,2015,1\n9,2015,2\n100,2015,3\n').entity).toEqual(['9', '10', '100']);
    expect(panelOf('id,year,x\nb10,2015,1\nb9,2015,2\nA1,2015,3\n').entity).toEqual(['A1', 'b9', 'b10']);
  });
});

describe('wide layout: empty keys', () => {
  it('names the row of an empty entity or variable', () => {
    const e = inputError(() => tableToPanel(readCsvTable('province,指标,2015\n,gdp,1\nA,gdp,2\n', { file: 'w.csv' })));
    expect([e.message, e.row, e.column]).toEqual(['empty entity id in column "province"', 2, 'province']);
    expect(() => tableToPanel(readCsvTable('province,指标,2015\nA,,1\n', { file: 'w.csv' }))).toThrow('empty variable name in column "指标"');
  });
});

describe('province spellings across period spellings', () => {
  it('"2016" and "2016年" are one period: two spellings of a province there are an error naming both rows', () => {
    const e = inputError(() => tableToPanel(readCsvTable('省份,年份,x\n北京,2016,1\n北京市,2016年,2\n天津,2016,3\n', { file: 'p.csv' })));
    expect(e.message).toBe('"北京" (row 2) and "北京市" (row 3) are the same province, 北京 (11), both in 2016年');
  });
});
