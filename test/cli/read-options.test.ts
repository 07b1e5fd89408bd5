import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';

const file = (name: string) => `test/fixtures/files/${name}`;

describe('reading options on the command line', () => {
  it('measure --indicators on a yearbook XLSX found below its title, with a cost indicator', async () => {
    const r = await runInProcess([
      'measure',
      '--data',
      file('yearbook-gdp.xlsx'),
      '--indicators',
      '地区生产总值,-第一产业增加值',
      '--impute',
      'linear',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { weights: { id: string }[]; scores: { entity: string; period: number }[] };
    expect(out.weights.map((w) => w.id)).toEqual(['地区生产总值', '第一产业增加值']);
    expect([...new Set(out.scores.map((s) => s.entity))].sort()).toEqual(['北京', '天津', '河北'].sort());
    expect([...new Set(out.scores.map((s) => s.period))]).toEqual([2021, 2022]);
  });
  it('--skip-rows and --header-rows override table finding', async () => {
    // Row 5 taken as the header: its cells (北京, 10) become the column names.
    const r = await runInProcess([
      'measure',
      '--data',
      file('no-period.csv'),
      '--skip-rows',
      '4',
      '--header-rows',
      '1',
      '--indicators',
      '专利',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('column "专利" is not in the data');
    expect(r.stderr).toContain('available numeric columns: 10');
    const e = await runInProcess(['measure', '--data', file('no-period.csv'), '--indicators', '专利']);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('the header seems to be on row 4 (地区, 专利)');
  });
  it('--frequency year on quarterly dates makes each year appear four times: exit 2 naming both rows', async () => {
    const r = await runInProcess([
      'measure',
      '--data',
      file('csmar-quarterly.csv'),
      '--frequency',
      'year',
      '--indicators',
      'F050501B',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('duplicate entity-period: 000002 2016 appears twice (rows 4 and 5)');
  });
  it('measure needs --framework or --indicators', async () => {
    const r = await runInProcess(['measure', '--data', 'china-sim']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no framework: give --framework FILE|seed|pwt, or --indicators COL,COL,-COL');
  });
});
