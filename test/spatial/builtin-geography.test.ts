import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchProvince } from '../../src/data/china-provinces.js';
import { column } from '../../src/data/panel.js';
import { loadBuiltinDataset } from '../../src/io/builtin.js';
import { runInProcess } from '../helpers/cli.js';

// china-sim's R&D intensity (SIMULATED values; only the entity names matter here), rewritten as a user
// would have it: official full Chinese names (北京市, 内蒙古自治区) in a column 省份 and a year column 年份.
const cross2023: string[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-geo-'));
const file = (name: string) => path.join(dir, name);
const json = async (args: string[]) => {
  const r = await runInProcess([...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  const sim = await loadBuiltinDataset('china-sim');
  const x = column(sim, 'rd_intensity');
  const full = ['省份,年份,rd'];
  const english = ['province,year,rd'];
  const cross = ['地区,rd'];
  for (let r = 0; r < x.length; r++) {
    if (!Number.isFinite(x[r])) continue;
    const p = matchProvince(sim.entity[r])!;
    full.push(`${p.full},${sim.period[r]},${x[r]}`);
    english.push(`${p.en},${sim.period[r]},${x[r]}`);
    if (sim.period[r] === 2023) {
      cross.push(`${p.short},${x[r]}`);
      cross2023.push(p.short);
    }
  }
  writeFileSync(file('full.csv'), full.join('\n') + '\n');
  writeFileSync(file('english.csv'), english.join('\n') + '\n');
  writeFileSync(file('cross.csv'), cross.join('\n') + '\n');
  // a neighbour file in short Chinese names for full-name data, and the same pairs in English
  writeFileSync(file('nb-zh.csv'), 'a,b\n北京,天津\n北京,河北\n天津,河北\n广东,海南\n广东,广西\n广西,云南\n');
  writeFileSync(
    file('nb-en.csv'),
    'a,b\nBeijing,Tianjin\nBeijing,Hebei\nTianjin,Hebei\nGuangdong,Hainan\nGuangdong,Guangxi\nGuangxi,Yunnan\n',
  );
  writeFileSync(file('nb-none.csv'), 'a,b\nAtlantis,Lemuria\n');
  writeFileSync(file('nb-other.csv'), '甲,乙\n北京,天津\n');
});

/** `moran` of rd on a temporary data file, no permutations. */
const moran = (data: string) => ['moran', '--data', file(data), '--value', 'rd', '--permutations', '0'];

describe('built-in China geography for user data', () => {
  it('moran on Chinese province names uses the shipped borders without a flag (same I as the borders file given explicitly)', async () => {
    const auto = await json(moran('full.csv'));
    const explicit = await json([...moran('english.csv'), '--neighbors', 'data/builtin/china-province-borders.csv']);
    expect(auto.n).toBe(explicit.n);
    expect(auto.n).toBeGreaterThanOrEqual(30);
    expect(auto.weights.kind).toBe('contiguity');
    expect(auto.weights.isolates).toEqual([]); // Hainan is linked to Guangdong
    // entity order differs (Chinese vs English names), so sums differ in the last bit
    expect(auto.I).toBeCloseTo(explicit.I, 14);
    expect(auto.variance).toBeCloseTo(explicit.variance, 14);
    expect(auto.notes.map((n: { code: string }) => n.code)).toContain('builtin-contiguity');
  });
  it('joins a neighbour file in any province spelling, and refuses one that joins nothing', async () => {
    const zh = await json([...moran('full.csv'), '--neighbors', file('nb-zh.csv')]);
    const en = await json([...moran('english.csv'), '--neighbors', file('nb-en.csv')]);
    expect(Number.isFinite(zh.I)).toBe(true);
    expect(zh.I).toBeCloseTo(en.I, 14);
    expect(zh.weights.isolates).toHaveLength(zh.n - 7);
    const bad = await runInProcess([
      'moran',
      '--data',
      file('full.csv'),
      '--value',
      'rd',
      '--neighbors',
      file('nb-none.csv'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/nb-none\.csv.*row 2/s);
    expect(bad.stderr).toMatch(/Atlantis/);
  });
  it('runs moran and ellipse on a cross-section without a period column', async () => {
    const cross = await json(moran('cross.csv'));
    const panel = await json([...moran('full.csv'), '--year', '2023']);
    expect(cross.n).toBe(panel.n);
    expect(cross.I).toBeCloseTo(panel.I, 12);
    const e = await json(['ellipse', '--data', file('cross.csv'), '--value', 'rd']);
    expect(e.periods).toHaveLength(1);
  });
  it("ellipse places provinces at their capitals: the same ellipse as china-sim's own coordinates", async () => {
    const user = await json(['ellipse', '--data', file('full.csv'), '--value', 'rd']);
    const sim = await json(['ellipse', '--data', 'china-sim', '--value', 'rd_intensity']);
    const u = user.periods.find((p: { period: number }) => p.period === 2023);
    const s = sim.periods.find((p: { period: number }) => p.period === 2023);
    expect(u.centre.lat).toBeCloseTo(s.centre.lat, 9);
    expect(u.centre.lon).toBeCloseTo(s.centre.lon, 9);
    expect(u.sigmaMajor).toBeCloseTo(s.sigmaMajor, 6);
  });
  it('disparity --group region4 and region3 use the NBS regions', async () => {
    const r4 = await json([
      'disparity',
      '--data',
      file('full.csv'),
      '--value',
      'rd',
      '--group',
      'region4',
      '--years',
      '2023',
    ]);
    const groups = Object.fromEntries(r4.periods[0].groups.map((g: { group: string; n: number }) => [g.group, g.n]));
    // NBS 2011: 10 east, 6 central, 12 west, 3 northeast provinces, less those without a value in 2023
    const present = cross2023.map((n) => matchProvince(n)!);
    const count = (f: (p: NonNullable<ReturnType<typeof matchProvince>>) => boolean) => present.filter(f).length;
    expect(groups).toEqual({
      Central: count((p) => p.region4 === 'central'),
      East: count((p) => p.region4 === 'east'),
      Northeast: count((p) => p.region4 === 'northeast'),
      West: count((p) => p.region4 === 'west'),
    });
    expect(groups.Central + groups.East + groups.Northeast + groups.West).toBe(present.length);
    expect(
      present
        .filter((p) => p.region4 === 'northeast')
        .map((p) => p.short)
        .sort(),
    ).toEqual(['吉林', '辽宁', '黑龙江'].sort());
    const r3 = await json([
      'disparity',
      '--data',
      file('full.csv'),
      '--value',
      'rd',
      '--group',
      'region3',
      '--years',
      '2023',
    ]);
    const g3 = Object.fromEntries(r3.periods[0].groups.map((g: { group: string; n: number }) => [g.group, g.n]));
    expect(Object.keys(g3).sort()).toEqual(['Central', 'East', 'West']);
    expect(g3.East).toBe(groups.East + 1); // Liaoning is east in the three-region grouping
  });
  it('markov --spatial on province data needs no weights flag', async () => {
    const m = await json(['markov', '--data', file('full.csv'), '--value', 'rd', '--spatial', '--classes', '3']);
    expect(m.nTransitions ?? m.spatial?.nTransitions ?? m.classical?.nTransitions).toBeGreaterThan(0);
  });
});
