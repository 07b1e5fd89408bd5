/**
 * Node loader for the built-in datasets listed in `src/datasets/catalog.ts`. The data files live in
 * `data/builtin/` at the package root, found from this module's URL so that the same code works from
 * `src/` (tsx, vitest) and from `dist/` after the build (both sit two levels below the root).
 *
 * The panels go through `readPanel`, the reader used for user files, so built-in data takes the same
 * cleaning path (yearbook placeholders such as "—" and ".." become missing and are recorded as notes).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { DatasetMeta, EntityInfo, Panel } from '../data/panel.js';
import { makePanel } from '../data/panel.js';
import { InputError } from '../core/errors.js';
import { BUILTIN_DATASETS, builtinDatasetNames, findBuiltinDataset, type BuiltinDataset } from '../datasets/catalog.js';
import { csvRecords } from '../datasets/csv-text.js';
import { readPanel } from './read-panel.js';

/** Absolute path of the package's `data/builtin/` folder. */
export const BUILTIN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/builtin');

/** Absolute path of a file in `data/builtin/`. */
export function builtinFile(file: string): string {
  return path.join(BUILTIN_DIR, file);
}

/** True when `name` is a built-in dataset (`world-pwt`, `china-sim`). */
export function isBuiltinDataset(name: string): boolean {
  return findBuiltinDataset(name) !== undefined;
}

function datasetOrThrow(name: string): BuiltinDataset {
  const d = findBuiltinDataset(name);
  if (!d) {
    throw new InputError(`unknown built-in dataset "${name}"`, {
      hint: `built-in datasets: ${builtinDatasetNames().join(', ')} (run "nqpf datasets"), or give a CSV/XLSX/JSON file`,
    });
  }
  return d;
}

/** The provenance record attached to a built-in panel (shown with the data everywhere). */
export function builtinMeta(d: BuiltinDataset): DatasetMeta {
  return { name: d.name, title: d.title, simulated: d.simulated, citation: d.citation, licence: d.licence, file: `data/builtin/${d.files.data}` };
}

const num = (s: string | undefined): number | undefined => {
  if (s === undefined || s.trim() === '') return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
};

/** Entity attributes from the dataset's entity file (names, group, coordinates, codes). */
async function readEntities(d: BuiltinDataset): Promise<EntityInfo[]> {
  const rows = csvRecords(await readFile(builtinFile(d.files.entities), 'utf8'));
  if (d.name === 'world-pwt') {
    return rows.map((r) => ({
      id: r.iso3,
      name: r.name,
      nameZh: r.name_zh || undefined,
      group: r.continent,
      lat: num(r.lat),
      lon: num(r.lon),
      iso3: r.iso3,
      regionUn: r.region_un,
      subregion: r.subregion,
    }));
  }
  return rows.map((r) => ({
    id: r.name_en,
    name: r.name_en,
    nameZh: r.name_zh,
    group: r.region4,
    lat: num(r.capital_lat),
    lon: num(r.capital_lon),
    code: r.code,
    region3: r.region3,
    capital: r.capital_en,
  }));
}

/**
 * Load built-in dataset `name` as a {@link Panel}: read through `readPanel` (same cleaning as user
 * data), with entity attributes (`group` = continent for world-pwt, NBS four-region class for
 * china-sim; capital or country coordinates; ISO3 or GB/T 2260 code) and `meta` carrying the title,
 * `simulated` flag, citation and licence.
 *
 * @throws InputError for an unknown name.
 */
export async function loadBuiltinDataset(name: string): Promise<Panel> {
  const d = datasetOrThrow(name);
  const [panel, entities] = await Promise.all([
    readShipped(builtinFile(d.files.data), d),
    readEntities(d),
  ]);
  const known = new Map(entities.map((e) => [e.id, e]));
  return { ...panel, entities: panel.entities.map((e) => known.get(e.id) ?? e), meta: builtinMeta(d) };
}

