/**
 * Build the built-in `world-pwt` dataset (real data) from the shared Penn World Table 9.1 export and
 * Natural Earth's country table:
 *
 *   npm run gen:world-pwt [-- PWT_CSV COUNTRIES_CSV]   (defaults: ../shared/data/pwt91.csv, countries_ne.csv)
 *
 * Writes data/builtin/world-pwt.csv (long layout, entity = iso3, 1990-2017) and
 * data/builtin/world-pwt-countries.csv (one row per country: names, continent, region, location) and
 * data/builtin/world-pwt-dropped.json (countries in one file but not the other, with the reason).
 * PWT values are copied as their source text; the derived ratios (emp_rate, k_per_worker,
 * ck_per_worker, y_per_worker) are rounded to 10 significant digits. ck_per_worker is
 * (ck/emp) / (ck_USA/emp_USA) in the same year: PWT's ck is an economy-wide level (USA = 1), so
 * dividing by persons engaged and re-basing on the USA turns it into capital services per worker,
 * USA = 1, which compares countries of different size. Alpha-2 → alpha-3 goes through
 * i18n-iso-countries (a maintained ISO 3166 table), never a hand-made list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { csvLine, csvRecords, formatNumber } from '../src/datasets/csv-text.js';
import { WORLD_PWT_VARIABLES } from '../src/datasets/catalog.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/zh.json'));

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2017;
/** PWT variables copied as they are. */
export const RAW = [
  'hc',
  'avh',
  'ck',
  'csh_i',
  'ctfp',
  'rgdpna',
  'rgdpo',
  'pop',
  'emp',
  'cn',
  'rtfpna',
  'labsh',
] as const;

export interface WorldPwtOutput {
  csv: string;
  /** One row per country: iso3, name, name_zh, continent, region_un, subregion, lat, lon. */
  entities: string;
  dropped: {
    pwtOnly: { iso3: string; country: string; reason: string }[];
    naturalEarthOnly: { iso2: string; name: string; reason: string }[];
  };
}

const ratio = (num: string, den: string): string => {
  if (num === '' || den === '') return '';
  const d = Number(den);
  return d === 0 ? '' : formatNumber(Number(num) / d);
};

/** (ck/emp) / (ckUsa/empUsa), unrounded; NaN when an input is missing or a divisor is 0. */
const perWorkerRelative = (ck: string, emp: string, usa: { ck: string; emp: string } | undefined): number => {
  if (!usa || [ck, emp, usa.ck, usa.emp].some((s) => s === '')) return NaN;
  const base = Number(usa.ck) / Number(usa.emp);
  return Number(emp) === 0 || !Number.isFinite(base) || base === 0 ? NaN : Number(ck) / Number(emp) / base;
};

/** Pure transformation of the two source texts into the dataset's files. */
export function buildWorldPwt(pwtText: string, neText: string): WorldPwtOutput {
  const ne = new Map<string, Record<string, string>>();
  const naturalEarthOnly: WorldPwtOutput['dropped']['naturalEarthOnly'] = [];
  for (const r of csvRecords(neText)) {
    const iso3 = r.iso_a2 ? countries.alpha2ToAlpha3(r.iso_a2) : undefined;
    if (!iso3) {
      naturalEarthOnly.push({ iso2: r.iso_a2, name: r.name, reason: 'no ISO 3166 code in Natural Earth' });
      continue;
    }
    ne.set(iso3, r);
  }
  const pwt = csvRecords(pwtText);
  const pwtIso = new Map<string, string>();
  for (const r of pwt) pwtIso.set(r.isocode, r.country);
  const usa = new Map(pwt.filter((r) => r.isocode === 'USA').map((r) => [r.year, { ck: r.ck, emp: r.emp }]));
  const pwtOnly = [...pwtIso]
    .filter(([iso3]) => !ne.has(iso3))
    .map(([iso3, country]) => ({
      iso3,
      country,
      reason:
        'not in Natural Earth 1:110m countries (small island state, territory or city state): no continent, region or location',
    }));
  for (const [iso3, r] of ne) {
    if (!pwtIso.has(iso3)) naturalEarthOnly.push({ iso2: r.iso_a2, name: r.name, reason: 'not covered by PWT 9.1' });
  }
  const header = [
    'iso3',
    'country',
    'country_zh',
    'year',
    'continent',
    'region_un',
    'subregion',
    'lat',
    'lon',
    ...WORLD_PWT_VARIABLES,
  ];
  const rows = pwt
    .filter((r) => ne.has(r.isocode) && Number(r.year) >= FIRST_YEAR && Number(r.year) <= LAST_YEAR)
    .sort((a, b) => (a.isocode < b.isocode ? -1 : a.isocode > b.isocode ? 1 : Number(a.year) - Number(b.year)));
  const lines = [csvLine(header)];
  for (const r of rows) {
    const g = ne.get(r.isocode)!;
    const v: Record<string, string> = {
      iso3: r.isocode,
      country: r.country,
      country_zh: countries.getName(r.isocode, 'zh') ?? '',
      year: r.year,
      continent: g.continent,
      region_un: g.region_un,
      subregion: g.subregion,
      lat: g.lat,
      lon: g.lon,
      emp_rate: ratio(r.emp, r.pop),
      k_per_worker: ratio(r.cn, r.emp),
      ck_per_worker: formatNumber(perWorkerRelative(r.ck, r.emp, usa.get(r.year))),
      y_per_worker: ratio(r.rgdpo, r.emp),
    };
    for (const k of RAW) v[k] = r[k];
    lines.push(csvLine(header.map((h) => v[h])));
  }
  const kept = [...new Set(rows.map((r) => r.isocode))];
  const entityLines = [csvLine(['iso3', 'name', 'name_zh', 'continent', 'region_un', 'subregion', 'lat', 'lon'])];
  for (const iso3 of kept) {
    const g = ne.get(iso3)!;
    entityLines.push(
      csvLine([
        iso3,
        pwtIso.get(iso3)!,
        countries.getName(iso3, 'zh') ?? '',
        g.continent,
        g.region_un,
        g.subregion,
        g.lat,
        g.lon,
      ]),
    );
  }
  naturalEarthOnly.sort((a, b) => a.name.localeCompare(b.name));
  return {
    csv: lines.join('\n') + '\n',
    entities: entityLines.join('\n') + '\n',
    dropped: { pwtOnly, naturalEarthOnly },
  };
}

function run(): void {
  const pwtPath = process.argv[2] ?? path.resolve(ROOT, '../shared/data/pwt91.csv');
  const nePath = process.argv[3] ?? path.resolve(ROOT, '../shared/data/countries_ne.csv');
  const out = buildWorldPwt(readFileSync(pwtPath, 'utf8'), readFileSync(nePath, 'utf8'));
  writeFileSync(path.join(ROOT, 'data/builtin/world-pwt.csv'), out.csv);
  writeFileSync(path.join(ROOT, 'data/builtin/world-pwt-countries.csv'), out.entities);
  writeFileSync(path.join(ROOT, 'data/builtin/world-pwt-dropped.json'), JSON.stringify(out.dropped, null, 2) + '\n');
  const n = out.csv.split('\n').length - 2;
  process.stderr.write(
    `world-pwt: ${n} rows; dropped ${out.dropped.pwtOnly.length} PWT countries, ${out.dropped.naturalEarthOnly.length} Natural Earth countries\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) run();
