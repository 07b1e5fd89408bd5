/**
 * Node loader for the built-in datasets listed in `src/datasets/catalog.ts`. The data files live in
 * `data/builtin/` at the package root, found from this module's URL ({@link packageRoot}) so that the same code works from
 * `src/` (tsx, vitest), from `dist/` after the build and from the bundled CLI.
 *
 * The panels go through `readPanel`, the reader used for user files, so built-in data takes the same
 * cleaning path (yearbook placeholders such as "—" and ".." become missing and are recorded as notes).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityInfo, Panel } from '../data/panel.js';
import { makePanel, withColumns } from '../data/panel.js';
import { InputError } from '../core/errors.js';
import {
  BUILTIN_DATASETS,
  CHINA_SIM_CONTROLS,
  builtinDatasetNames,
  findBuiltinDataset,
  type BuiltinDataset,
} from '../datasets/catalog.js';
import { csvRecords } from '../datasets/csv-text.js';
import { builtinEntities, builtinMeta, withBuiltinEntities } from '../datasets/builtin-panel.js';
import type { ChinaSimTruth } from '../datasets/china-sim-truth.js';
import { packageRoot } from './package-root.js';
import { readPanel } from './read-panel.js';

/** Absolute path of the package's `data/builtin/` folder. */
export const BUILTIN_DIR = path.join(packageRoot(), 'data', 'builtin');

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

export { builtinMeta };

/** Entity attributes from the dataset's entity file (names, group, coordinates, codes). */
async function readEntities(d: BuiltinDataset): Promise<EntityInfo[]> {
  return builtinEntities(d, await readFile(builtinFile(d.files.entities), 'utf8'));
}

/**
 * Load built-in dataset `name` as a {@link Panel}: read through `readPanel` (same cleaning as user
 * data), with entity attributes (`group` = continent for world-pwt, NBS four-region class for
 * china-sim; capital or country coordinates; ISO3 or GB/T 2260 code) and `meta` carrying the title,
 * `simulated` flag, citation and licence. Simulated data also gets an info note `simulated-data` first
 * in `notes`, so `--json` output that lists notes says so.
 *
 * @throws InputError for an unknown name.
 */
export async function loadBuiltinDataset(name: string): Promise<Panel> {
  const d = datasetOrThrow(name);
  const [panel, entities] = await Promise.all([
    readPanel(builtinFile(d.files.data), {
      entity: d.entityColumn,
      period: d.periodColumn,
      layout: 'long',
      encoding: 'utf-8',
      group: d.groupColumn,
    }),
    readEntities(d),
  ]);
  return withBuiltinEntities(d, panel, entities);
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
 * `innovation`, `industry`, `talent`, `nqpf`, `q` (= ln GDP per capita, the threshold variable) and
 * `nqpf_sdm` (NQPF with spatial Durbin spillovers ρ·W·NQPF + θ·W·innovation).
 */
export async function loadChinaSimLatent(): Promise<Panel> {
  const d = datasetOrThrow('china-sim');
  const file = builtinFile(d.files.latent!);
  const rows = csvRecords(await readFile(file, 'utf8'));
  // nqpf_sdm: the NQPF equation with spatial Durbin spillovers, when the file has it.
  const cols = [
    'innovation',
    'industry',
    'talent',
    'nqpf',
    'q',
    ...(rows.length && 'nqpf_sdm' in rows[0] ? ['nqpf_sdm'] : []),
  ];
  return makePanel({
    entityColumn: 'province',
    periodColumn: 'year',
    entity: rows.map((r) => r.province),
    period: rows.map((r) => Number(r.year)),
    columns: Object.fromEntries(cols.map((c) => [c, rows.map((r) => Number(r[c]))])),
    entities: await readEntities(d),
    meta: {
      ...builtinMeta(d),
      name: 'china-sim-latent',
      title: 'SIMULATED latent variables of china-sim',
      zh: { ...d.zh, title: 'china-sim 的模拟潜变量' },
      file: `data/builtin/${d.files.latent}`,
    },
    file,
  });
}

export type { ChinaSimTruth } from '../datasets/china-sim-truth.js';

/** The true parameters of china-sim (parsed china-sim-truth.json). */
export async function loadChinaSimTruth(): Promise<ChinaSimTruth> {
  return JSON.parse(await readFile(builtinFile('china-sim-truth.json'), 'utf8')) as ChinaSimTruth;
}

/** Catalog entries of all built-in datasets (re-exported for Node callers). */
export { BUILTIN_DATASETS };

/**
 * china-sim's latent variables with the observed controls (urbanization, openness,
 * fiscal_decentralization) joined by province and year: the data on which the mechanism estimators
 * can be checked against the true parameters. SIMULATED.
 */
export async function loadChinaSimMechanismPanel(observed?: Panel): Promise<Panel> {
  // `observed`: china-sim as read (not imputed), when the caller has it already.
  const [latent, sim] = await Promise.all([loadChinaSimLatent(), observed ?? loadBuiltinDataset('china-sim')]);
  const row = new Map(sim.entity.map((e, i) => [`${e}\u0000${sim.period[i]}`, i]));
  const controls: Record<string, Float64Array> = {};
  for (const c of CHINA_SIM_CONTROLS) {
    const src = sim.columns[c];
    if (!src) continue;
    controls[c] = Float64Array.from(
      latent.entity,
      (e, i) => src[row.get(`${e}\u0000${latent.period[i]}`) ?? -1] ?? NaN,
    );
  }
  return withColumns(latent, controls);
}
