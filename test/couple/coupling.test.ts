import { describe, expect, it } from 'vitest';
import {
  coordinationLevel,
  couplingCoordination,
  couplingDegree,
  couplingLevel,
  relativeDevelopment,
} from '../../src/couple/index.js';
import { InputError } from '../../src/core/errors.js';
import { expectClose } from '../helpers/expect.js';

describe('coupling degree, two systems (hand-worked)', () => {
  // U = (0.36, 0.64): ΣU = 1, √(U1U2) = √0.2304 = 0.48.
  const u = [0.36, 0.64];
  it('traditional: C = 2√(U1U2)/(U1+U2) = 2·0.48/1 = 0.96', () =>
    expectClose(couplingDegree(u, 'traditional'), 0.96, { abs: 1e-14 }));
  it('wang: C = √[(1 − |U1−U2|/1)·(U1/U2)] = √(0.72·0.5625) = √0.405', () =>
    expectClose(couplingDegree(u, 'wang'), Math.sqrt(0.405), { abs: 1e-14 }));
  it('fan: C = 1 − 2√{[2(0.1296+0.4096) − 1]/4} = 1 − 2·0.14 = 0.72', () =>
    expectClose(couplingDegree(u, 'fan'), 0.72, { abs: 1e-14 }));
  it('T = 0.5, D = √(0.96·0.5) = √0.48 (primary coordination)', () => {
    const r = couplingCoordination({ entity: ['a'], period: [2020], columns: { x: [0.36], y: [0.64] } }, ['x', 'y'], {
      method: 'traditional',
    });
    expectClose(r.rows[0].T, 0.5, { abs: 1e-14 });
    expectClose(r.rows[0].D, Math.sqrt(0.48), { abs: 1e-14 });
    expect(r.rows[0].level).toBe('primary coordination');
    expect(r.rows[0].levelZh).toBe('初级协调');
    expect(r.rows[0].couplingLevel).toBe('high-level coupling');
    // E = 0.36/0.64 = 0.5625 ≤ 0.8: the first system lags.
    expectClose(r.rows[0].relative[0].E, 0.5625, { abs: 1e-14 });
    expect(r.rows[0].relative[0].status).toBe('lagging');
  });
  it('weights α = (0.6, 0.4): T = 0.216 + 0.256 = 0.472', () => {
    const r = couplingCoordination({ entity: ['a'], period: [2020], columns: { x: [0.36], y: [0.64] } }, ['x', 'y'], {
      alpha: [0.6, 0.4],
      method: 'traditional',
    });
    expectClose(r.rows[0].T, 0.472, { abs: 1e-14 });
    expectClose(r.rows[0].D, Math.sqrt(0.96 * 0.472), { abs: 1e-14 });
  });
});

describe('coupling degree, three systems (hand-worked)', () => {
  // U = (0.2, 0.4, 0.8): ∏U = 0.064, (∏U)^(1/3) = 0.4, ΣU = 1.4.
  const u = [0.2, 0.4, 0.8];
  it('traditional: C = 3·0.4/1.4 = 6/7', () => expectClose(couplingDegree(u, 'traditional'), 6 / 7, { abs: 1e-14 }));
  it('wang: Σ|Ui−Uj| = 0.2+0.6+0.4 = 1.2, Σm = 3 → 0.6; ∏U/max = 0.25·0.5·1 = 0.125, ^(1/2); C = √(0.6·√0.125)', () =>
    expectClose(couplingDegree(u, 'wang'), Math.sqrt(0.6 * Math.sqrt(0.125)), { abs: 1e-14 }));
  it('fan: nΣU² − (ΣU)² = 3·0.84 − 1.96 = 0.56; C = 1 − 2√(0.56/9)', () =>
    expectClose(couplingDegree(u, 'fan'), 1 - 2 * Math.sqrt(0.56 / 9), { abs: 1e-14 }));
  it('T = 1.4/3, D = √(6/7 · 1.4/3) = √0.4', () => {
    const r = couplingCoordination(
      { entity: ['a'], period: [2020], columns: { a: [0.2], b: [0.4], c: [0.8] } },
      ['a', 'b', 'c'],
      { method: 'traditional' },
    );
    expectClose(r.rows[0].D, Math.sqrt(0.4), { abs: 1e-14 });
    // n > 2: E_i = U_i / mean(U) = 0.2/0.4667 (lagging), 0.4/0.4667 = 0.857 (synchronous), 1.714 (leading)
    expect(r.rows[0].relative.map((x) => x.status)).toEqual(['lagging', 'synchronous', 'leading']);
  });
  it('the default formula is the corrected one (Wang 2021): traditional must be chosen explicitly', () => {
    const r = couplingCoordination({ entity: ['a'], period: [2020], columns: { x: [0.36], y: [0.64] } }, ['x', 'y']);
    expect(r.method).toBe('wang');
    expectClose(r.rows[0].C, Math.sqrt(0.405), { abs: 1e-14 });
    expectClose(r.rows[0].D, Math.sqrt(Math.sqrt(0.405) * 0.5), { abs: 1e-14 });
  });
  it('equal scores give C = 1 by every formula', () => {
    for (const m of ['traditional', 'wang', 'fan'] as const)
      expectClose(couplingDegree([0.5, 0.5, 0.5], m), 1, { abs: 1e-14 });
  });
});

