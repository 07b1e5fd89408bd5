import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pwtFramework } from '../../src/framework/builtin/pwt.js';
import { loadBuiltinDataset } from '../../src/io/builtin.js';
import { measure } from '../../src/measure/measure.js';
import { ROOT } from '../helpers/root.js';
import { expectClose } from '../helpers/expect.js';

// The built-in world-pwt panel (as `nqpf measure --data world-pwt` reads it) against plain R on the
// same file: test/fixtures/measure/world-pwt-builtin.R. Acceptance tolerance 1e-10 relative.
const TOL = 1e-10;
const fix = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/measure/world-pwt-builtin.json'), 'utf8'));

const file = path.join(ROOT, 'data/builtin/world-pwt.csv');
const md5 = createHash('md5').update(readFileSync(file)).digest('hex');
const panel = await loadBuiltinDataset('world-pwt');
const r = measure(panel, pwtFramework, { aggregate: 'topsis' });
const pos = new Map(r.scores.map((s, i) => [`${s.entity} ${s.period}`, i]));
const order = (fix.iso3 as string[]).map((e, i) => pos.get(`${e} ${fix.year[i]}`)!);

describe('built-in world-pwt with the pwt framework against R', () => {
  it('the fixture was computed from this data file (else re-run world-pwt-builtin.R)', () => {
    expect(md5).toBe(fix.file_md5);
  });
  it('uses and drops the same rows as R', () => {
    expect(r.scores.length).toBe(fix.rows);
    expect(r.options.droppedRows).toBe(fix.rows_dropped);
    expect(order.every((i) => i !== undefined)).toBe(true);
  });
  it('entropy and CRITIC weights match R', () => {
    expectClose(
      r.weights.map((w) => w.weight),
      fix.entropy_w,
      TOL,
      'entropy',
    );
    expectClose(
      measure(panel, pwtFramework, { weights: 'critic' }).weights.map((w) => w.weight),
      fix.critic_w,
      TOL,
      'critic',
    );
  });
  it('entropy-TOPSIS and CRITIC-TOPSIS scores match R', () => {
    expectClose(
      order.map((i) => r.scores[i].index),
      fix.topsis,
      TOL,
      'entropy-topsis',
    );
    const c = measure(panel, pwtFramework, { weights: 'critic', aggregate: 'topsis' });
    expectClose(
      order.map((i) => c.scores[i].index),
      fix.critic_topsis,
      TOL,
      'critic-topsis',
    );
  });
});
