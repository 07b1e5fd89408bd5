import { describe, expect, it } from 'vitest';
import { parseCell } from '../../src/data/cell.js';
import { dateCellValue, detectFrequency, excelSerial, formatPeriod, parsePeriodValue, periodCode } from '../../src/data/period.js';

describe('parsePeriodValue', () => {
  it('reads years, dates, months and quarters as Chinese and international files write them', () => {
    const cases: [string | number, object][] = [
      ['2016', { year: 2016, given: 'year' }],
      ['2016年', { year: 2016, given: 'year' }],
      ['2016年度', { year: 2016, given: 'year' }],
      ['２０１６年', { year: 2016, given: 'year' }],
      [2016, { year: 2016, given: 'year' }],
      ['2016-12-31', { year: 2016, month: 12, day: 31, given: 'date' }],
      ['2016/6/30', { year: 2016, month: 6, day: 30, given: 'date' }],
      ['2016年12月31日', { year: 2016, month: 12, day: 31, given: 'date' }],
      ['2016-12-31 00:00:00', { year: 2016, month: 12, day: 31, given: 'date' }],
      [20161231, { year: 2016, month: 12, day: 31, given: 'date' }],
      ['2016-12', { year: 2016, month: 12, given: 'month' }],
      ['2016年12月', { year: 2016, month: 12, given: 'month' }],
      ['2016M3', { year: 2016, month: 3, given: 'month' }],
      [201603, { year: 2016, month: 3, given: 'month' }],
      ['2016Q4', { year: 2016, quarter: 4, given: 'quarter' }],
      ['2016-Q1', { year: 2016, quarter: 1, given: 'quarter' }],
      ['2016年第四季度', { year: 2016, quarter: 4, given: 'quarter' }],
      ['2016年2季度', { year: 2016, quarter: 2, given: 'quarter' }],
      ['Q3 2016', { year: 2016, quarter: 3, given: 'quarter' }],
    ];
    for (const [v, want] of cases) expect([v, parsePeriodValue(v)]).toEqual([v, want]);
    for (const v of ['abc', '2016-13', '2016Q5', '16', '', 2016.5, 'GDP']) expect([v, parsePeriodValue(v)]).toEqual([v, undefined]);
  });
  it('reads a year typed into a date-formatted Excel cell as the year (serial 2016 = 1905-07-08)', () => {
    const d = new Date(Date.UTC(1905, 6, 8));
    expect(excelSerial(d)).toBe(2016);
    expect(dateCellValue(d)).toBe(2016);
    expect(parsePeriodValue(d)).toEqual({ year: 2016, given: 'year' });
    expect(dateCellValue(new Date(Date.UTC(2016, 11, 31)))).toBe('2016-12-31');
  });
});

describe('frequencies', () => {
  const p = (s: string) => parsePeriodValue(s);
  it('annual report dates are years; quarter ends quarters; other dates months', () => {
    expect(detectFrequency(['2016-12-31', '2017-12-31'].map(p))).toBe('year');
    expect(detectFrequency(['2016-03-31', '2016-06-30', '2016-12-31'].map(p))).toBe('quarter');
    expect(detectFrequency(['2016-01-31', '2016-02-29'].map(p))).toBe('month');
    expect(detectFrequency(['2016Q1', '2016Q2'].map(p))).toBe('quarter');
    expect(detectFrequency(['2016年1月', '2016年2月'].map(p))).toBe('month');
    expect(detectFrequency(['2016', '2017年'].map(p))).toBe('year');
  });
  it('codes periods as year, year×10 + quarter, year×100 + month', () => {
    expect(periodCode(p('2016-11-30')!, 'year')).toBe(2016);
    expect(periodCode(p('2016-11-30')!, 'quarter')).toBe(20164);
    expect(periodCode(p('2016-11-30')!, 'month')).toBe(201611);
    expect(periodCode(p('2016')!, 'month')).toBeNaN();
    expect([formatPeriod(20164, 'quarter'), formatPeriod(201603, 'month'), formatPeriod(2016)]).toEqual(['2016Q4', '2016-03', '2016']);
  });
});

describe('spaced thousands', () => {
  it('reads "40 000" with a space, no-break, thin or narrow no-break space as a number', () => {
    expect(parseCell('40 000')).toEqual({ kind: 'number', value: 40000 });
    expect(parseCell('1\u00a0234\u00a0567.5')).toEqual({ kind: 'number', value: 1234567.5 });
    expect(parseCell('-7\u202f461')).toEqual({ kind: 'number', value: -7461 });
    expect(parseCell('12\u2009345')).toEqual({ kind: 'number', value: 12345 });
    expect(parseCell('40 00').kind).toBe('text');
    expect(parseCell('2016 2017').kind).toBe('text');
  });
});
