import { afterEach, describe, expect, it } from 'vitest';
import { replicateRng, runReplicates, setReplicateExecutor, type ReplicateTask } from '../../src/core/replicates.js';
import { mediation } from '../../src/explain/mechanisms/mediation.js';
import { panelThreshold } from '../../src/explain/mechanisms/threshold.js';
import { replicatePool } from '../../src/io/replicate-pool.js';
import { fixturePanel } from '../explain/mechanism-helpers.js';

// The pool's workers load the engine from source through tsx here (seconds on a loaded machine), so
// each case runs one pooled computation with a few hundred replicates and compares it with one
// thread; the calling thread leaves every chunk to the workers, so their rows are the ones compared.
afterEach(() => setReplicateExecutor());

const panel = fixturePanel('test/fixtures/explain/threshold-data.csv');

describe('replicate engine: identical results on any number of threads', () => {
  it('mediation cluster bootstrap: 3 threads give the replicates of one thread, bit for bit', () => {
    const opts = {
      x: 'x',
      mediators: ['z'],
      y: 'y',
      fe: ['id', 'year'],
      bootstrap: 300,
      seed: 5,
      keepReplicates: true,
    };
    const one = mediation(panel, opts);
    for (const threads of [3]) {
      setReplicateExecutor(replicatePool({ threads, minReps: 1, callerComputes: false }));
      const many = mediation(panel, opts);
      expect(many.replicates).toEqual(one.replicates);
      expect(many.indirect).toEqual(one.indirect);
    }
  }, 120_000);
  it('threshold fixed-regressor bootstrap: 2 threads give the F* of one thread, bit for bit', () => {
    const opts = { y: 'y', x: 'x', q: 'q', controls: ['z'], trim: 0.05, grid: 50, bootstrap: 120, seed: 3 } as const;
    const one = panelThreshold(panel, opts);
    setReplicateExecutor(replicatePool({ threads: 2, minReps: 1, callerComputes: false }));
    const two = panelThreshold(panel, opts);
    expect(Array.from(two.thresholds[0].replicates)).toEqual(Array.from(one.thresholds[0].replicates));
    expect(two.thresholds[0].pValue).toBe(one.thresholds[0].pValue);
  }, 120_000);
  it('a task missing from the registry runs in the calling thread; per-replicate streams do not depend on order', () => {
    const task: ReplicateTask<{ seed: number }> = {
      name: 'test-uniforms',
      width: () => 2,
      prepare:
        ({ seed }) =>
        (r, out) => {
          const rng = replicateRng(seed, r);
          out[0] = rng.uniform();
          out[1] = r;
        },
    };
    setReplicateExecutor(replicatePool({ threads: 2, minReps: 1 }));
    const a = runReplicates(task, { seed: 9 }, 100);
    expect(a[2 * 37 + 1]).toBe(37);
    // Replicate 37 alone, computed first, draws the same number as in the run of 100.
    expect(replicateRng(9, 37).uniform()).toBe(a[2 * 37]);
    expect(new Set(Array.from({ length: 100 }, (_, r) => a[2 * r])).size).toBe(100);
  });
});
