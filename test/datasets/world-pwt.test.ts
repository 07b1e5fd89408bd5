import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORLD_PWT_VARIABLES, findBuiltinDataset, PWT_CITATION } from '../../src/datasets/catalog.js';
import { csvRecords } from '../../src/datasets/csv-text.js';
import { builtinFile, loadBuiltinDataset } from '../../src/io/builtin.js';
import { buildWorldPwt } from '../../scripts/gen-world-pwt.js';
import { ROOT } from '../helpers/root.js';

// A verbatim excerpt of PWT 9.1 (6 countries, 1990-2017, the 12 copied variables) and of Natural
// Earth's country table, vendored in test/fixtures/datasets/ (see the README there for the source).
const EXCERPT = path.join(ROOT, 'test/fixtures/datasets');
const pwtExcerpt = readFileSync(path.join(EXCERPT, 'pwt91-excerpt.csv'), 'utf8');
const neExcerpt = readFileSync(path.join(EXCERPT, 'countries-ne-excerpt.csv'), 'utf8');
const pwtRecords = csvRecords(pwtExcerpt);

describe('world-pwt (real, PWT 9.1)', async () => {
  const panel = await loadBuiltinDataset('world-pwt');
  const at = (iso3: string, year: number, col: string) => {
    const r = panel.entity.findIndex((e, i) => e === iso3 && panel.period[i] === year);
    expect(r, `${iso3} ${year}`).toBeGreaterThanOrEqual(0);
    return panel.columns[col][r];
  };

  it('is 155 countries × 1990-2017 with the PWT variables, flagged real, cited', () => {
    expect(panel.entities.length).toBe(155);
    expect(panel.periods[0]).toBe(1990);
    expect(panel.periods[panel.periods.length - 1]).toBe(2017);
    expect(panel.entity.length).toBe(155 * 28);
    for (const c of WORLD_PWT_VARIABLES) expect(panel.columns[c], c).toBeInstanceOf(Float64Array);
    expect(panel.meta).toMatchObject({ name: 'world-pwt', simulated: false, citation: PWT_CITATION });
    expect(panel.meta.citation).toContain('American Economic Review, 105(10), 3150-3182');
    expect(findBuiltinDataset('world-pwt')!.licence).toContain('CC BY 4.0');
  });

  it('attaches continent, region and location from Natural Earth', () => {
    const chn = panel.entities.find((e) => e.id === 'CHN')!;
    expect(chn).toMatchObject({ name: 'China', nameZh: '中国', group: 'Asia', iso3: 'CHN', subregion: 'Eastern Asia' });
    expect(chn.lat).toBeGreaterThan(20);
    expect(new Set(panel.entities.map((e) => e.group))).toEqual(
      new Set(['Africa', 'Asia', 'Europe', 'North America', 'Oceania', 'South America']),
    );
  });

  it('keeps published values (CHN 2010 hc = 2.3419554233551 as in pwt91.csv) and derives the ratios', () => {
    expect(at('CHN', 2010, 'hc')).toBe(2.3419554233551); // pwt91.csv text, copied verbatim
    expect(at('USA', 2017, 'emp')).toBe(154.436447143555);
    // Derived ratios are rounded to 10 significant digits.
    expect(at('USA', 2017, 'emp_rate')).toBeCloseTo(154.436447143555 / 324.45947265625, 10);
    expect(Math.abs(at('USA', 2017, 'emp_rate') / (154.436447143555 / 324.45947265625) - 1)).toBeLessThan(5e-10);
    for (let r = 0; r < panel.entity.length; r++) {
      const { emp, pop, cn, rgdpo, emp_rate, k_per_worker, y_per_worker } = Object.fromEntries(
        ['emp', 'pop', 'cn', 'rgdpo', 'emp_rate', 'k_per_worker', 'y_per_worker'].map((c) => [c, panel.columns[c][r]]),
      );
      if (Number.isFinite(emp) && Number.isFinite(pop))
        expect(Math.abs(emp_rate / (emp / pop) - 1)).toBeLessThan(5e-10);
      else expect(emp_rate).toBeNaN();
      if (Number.isFinite(cn) && Number.isFinite(emp))
        expect(Math.abs(k_per_worker / (cn / emp) - 1)).toBeLessThan(5e-10);
      if (Number.isFinite(rgdpo) && Number.isFinite(emp))
        expect(Math.abs(y_per_worker / (rgdpo / emp) - 1)).toBeLessThan(5e-10);
    }
  });

  it('ck_per_worker is (ck/emp)/(ck_USA/emp_USA) in the same year: 1 for the USA, NaN when an input is missing', () => {
    const { ck, emp, ck_per_worker: cpw } = panel.columns;
    const usaRow = new Map<number, number>();
    for (let r = 0; r < panel.entity.length; r++) if (panel.entity[r] === 'USA') usaRow.set(panel.period[r], r);
    expect(usaRow.size).toBe(28);
    let defined = 0;
    for (let r = 0; r < panel.entity.length; r++) {
      const u = usaRow.get(panel.period[r])!;
      const want = ck[r] / emp[r] / (ck[u] / emp[u]);
      if (Number.isFinite(want)) {
        expect(Math.abs(cpw[r] / want - 1), `${panel.entity[r]} ${panel.period[r]}`).toBeLessThan(5e-10);
        defined++;
      } else expect(cpw[r], `${panel.entity[r]} ${panel.period[r]}`).toBeNaN();
    }
    expect(defined).toBe(4340 - 1004);
    for (const [, r] of usaRow) expect(cpw[r]).toBe(1);
  });

  it('documents the countries dropped from either source', () => {
    const dropped = JSON.parse(readFileSync(builtinFile('world-pwt-dropped.json'), 'utf8'));
    expect(dropped.pwtOnly.map((d: { iso3: string }) => d.iso3)).toContain('SGP');
    expect(dropped.pwtOnly.length).toBe(182 - 155);
    expect(panel.entities.some((e) => e.id === 'SGP')).toBe(false);
  });

  it('matches PWT 9.1 cell by cell, and the generator reproduces its rows, on a vendored excerpt', () => {
    const src = new Map(pwtRecords.map((r) => [`${r.isocode} ${r.year}`, r]));
    let checked = 0;
    for (let r = 0; r < panel.entity.length; r++) {
      const s = src.get(`${panel.entity[r]} ${panel.period[r]}`);
      if (!s) continue;
      for (const c of ['hc', 'avh', 'ck', 'csh_i', 'ctfp', 'rgdpna', 'rgdpo', 'pop', 'emp', 'cn', 'rtfpna', 'labsh']) {
        const want = s[c] === '' ? NaN : Number(s[c]);
        expect(
          Object.is(panel.columns[c][r], want) || panel.columns[c][r] === want,
          `${panel.entity[r]} ${panel.period[r]} ${c}`,
        ).toBe(true);
        checked++;
      }
    }
    // BRA, CHN, DEU, NGA, USA × 28 years × 12 variables; SGP is not in Natural Earth 1:110m.
    expect(checked).toBe(5 * 28 * 12);
    const out = buildWorldPwt(pwtExcerpt, neExcerpt);
    const builtinLines = new Set(readFileSync(builtinFile('world-pwt.csv'), 'utf8').split('\n'));
    const rows = out.csv.trim().split('\n');
    expect(rows[0]).toBe(readFileSync(builtinFile('world-pwt.csv'), 'utf8').split('\n')[0]);
    expect(rows.length).toBe(1 + 5 * 28);
    for (const line of rows) expect(builtinLines.has(line), line).toBe(true);
    expect(out.dropped.pwtOnly.map((d) => d.iso3)).toEqual(['SGP']);
  });

  it('ck_per_worker of CHN 2017 from PWT 9.1 by hand: China has a fifth of US capital services per worker', () => {
    const get = (iso: string) => pwtRecords.find((r) => r.isocode === iso && r.year === '2017')!;
    const chn = get('CHN');
    const usa = get('USA');
    const want = Number(chn.ck) / Number(chn.emp) / (Number(usa.ck) / Number(usa.emp));
    expect(Math.abs(at('CHN', 2017, 'ck_per_worker') / want - 1)).toBeLessThan(5e-10);
    expect(want).toBeCloseTo(0.2744603623, 10);
  });
});
