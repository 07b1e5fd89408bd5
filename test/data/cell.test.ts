import { describe, expect, it } from 'vitest';
import { parseCell, parsePeriod, yearOfHeader } from '../../src/data/cell.js';

describe('parseCell', () => {
  it('reads yearbook placeholders as missing', () => {
    for (const s of ['—', '——', '-', '–', '…', '...', '..', 'NA', 'n/a', 'N/A', 'null', 'NULL', '#N/A', ' — ']) {
      expect(parseCell(s).kind).toBe('placeholder');
    }
    expect(parseCell('').kind).toBe('empty');
    expect(parseCell('  ').kind).toBe('empty');
  });
  it('reads thousands separators and full-width digits', () => {
    expect(parseCell('1,234.5')).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseCell('-12,345,678')).toEqual({ kind: 'number', value: -12345678 });
    expect(parseCell('１２，３４５．６')).toEqual({ kind: 'number', value: 12345.6 });
    expect(parseCell(' 3.5 ')).toEqual({ kind: 'number', value: 3.5 });
  });
  it('leaves ambiguous or textual cells as text', () => {
    expect(parseCell('1,5').kind).toBe('text');
    expect(parseCell('12,34').kind).toBe('text');
    expect(parseCell('12%').kind).toBe('text');
    expect(parseCell('北京').kind).toBe('text');
  });
});

describe('years', () => {
  it('reads year headers of wide tables', () => {
    expect(yearOfHeader('2015')).toBe(2015);
    expect(yearOfHeader('2015年')).toBe(2015);
    expect(yearOfHeader('X2015')).toBe(2015);
    expect(yearOfHeader('gdp')).toBeNaN();
    expect(yearOfHeader('20150')).toBeNaN();
  });
  it('reads periods from text', () => {
    expect(parsePeriod('2015年')).toBe(2015);
    expect(parsePeriod('2016.0')).toBe(2016);
    expect(parsePeriod('abc')).toBeNaN();
  });
});
