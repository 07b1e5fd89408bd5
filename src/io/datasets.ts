/** The built-in datasets with counts read from the shipped files (Node: reads data/builtin). */
import { BUILTIN_DATASETS } from '../datasets/catalog.js';
import { loadBuiltinDataset } from './builtin.js';

/** One line of `nqpf datasets`: catalog facts plus counts read from the shipped file. */
export interface DatasetListing {
  name: string;
  title: string;
  simulated: boolean;
  rows: number;
  entities: number;
  periods: [number, number];
  columns: string[];
  entityColumn: string;
  periodColumn: string;
  group: string;
  citation: string;
  licence: string;
  description: string;
  files: Record<string, string>;
}

/** Catalog entries with row, entity and period counts from the loaded panels. */
export async function listDatasets(): Promise<DatasetListing[]> {
  const out: DatasetListing[] = [];
  for (const d of BUILTIN_DATASETS) {
    const p = await loadBuiltinDataset(d.name);
    out.push({
      name: d.name,
      title: d.title,
      simulated: d.simulated,
      rows: p.entity.length,
      entities: p.entities.length,
      periods: [p.periods[0], p.periods[p.periods.length - 1]],
      columns: Object.keys(p.columns),
      entityColumn: d.entityColumn,
      periodColumn: d.periodColumn,
      group: d.groupColumn,
      citation: d.citation,
      licence: d.licence,
      description: d.description,
      files: Object.fromEntries(Object.entries(d.files).map(([k, f]) => [k, `data/builtin/${f}`])),
    });
  }
  return out;
}

/** The built-in datasets, as `nqpf datasets --json`. */
export async function datasets(): Promise<{ datasets: DatasetListing[] }> {
  return { datasets: await listDatasets() };
}
