import path from 'node:path';
import { ROOT } from '../helpers/root.js';
import { readFileSync } from 'node:fs';
import { makePanel, type Panel } from '../../src/data/panel.js';

export const PWT_CSV = path.join(ROOT, 'data/builtin/world-pwt.csv');

/** Split one CSV line with "quoted, fields". */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * The world-pwt panel as test/fixtures/measure/world-pwt.R builds it, read with a small reader of
 * our own (independent of src/io) from the PWT 9.1 variables that data/builtin/world-pwt.csv copies
 * verbatim (155 countries, 1990-2017), the ratios recomputed: emp_rate = emp/pop, k_per_worker = cn/emp,
 * ck_per_worker = (ck/emp)/(ck_USA/emp_USA) in the same year, y_per_worker = rgdpo/emp. Missing
 * values stay NaN (measure drops those rows).
 */
export function pwtPanel(): Panel {
  const lines = readFileSync(PWT_CSV, 'utf8').split(/\r?\n/).filter(Boolean);
  const head = splitCsv(lines[0]);
  const at = (name: string) => head.indexOf(name);
  const num = (s: string) => (s === '' || s === 'NA' ? NaN : Number(s));
  const entity: string[] = [];
  const period: number[] = [];
  const cols: Record<string, number[]> = {
    hc: [],
    avh: [],
    emp_rate: [],
    k_per_worker: [],
    ck_per_worker: [],
    csh_i: [],
    ctfp: [],
    y_per_worker: [],
  };
  const records = lines.slice(1).map(splitCsv);
  const usaPerWorker = new Map<number, number>();
  for (const f of records)
    if (f[at('iso3')] === 'USA') usaPerWorker.set(num(f[at('year')]), num(f[at('ck')]) / num(f[at('emp')]));
  for (const f of records) {
    const year = num(f[at('year')]);
    const v = (name: string) => num(f[at(name)]);
    entity.push(f[at('iso3')]);
    period.push(year);
    cols.hc.push(v('hc'));
    cols.avh.push(v('avh'));
    cols.emp_rate.push(v('emp') / v('pop'));
    cols.k_per_worker.push(v('cn') / v('emp'));
    cols.ck_per_worker.push(v('ck') / v('emp') / (usaPerWorker.get(year) ?? NaN));
    cols.csh_i.push(v('csh_i'));
    cols.ctfp.push(v('ctfp'));
    cols.y_per_worker.push(v('rgdpo') / v('emp'));
  }
  return makePanel({ entityColumn: 'iso3', periodColumn: 'year', entity, period, columns: cols, file: PWT_CSV });
}