describe('levels at the boundaries', () => {
  it('D bands are left-closed, 1 is the top band', () => {
    expect(coordinationLevel(0)?.label.zh).toBe('极度失调');
    expect(coordinationLevel(0.0999)?.rank).toBe(1);
    expect(coordinationLevel(0.1)?.rank).toBe(2);
    expect(coordinationLevel(0.5)?.label.en).toBe('barely coordinated');
    expect(coordinationLevel(0.9)?.rank).toBe(10);
    expect(coordinationLevel(1)?.label.zh).toBe('优质协调');
    expect(coordinationLevel(NaN)).toBeUndefined();
    expect(coordinationLevel(1.01)).toBeUndefined();
  });
  it('C bands: 0.3 antagonism, 0.5 running-in, 0.8 high-level', () => {
    expect(couplingLevel(0.2999)?.label.en).toBe('low-level coupling');
    expect(couplingLevel(0.3)?.label.en).toBe('antagonism');
    expect(couplingLevel(0.5)?.label.zh).toBe('磨合');
    expect(couplingLevel(0.8)?.label.en).toBe('high-level coupling');
    expect(couplingLevel(1)?.rank).toBe(4);
  });
  it('relative development thresholds are configurable (0.9/1.1)', () => {
    const e = relativeDevelopment([0.85, 1], ['x', 'y'], { lagging: 0.9, leading: 1.1 });
    expect(e[0].status).toBe('lagging');
    expect(relativeDevelopment([0.85, 1], ['x', 'y'])[0].status).toBe('synchronous');
    expect(relativeDevelopment([0.6, 0.5], ['x', 'y'])[0].status).toBe('synchronous'); // 1.2 is synchronous
    expect(relativeDevelopment([0.61, 0.5], ['x', 'y'])[0].status).toBe('leading');
  });
});

describe('bad input', () => {
  it('a score outside [0, 1] throws an InputError naming entity, period and system', () => {
    const f = () =>
      couplingCoordination(
        { entity: ['Beijing', 'Beijing'], period: [2020, 2021], columns: { a: [0.2, 1.3], b: [0.4, 0.5] } },
        ['a', 'b'],
      );
    expect(f).toThrow(InputError);
    expect(f).toThrow(/Beijing 2021.*"a" = 1.3/);
  });
  it('negative z-scores are refused', () => {
    expect(() =>
      couplingCoordination({ entity: ['x'], period: [1], columns: { a: [-0.2], b: [0.4] } }, ['a', 'b']),
    ).toThrow(InputError);
  });
  it('weights not summing to 1 are refused', () => {
    expect(() =>
      couplingCoordination({ entity: ['x'], period: [1], columns: { a: [0.2], b: [0.4] } }, ['a', 'b'], {
        alpha: [0.5, 0.6],
      }),
    ).toThrow(/sum to 1/);
  });
  it('a zero subsystem gives C = 0 and a warning; all zero gives NaN under the traditional formula', () => {
    const r = couplingCoordination(
      { entity: ['x', 'y'], period: [1, 1], columns: { a: [0, 0], b: [0.4, 0] } },
      ['a', 'b'],
      { method: 'traditional' },
    );
    expect(r.rows[0].C).toBe(0);
    expect(r.rows[0].D).toBe(0);
    expect(r.rows[0].zeroSubsystem).toBe(true);
    expect(Number.isNaN(r.rows[1].C)).toBe(true);
    expect(r.notes.filter((n) => n.code === 'zero-subsystem')).toHaveLength(1);
    expect(couplingDegree([0, 0.4], 'wang')).toBe(0);
    // fan has no special case: 1 − |0 − 0.4| = 0.6
    expectClose(couplingDegree([0, 0.4], 'fan'), 0.6, { abs: 1e-14 });
  });
  it('missing scores give NaN, not an error', () => {
    const r = couplingCoordination({ entity: ['x'], period: [1], columns: { a: [NaN], b: [0.4] } }, ['a', 'b']);
    expect(Number.isNaN(r.rows[0].D)).toBe(true);
  });
});
