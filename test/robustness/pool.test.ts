import { describe, expect, it } from 'vitest';
import { runSensitivity } from '../../src/io/sensitivity-pool.js';
import { sensitivity } from '../../src/robustness/sensitivity.js';
import { madeUpFramework, madeUpPanel } from './panel.js';

describe('worker-thread pool', () => {
  it('gives exactly the single-threaded result', async () => {
    const panel = madeUpPanel(8);
    const framework = madeUpFramework();
    const options = {
      measure: { normalize: 'minmax-range' as const },
      vary: [
        { flag: 'weights' as const, levels: ['critic', 'entropy'] },
        { flag: 'aggregate' as const, levels: ['topsis', 'geometric'] },
      ],
      perturbWeights: 0.3,
      dropIndicators: true,
      runs: 1000,
      bootstrap: 50,
    };
    const parallel = await runSensitivity(panel, framework, options, { threads: 2 });
    expect(parallel).toEqual(sensitivity(panel, framework, options));
    expect('systems' in parallel && parallel.systems[0].runs).toBe(6000);
    // CRITIC on the one indicator left without dimension e1 has no weight: that removal is skipped with a warning.
    const s2 = 'systems' in parallel ? parallel.systems[1] : parallel;
    expect(s2.removal.map((r) => r.id)).toEqual(['y6', 'y7', 'y1', 'e2']);
    expect(s2.notes.map((n) => n.code)).toContain('removal-skipped');
  }, 60_000);
});
