import { describe, expect, it } from 'vitest';
import { regress } from '../../src/api/regress.js';
import { filterSample } from '../../src/data/sample-filter.js';
import { loadBuiltinDataset } from '../../src/io/builtin.js';
import { toPlain } from '../../src/core/json.js';
import { runInProcess } from '../helpers/cli.js';

const FORMULA = 'labor_productivity ~ rd_intensity + openness | province + year';

describe('--where and --years filter the sample of every command before it runs', () => {
  it('measure --years 2015:2020 scores those years only and says what it kept', async () => {
    const r = await runInProcess([
      'measure',
      '--data',
      'china-sim',
      '--framework',
      'seed',
      '--impute',
      'linear',
      '--years',
      '2015:2020',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { scores: { period: number }[]; notes: { code: string; message: string }[] };
    expect([...new Set(out.scores.map((s) => s.period))]).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
    const note = out.notes.find((n) => n.code === 'sample-filter')!;
    expect(note.message).toBe('sample years 2015:2020: kept 186 of 372 rows (186 dropped)');
  });

  it('regress --where gives the library result on the filtered panel, with the note on the result', async () => {
    const where = 'region4 in ("East", "Central") and year >= 2014';
    const r = await runInProcess(['regress', '--data', 'china-sim', '--formula', FORMULA, '--where', where, '--json']);
    expect(r.code).toBe(0);
    const cli = JSON.parse(r.stdout);
    const panel = filterSample(await loadBuiltinDataset('china-sim'), { where });
    expect(cli).toEqual(toPlain(regress(panel, { formula: FORMULA })));
    expect(cli.nobs).toBe(148); // 16 provinces × 10 years, 12 rows with a missing model variable
    expect(cli.notes[0]).toMatchObject({ code: 'sample-filter', detail: { kept: 160, dropped: 212, rows: 372 } });
  });

  it('keeps --years 2012,2015 (a list) and 2012-2023 (a range) working', async () => {
    const a = await runInProcess([
      'disparity',
      '--data',
      'world-pwt',
      '--value',
      'y_per_worker',
      '--years',
      '2017,1990',
      '--json',
    ]);
    expect(a.code).toBe(0);
    expect((JSON.parse(a.stdout) as { periods: { period: number }[] }).periods.map((p) => p.period)).toEqual([
      2017, 1990,
    ]);
    const b = await runInProcess([
      'density',
      '--data',
      'china-sim',
      '--value',
      'rd_intensity',
      '--years',
      '2012-2014',
      '--points',
      '16',
      '--json',
    ]);
    expect((JSON.parse(b.stdout) as { periods: { period: number }[] }).periods.map((p) => p.period)).toEqual([
      2012, 2013, 2014,
    ]);
  });

  it('refuses a bad condition with exit code 2, naming the flag and the column', async () => {
    const r = await runInProcess([
      'regress',
      '--data',
      'china-sim',
      '--formula',
      FORMULA,
      '--where',
      'regoin4 == "East"',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('column "regoin4": --where: no column "regoin4" in the data');
    const s = await runInProcess(['regress', '--data', 'china-sim', '--formula', FORMULA, '--where', 'gdp >']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('--where: the expression ends too early');
    const y = await runInProcess(['regress', '--data', 'china-sim', '--formula', FORMULA, '--years', '1990:1995']);
    expect(y.code).toBe(2);
    expect(y.stderr).toContain('keeps no row of the data');
  });
});
