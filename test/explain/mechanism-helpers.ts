import { readFileSync } from 'node:fs';
import path from 'node:path';
import { csvRecords } from '../../src/datasets/csv-text.js';
import { makePanel, type Panel } from '../../src/data/panel.js';
import { ROOT } from '../helpers/root.js';
import { loadChinaSimMechanismPanel, loadChinaSimTruth, type ChinaSimTruth } from '../../src/io/builtin.js';

/** Read a fixture CSV (numeric columns except `entity`) into a panel, as the R scripts wrote it. */
export function fixturePanel(file: string, entity = 'id', period = 'year'): Panel {
  const recs = csvRecords(readFileSync(path.join(ROOT, file), 'utf8'));
  const names = Object.keys(recs[0]).filter((k) => k !== entity && k !== period);
  const columns: Record<string, Float64Array> = {};
  for (const nm of names)
    columns[nm] = Float64Array.from(recs, (r) => (r[nm] === 'NA' || r[nm] === '' ? NaN : Number(r[nm])));
  return makePanel({
    entityColumn: entity,
    periodColumn: period,
    entity: recs.map((r) => r[entity]),
    period: Float64Array.from(recs, (r) => Number(r[period])),
    columns,
    meta: { name: path.basename(file), simulated: true, file },
  });
}

/** Read a fixture JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are untyped JSON; callers name the type they read
export function fixtureJson<T = any>(file: string): T {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;
}

/** Relative error |a − b| / |b| (absolute when b = 0): the shared test helper. */
export { relativeError as relErr } from '../helpers/expect.js';

/**
 * china-sim's latent variables joined with its controls (SIMULATED) and the true parameters: the same
 * loaders `nqpf demo` uses (src/io/builtin.ts).
 */
export async function chinaSimLatent(): Promise<{ panel: Panel; truth: ChinaSimTruth }> {
  const [panel, truth] = await Promise.all([loadChinaSimMechanismPanel(), loadChinaSimTruth()]);
  return { panel, truth };
}
