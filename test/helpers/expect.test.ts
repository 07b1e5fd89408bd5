import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { expectClose, inputError, relativeError, ulp } from './expect.js';

describe('test helpers', () => {
  it('expectClose passes within and fails outside each kind of tolerance', () => {
    expect(expectClose(1.5 + 2 ** -40, 1.5)).toBe(2 ** -40 / 1.5);
    expect(() => expectClose(1 + 1e-9, 1)).toThrow(/relative error/);
    expectClose(1e-17, 0, { abs: 1e-16 });
    expect(() => expectClose(1e-13, 0, { abs: 1e-14 })).toThrow();
    expectClose(1 + 2 * Number.EPSILON, 1, { ulps: 2 });
    expect(() => expectClose(1 + 4 * Number.EPSILON, 1, { ulps: 2 })).toThrow();
    expectClose([NaN, 2], [NaN, '2' as unknown as number]);
    expect(() => expectClose(NaN, 1)).toThrow();
    expect(() => expectClose([1, 2], [1])).toThrow();
  });
  it('relativeError and ulp', () => {
    expect(relativeError(3, 2)).toBe(0.5);
    expect(relativeError(1e-20, 0)).toBe(1e-20);
    expect(relativeError(NaN, NaN)).toBe(0);
    expect(ulp(1)).toBe(Number.EPSILON);
  });
  it('inputError returns the InputError of a function or a promise, and fails otherwise', async () => {
    expect(
      inputError(() => {
        throw new InputError('bad');
      }, 'bad').message,
    ).toBe('bad');
    expect((await inputError(Promise.reject(new InputError('later')))).message).toBe('later');
    expect(() => inputError(() => 1)).toThrow(/expected an InputError/);
    expect(() =>
      inputError(() => {
        throw new RangeError('other');
      }),
    ).toThrow();
  });
});