// TEMPORARY until src/io/read-panel.ts lands: minimal reader of nqpf's own CSV files.
const PLACEHOLDERS = new Set(['', '—', '..', '-', '…', 'NA']);
async function readShipped(file: string, d: BuiltinDataset): Promise<Panel> {
  void readPanel;
  const rows = csvRecords(await readFile(file, 'utf8'));
  const header = Object.keys(rows[0]);
  const columns: Record<string, number[]> = {};
  const text: Record<string, string[]> = {};
  for (const h of header) {
    if (h === d.entityColumn || h === d.periodColumn) continue;
    const values = rows.map((r) => r[h]);
    if (values.every((v) => PLACEHOLDERS.has(v.trim()) || Number.isFinite(Number(v)))) {
      columns[h] = values.map((v) => (PLACEHOLDERS.has(v.trim()) ? NaN : Number(v)));
    } else text[h] = values;
  }
  return makePanel({
    entityColumn: d.entityColumn,
    periodColumn: d.periodColumn,
    entity: rows.map((r) => r[d.entityColumn]),
    period: rows.map((r) => Number(r[d.periodColumn])),
    columns,
    text,
    file,
  });
}

/** The neighbour pairs of the 31 provinces (68 land borders + Guangdong–Hainan `strait`), for contiguity weights. */
export interface ProvinceBorder {
  readonly a: string;
  readonly b: string;
  /** `land` or `strait`. */
  readonly kind: string;
  /** Spreadsheet row in china-province-borders.csv (header = 1). */
  readonly row: number;
}

/** Province neighbour pairs from data/builtin/china-province-borders.csv (names as in china-sim's `province`). */
export async function loadChinaProvinceBorders(): Promise<ProvinceBorder[]> {
  const rows = csvRecords(await readFile(builtinFile('china-province-borders.csv'), 'utf8'));
  return rows.map((r, i) => ({ a: r.a, b: r.b, kind: r.kind, row: i + 2 }));
}

/**
 * The latent variables behind china-sim (SIMULATED): a complete balanced panel with columns
 * `innovation`, `industry`, `talent`, `nqpf` and `q` (= ln GDP per capita, the threshold variable).
 */
export async function loadChinaSimLatent(): Promise<Panel> {
  const d = datasetOrThrow('china-sim');
  const file = builtinFile(d.files.latent!);
  const rows = csvRecords(await readFile(file, 'utf8'));
  const cols = ['innovation', 'industry', 'talent', 'nqpf', 'q'];
  return makePanel({
    entityColumn: 'province',
    periodColumn: 'year',
    entity: rows.map((r) => r.province),
    period: rows.map((r) => Number(r.year)),
    columns: Object.fromEntries(cols.map((c) => [c, rows.map((r) => Number(r[c]))])),
    entities: await readEntities(d),
    meta: { ...builtinMeta(d), name: 'china-sim-latent', title: 'SIMULATED latent variables of china-sim', file: `data/builtin/${d.files.latent}` },
    file,
  });
}

/** True parameters of china-sim's data-generating process (see data/builtin/china-sim-truth.json). */
export interface ChinaSimTruth {
  readonly simulated: true;
  readonly seed: number;
  readonly years: [number, number];
  readonly equations: string[];
  readonly parameters: {
    readonly innovation: Record<string, number>;
    readonly industry: Record<string, number> & { a: number };
    readonly talent: Record<string, number> & { b: number };
    readonly nqpf: Record<string, number> & { c_low: number; c_high: number; gamma: number; d: number; e: number };
    readonly [k: string]: unknown;
  };
  readonly [k: string]: unknown;
}

/** The true parameters of china-sim (parsed china-sim-truth.json). */
export async function loadChinaSimTruth(): Promise<ChinaSimTruth> {
  return JSON.parse(await readFile(builtinFile('china-sim-truth.json'), 'utf8')) as ChinaSimTruth;
}

/** Catalog entries of all built-in datasets (re-exported for Node callers). */
export { BUILTIN_DATASETS };
