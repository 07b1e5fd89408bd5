/**
 * The workbench's worker handlers in Node (they are pure engine code): what the page computes is
 * what the CLI prints, files the CLI reads the page reads, and files that are not tables are refused.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/core/json.js';
import { formatProject, measureCommand, newProject } from '../../src/run/project-file.js';
import { createHandlers } from '../../src/web/worker/handlers.js';
import { measureView } from '../../src/web/app/scores.js';
import { initialState } from '../../src/web/app/store.js';
import { regressCommand } from '../../src/web/steps/commands.js';
import { runInProcess } from '../helpers/cli.js';

const FIX = path.resolve('test/fixtures');
const bytesOf = (file: string): ArrayBuffer => {
  const b = readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};
const handlers = () =>
  createHandlers({
    fetchBytes: async (url) => new Uint8Array(readFileSync(new URL(url))),
  });
const plain = (x: unknown) => JSON.parse(JSON.stringify(toPlain(x)));

describe('workbench handlers', () => {
  it('the same option set from the workbench, the CLI and the project file gives identical JSON', async () => {
    const h = handlers();
    const file = path.join(FIX, 'web/provinces-gbk.csv');
    const fw = path.join(FIX, 'web/framework-zh.yaml');
    const data = await h.loadFile({ fileName: 'provinces-gbk.csv', bytes: bytesOf(file), settings: {} });
    h.loadFramework({ text: readFileSync(fw, 'utf8'), fileName: 'framework-zh.yaml' });
    const settings = {
      weights: 'entropy+critic',
      normalize: 'minmax' as const,
      perPeriod: false,
      aggregate: 'topsis' as const,
      impute: 'linear' as const,
    };
    const page = plain(measureView(h.measure({ settings })).json);
    // The CLI line the workbench shows, run as it is.
    const project = newProject(data.source, { file: 'framework-zh.yaml', definition: {} }, 'en');
    project.measure = settings;
    const line = measureCommand(project, 'framework-zh.yaml');
    expect(line).toBe(
      'nqpf measure --data provinces-gbk.csv --framework framework-zh.yaml --weights entropy+critic --aggregate topsis --impute linear',
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-wb-'));
    try {
      copyFileSync(file, path.join(dir, 'provinces-gbk.csv'));
      copyFileSync(fw, path.join(dir, 'framework-zh.yaml'));
      const args = line
        .split(' ')
        .slice(1)
        .map((a) => (a.endsWith('.csv') || a.endsWith('.yaml') ? path.join(dir, a) : a));
      const cli = await runInProcess([...args, '--json']);
      expect(cli.code, cli.stderr).toBe(0);
      // Only the file's path in the reader's note differs (the page knows the file's name only).
      const local = (out: string) => JSON.parse(out.replaceAll(`${dir}/`, ''));
      expect(page).toEqual(local(cli.stdout));
      // The project file the workbench writes, replayed by `nqpf run`.
      const definition = h.loadFramework({ text: readFileSync(fw, 'utf8'), fileName: 'framework-zh.yaml' }).definition;
      const p = { ...project, framework: { file: 'framework-zh.yaml', definition } };
      writeFileSync(path.join(dir, 'p.json'), formatProject(p));
      const run = await runInProcess(['run', path.join(dir, 'p.json'), '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(local(run.stdout).measure).toEqual(page);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a workbook whose first sheet is notes from the sheet with the table, and says so', async () => {
    const d = await handlers().loadFile({
      fileName: 'note-first.xlsx',
      bytes: bytesOf(path.join(FIX, 'files/note-first.xlsx')),
      settings: {},
    });
    expect(d.inspection?.sheets).toEqual(['说明', '数据']);
    expect(d.inspection?.sheet).toBe('数据');
    expect(d.notes.some((n) => n.message.includes('说明'))).toBe(true);
    expect(d.rows).toBeGreaterThan(0);
  });

  it('a chosen sheet is read as chosen (its error is not replaced by another sheet)', async () => {
    await expect(
      handlers().loadFile({
        fileName: 'note-first.xlsx',
        bytes: bytesOf(path.join(FIX, 'files/note-first.xlsx')),
        settings: { sheet: '说明' },
      }),
    ).rejects.toThrow(/no numeric column/);
  });

  it('refuses a binary file named .csv, and finds a numeric firm_id as the entity', async () => {
    const noise = new Uint8Array(4000).map((_, i) => (i * 7919) % 256);
    await expect(handlers().loadFile({ fileName: 'data.csv', bytes: noise.buffer, settings: {} })).rejects.toThrow(
      /not text/,
    );
    const csv = 'firm_id,year,x,y\n1001,2020,1,2\n1001,2021,2,3\n1002,2020,3,1\n1002,2021,4,5\n';
    const d = await handlers().loadFile({
      fileName: 'firms.csv',
      bytes: new TextEncoder().encode(csv).buffer,
      settings: {},
    });
    expect(d.entityColumn).toBe('firm_id');
    expect(d.entities.map((e) => e.id)).toEqual(['1001', '1002']);
    expect(d.spatial).toBeUndefined();
    expect(d.groups).toBeUndefined();
  });

  it('pasted cells from Excel (tab-separated text) read as a table', async () => {
    const tsv = '地区\t年份\t研发\n北京\t2020\t6.4\n北京\t2021\t6.5\n上海\t2020\t4.2\n上海\t2021\t4.1\n';
    const d = await handlers().loadFile({
      fileName: 'pasted.tsv',
      bytes: new TextEncoder().encode(tsv).buffer,
      settings: {},
    });
    expect([d.entityColumn, d.periodColumn]).toEqual(['地区', '年份']);
    expect(d.columns.map((c) => c.name)).toEqual(['研发']);
    // Provinces: the built-in regions group them and their borders give spatial weights.
    expect(d.groups).toBe('region4');
    expect(d.spatial).toBe('borders');
  });

  it('a wide yearbook file (one column per year) has no period column to preselect', async () => {
    const csv = '地区,2019年,2020年,2021年\n北京,1.1,1.2,1.3\n上海,2.1,2.2,2.3\n天津,0.5,0.6,0.7\n';
    const d = await handlers().loadFile({
      fileName: '年鉴.csv',
      bytes: new TextEncoder().encode(csv).buffer,
      settings: {},
    });
    expect(d.inspection?.roles.layout).toBe('wide');
    expect(d.inspection?.roles.period).toBeUndefined();
    expect(d.inspection?.roles.entity).toBe('地区');
    expect(d.periods).toEqual([2019, 2020, 2021]);
  });

  it('the regression’s command line runs and gives the page’s coefficients (an index via measure --append)', async () => {
    const h = handlers();
    const file = path.join(FIX, 'web/provinces-gbk.csv');
    const fw = path.join(FIX, 'web/framework-zh.yaml');
    const data = await h.loadFile({ fileName: 'provinces-gbk.csv', bytes: bytesOf(file), settings: {} });
    const framework = h.loadFramework({ text: readFileSync(fw, 'utf8'), fileName: 'framework-zh.yaml' });
    const settings = {
      weights: 'entropy',
      normalize: 'minmax' as const,
      perPeriod: false,
      aggregate: 'arithmetic' as const,
      impute: 'linear' as const,
    };
    const view = measureView(h.measure({ settings }));
    const formula = 'nqpf ~ 研发投入强度 | 地区 + 年份';
    const page = await h.regress({ formula, vcov: '' });
    const project = newProject(data.source, { file: 'framework-zh.yaml', definition: framework.definition }, 'en');
    project.measure = settings;
    const state = { ...initialState('en'), data, run: { view, project, frameworkFile: 'framework-zh.yaml' } };
    const line = regressCommand(state, formula, '').line!;
    expect(line).toContain('--append with-index.xlsx && nqpf regress --data with-index.xlsx');
    expect(line).toContain('nqpf_index ~ 研发投入强度');
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-wb-reg-'));
    try {
      copyFileSync(file, path.join(dir, 'provinces-gbk.csv'));
      copyFileSync(fw, path.join(dir, 'framework-zh.yaml'));
      // Run the two commands as a shell would split them (no argument has spaces but the quoted formula).
      const split = (cmd: string) =>
        [...cmd.matchAll(/'([^']*)'|(\S+)/g)]
          .map((m) => m[1] ?? m[2])
          .slice(1)
          .map((a) => (/\.(csv|yaml|xlsx)$/.test(a) ? path.join(dir, a) : a));
      const [measureLine, regressLine] = line.split(' && ');
      const m = await runInProcess(split(measureLine));
      expect(m.code, m.stderr).toBe(0);
      const r = await runInProcess([...split(regressLine), '--json']);
      expect(r.code, r.stderr).toBe(0);
      const cli = JSON.parse(r.stdout);
      expect(cli.nobs).toBe(page.nobs);
      expect(cli.coefficients.map((c: { estimate: number }) => c.estimate)).toEqual(
        page.coefficients.map((c) => c.estimate),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
