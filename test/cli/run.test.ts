import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { formatProject, newProject } from '../../src/run/project-file.js';
import { loadFramework } from '../../src/framework/load.js';
import { frameworkDefinition } from '../../src/run/project-file.js';
import { readFileSync } from 'node:fs';

describe('nqpf run project.json', () => {
  it('gives the same measure JSON as nqpf measure with the same data, framework and settings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-run-'));
    try {
      copyFileSync('test/fixtures/web/provinces-gbk.csv', path.join(dir, 'provinces-gbk.csv'));
      const fw = loadFramework(readFileSync('test/fixtures/web/framework-zh.yaml', 'utf8'), 'framework-zh.yaml');
      const p = newProject({ file: 'provinces-gbk.csv' }, { file: 'framework-zh.yaml', definition: frameworkDefinition(fw) });
      p.measure = { ...p.measure, weights: 'entropy+critic', impute: 'linear', aggregate: 'topsis' };
      const file = path.join(dir, 'project.json');
      writeFileSync(file, formatProject(p));
      const run = await runInProcess(['run', file, '--json']);
      expect(run.code, run.stderr).toBe(0);
      const viaMeasure = await runInProcess(['measure', '--data', path.join(dir, 'provinces-gbk.csv'), '--framework', 'test/fixtures/web/framework-zh.yaml', '--weights', 'entropy+critic', '--impute', 'linear', '--aggregate', 'topsis', '--json']);
      expect(viaMeasure.code, viaMeasure.stderr).toBe(0);
      const a = JSON.parse(run.stdout).measure;
      const b = JSON.parse(viaMeasure.stdout);
      expect(a.scores.length).toBe(60);
      expect(a.scores).toEqual(b.scores);
      expect(a.weights).toEqual(b.weights);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replays a built-in project with coupling, and refuses a bad file with exit code 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-run-'));
    try {
      const p = newProject({ builtin: 'china-sim' }, { builtin: 'seed' });
      p.measure.impute = 'linear';
      p.couple = { systems: ['innovation', 'nqpf'], method: 'wang' };
      writeFileSync(path.join(dir, 'p.json'), formatProject(p));
      const r = await runInProcess(['run', path.join(dir, 'p.json'), '--json']);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.couple.rows.length).toBe(31 * 12);
      writeFileSync(path.join(dir, 'bad.json'), '{"nqpf":"project","version":1}');
      const bad = await runInProcess(['run', path.join(dir, 'bad.json')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/bad\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
