import { runInProcess } from '../helpers/cli.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASETS, builtinDatasetNames, findBuiltinDataset } from '../../src/datasets/catalog.js';
import { isBuiltinDataset, loadBuiltinDataset } from '../../src/io/builtin.js';
import { csvLine, csvRecords, formatNumber } from '../../src/datasets/csv-text.js';
import { InputError } from '../../src/core/errors.js';

describe('built-in dataset catalog', () => {
  it('lists world-pwt (real) and china-sim (SIMULATED) with citations and files', () => {
    expect(builtinDatasetNames()).toEqual(['world-pwt', 'china-sim']);
    expect(findBuiltinDataset('china-sim')).toMatchObject({
      simulated: true,
      entityColumn: 'province',
      groupColumn: 'region4',
    });
    expect(findBuiltinDataset('world-pwt')).toMatchObject({
      simulated: false,
      entityColumn: 'iso3',
      groupColumn: 'continent',
    });
    for (const d of BUILTIN_DATASETS) {
      expect(d.citation.length).toBeGreaterThan(40);
      if (d.simulated) expect(`${d.title} ${d.citation} ${d.description}`).toMatch(/SIMULATED/);
    }
    expect(isBuiltinDataset('china-sim')).toBe(true);
    expect(isBuiltinDataset('data.csv')).toBe(false);
  });

  it('rejects an unknown name with an InputError naming the built-ins', async () => {
    await expect(loadBuiltinDataset('china')).rejects.toBeInstanceOf(InputError);
    await expect(loadBuiltinDataset('china')).rejects.toMatchObject({
      hint: expect.stringContaining('world-pwt, china-sim'),
    });
  });

  it('writes and parses CSV text (quotes, BOM, CRLF) and rounds to 10 significant digits', () => {
    expect(csvLine(['Congo, Democratic Republic', 'a"b', 1 / 3, NaN])).toBe(
      '"Congo, Democratic Republic","a""b",0.3333333333,',
    );
    expect(csvRecords('\ufeffa,b\r\n"x, y",2\r\n')).toEqual([{ a: 'x, y', b: '2' }]);
    expect(formatNumber(123456.789012345)).toBe('123456.789');
  });
});

describe('nqpf datasets', () => {
  it('--json prints exactly one object with sizes, flags and citations', async () => {
    const r = await runInProcess(['datasets', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    const [pwt, sim] = out.datasets;
    expect(pwt).toMatchObject({
      name: 'world-pwt',
      simulated: false,
      rows: 4340,
      entities: 155,
      periods: [1990, 2017],
    });
    expect(pwt.citation).toContain('Feenstra');
    expect(sim).toMatchObject({ name: 'china-sim', simulated: true, rows: 372, entities: 31, periods: [2012, 2023] });
    expect(sim.columns).toContain('rd_intensity');
  });

  it('prints a readable list that marks china-sim SIMULATED', async () => {
    const r = await runInProcess(['datasets']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/china-sim\s+\[SIMULATED\]/);
    expect(r.stdout).toMatch(/world-pwt\s+\[real data\]/);
    expect(r.stdout).toContain('CC BY 4.0');
  });
});
