import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as nqpf from '../../src/index.js';
import * as browser from '../../src/browser.js';
import { runInProcess, ROOT } from '../helpers/cli.js';

/** The README's library example: the code block after the `library-example` marker. */
export function readmeExample(): { names: string[]; body: string } {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- library-example[^>]*-->\s*```js\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README.md has no library example');
  const imp = /^import \{([^}]+)\} from 'nqpf';\n/m.exec(m[1]);
  if (!imp) throw new Error("the README example must import from 'nqpf'");
  return { names: imp[1].split(',').map((s) => s.trim()), body: m[1].replace(imp[0], '') };
}

describe('the library (src/index.ts)', () => {
  it('runs the README example and gives the scores of `nqpf measure --json` to full precision', async () => {
    const { names, body } = readmeExample();
    expect(names).toEqual(['readPanel', 'loadFramework', 'measure']);
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...a: unknown[]) => Promise<unknown>;
    const run = new AsyncFunction(...names, 'console', `${body}\nreturn result;`);
    const logged: unknown[] = [];
    const result = (await run(...names.map((n) => (nqpf as Record<string, unknown>)[n]), {
      log: (...a: unknown[]) => logged.push(a),
    })) as nqpf.MeasureJson;
    expect(logged).toHaveLength(1);

    const cli = await runInProcess([
      'measure',
      '--data',
      'examples/provinces.csv',
      '--entity',
      'province',
      '--period',
      'year',
      '--framework',
      'examples/framework.yaml',
      '--weights',
      'entropy',
      '--json',
    ]);
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.stdout);
    // Same object: every score, rank and weight bit for bit (JSON keeps doubles exactly), same notes.
    expect(nqpf.toPlain(result)).toEqual(printed);
    expect(result.scores.length).toBe(49); // 10 provinces × 5 years, one row with a "—" left out (no imputation)
    expect(result.scores.map((s) => s.index)).toEqual(printed.scores.map((s: { index: number }) => s.index));
  });

  it('reaches every stage by name, in Node and in the browser entry', () => {
    const stages = [
      'measure',
      'couple',
      'obstacle',
      'disparity',
      'density',
      'markov',
      'convergence',
      'moran',
      'ellipse',
      'forecast',
      'regress',
      'mediate',
      'threshold',
      'frameworks',
      'spatialRegress',
      'scenario',
      'sensitivity',
    ];
    for (const s of stages) {
      expect(typeof (nqpf as Record<string, unknown>)[s], s).toBe('function');
      expect((browser as Record<string, unknown>)[s], s).toBe((nqpf as Record<string, unknown>)[s]);
    }
    // Node I/O only in the Node entry; the name clashes resolved.
    expect('readPanel' in browser).toBe(false);
    expect('loadFramework' in browser).toBe(false);
    expect(typeof nqpf.parseFramework).toBe('function');
    expect(nqpf.column).not.toBe(nqpf.matrixColumn);
    expect(nqpf.formatNumber).not.toBe(nqpf.formatCsvNumber);
  });

  it('gives the --json object of a stage with a built-in framework and the CLI defaults', async () => {
    const panel = await nqpf.loadBuiltinDataset('china-sim');
    const framework = await nqpf.loadFramework('seed');
    const lib = nqpf.couple(panel, framework, { systems: ['innovation', 'nqpf'] });
    const cli = await runInProcess(['couple', '--data', 'china-sim', '--systems', 'innovation,nqpf', '--json']);
    expect(cli.code).toBe(0);
    expect(nqpf.toPlain(lib)).toEqual(JSON.parse(cli.stdout));
  });
});
