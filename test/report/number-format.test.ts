import { describe, expect, it } from 'vitest';
import { esttabNumber, fixedNumber } from '../../src/report/number-format.js';

// Values from estout's help ("Numerical formats", a#) and its SignificantDigits program.
describe("esttabNumber: esttab's a# format", () => {
  it('the examples of the estout help (a3)', () => {
    expect(esttabNumber(0.00123456, 3)).toBe('0.00123');
    expect(esttabNumber(1.23456, 3)).toBe('1.235');
    expect(esttabNumber(12.3456, 3)).toBe('12.35');
    expect(esttabNumber(1234.56, 3)).toBe('1234.6');
  });
  it('never prints a nonzero value as 0.000', () => {
    expect(esttabNumber(0.0004, 3)).toBe('0.000400');
    expect(esttabNumber(-0.0001234, 3)).toBe('-0.000123');
    expect(esttabNumber(0.5, 3)).toBe('0.500');
    expect(esttabNumber(0.123456, 3)).toBe('0.123');
    expect(esttabNumber(0.0999, 3)).toBe('0.0999');
    expect(esttabNumber(0.1, 3)).toBe('0.1000'); // esttab's quirk at exact powers of ten
    // beyond nine decimals: e-format with d − 1 decimals, two-digit exponent as Stata prints it
    expect(esttabNumber(1.2345e-10, 3)).toBe('1.23e-10');
    expect(esttabNumber(-3.2e-9, 3)).toBe('-3.20e-09');
  });
  it('integers, large values, other precisions, missing', () => {
    expect(esttabNumber(0, 3)).toBe('0');
    expect(esttabNumber(-3, 3)).toBe('-3');
    expect(esttabNumber(123456789.5, 3)).toBe('123456789.5');
    expect(esttabNumber(12345678901.5, 3)).toBe('1e+10');
    expect(esttabNumber(0.0123456, 2)).toBe('0.012');
    expect(esttabNumber(0.0123456, 4)).toBe('0.01235');
    expect(esttabNumber(2.5, 1)).toBe('2.5');
    expect(esttabNumber(NaN)).toBe('');
    expect(() => esttabNumber(1.5, 0)).toThrow(RangeError);
  });
  it('fixedNumber: fixed decimals, no negative zero', () => {
    expect(fixedNumber(0.91234, 3)).toBe('0.912');
    expect(fixedNumber(-0.0001, 3)).toBe('0.000');
    expect(fixedNumber(NaN, 3)).toBe('');
  });
});
