import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { dataOptions, OUTPUT_OPTIONS } from '../options/data.js';
import { filterSample, yearsOf, type YearsSpec } from '../data/sample-filter.js';
import { addOptions } from './options.js';
import { writeCsv } from '../io/write.js';
import type { Panel } from '../data/panel.js';
import type { Note } from '../core/notes.js';
import type { Lang } from '../core/label.js';
import { noteText } from '../report/i18n.js';
import { InputError } from '../core/errors.js';
import type { ImputeMethod } from '../data/impute.js';
import { toJsonText } from '../core/json.js';
import { readPanel } from '../io/read-panel.js';
import { isBuiltinDataset, loadBuiltinDataset } from '../io/builtin.js';

// Shared with the library's stage functions (src/api), re-exported for the commands.
export { jsonReplacer } from '../core/json.js';
export { imputeColumns, notesFor } from '../api/common.js';

/**
 * Options every data-reading command shares (the same flags across commands, from the option
 * catalog's `dataOptions()`, src/options/data.ts).
 */
export interface DataOptions {
  impute?: ImputeMethod;
  data: string;
  entity?: string;
  period?: string;
  encoding?: string;
  sheet?: string;
  layout?: 'long' | 'wide' | 'auto';
  skipRows?: number;
  headerRows?: number;
  frequency?: 'year' | 'quarter' | 'month' | 'auto';
  /** `--codes`: Stata/SPSS files keep the numeric codes of labelled variables. */
  codes?: boolean;
  /** `--where`: a condition on the columns (src/data/where.ts). */
  where?: string;
  /** `--years`: the years to keep. */
  years?: YearsSpec;
  json?: boolean;
  out?: string;
  debug?: boolean;
  lang?: Lang;
  system?: string;
}

/** The language of reports and messages: --lang, else the environment variable NQPF_LANG (zh or en), else English. */
export function reportLang(opts: { lang?: Lang } = {}): Lang {
  if (opts.lang) return opts.lang;
  return process.env.NQPF_LANG?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let messagesLang: Lang = 'en';
/** Set the language of CLI messages (warnings, errors) for this run; `main` sets it from --lang / NQPF_LANG. */
export function setCliLang(lang: Lang): void {
  messagesLang = lang;
}
/** The language of CLI messages of this run. */
export function cliLang(): Lang {
  return messagesLang;
}

/**
 * Add the shared data options of the catalog (src/options/data.ts): --data, --entity, --period,
 * --encoding, --sheet, --layout, --skip-rows, --header-rows, --frequency, --system (a scores file's
 * system, unless `scoresSystem` is false), --where, --years, --json, --out, --lang.
 */
export function withDataOptions(cmd: Command, { scoresSystem = true } = {}): Command {
  return addOptions(cmd, [...dataOptions({ scoresSystem }), ...OUTPUT_OPTIONS]);
}

/**
 * Read `--data` (a file or a built-in dataset name) into a panel and apply the sample filter
 * (`--where`, `--years`; a `sample-filter` note records the rows kept and dropped).
 */
export async function loadData(opts: DataOptions): Promise<Panel> {
  return filterSample(await readData(opts), { where: opts.where, years: opts.years });
}

/** Read `--data` as it is, without the sample filter. */
export async function readData(opts: DataOptions): Promise<Panel> {
  if (isBuiltinDataset(opts.data)) return loadBuiltinDataset(opts.data);
  return readPanel(opts.data, {
    system: opts.system,
    entity: opts.entity,
    period: opts.period,
    encoding: opts.encoding,
    sheet: opts.sheet,
    layout: opts.layout,
    skipRows: opts.skipRows,
    headerRows: opts.headerRows,
    frequency: opts.frequency,
    codes: opts.codes,
  });
}

/** Print a JSON object on stdout (the `--json` contract: one object, nothing else on stdout). */
export function printJson(value: unknown): void {
  process.stdout.write(toJsonText(value) + '\n');
}

/** Print warnings on stderr, once each (info notes only with `verbose`). */
export function printNotes(notes: readonly Note[], verbose = false): void {
  const seen = new Set<string>();
  for (const n of notes) {
    if (n.level !== 'warning' && !verbose) continue;
    if (seen.has(n.message)) continue;
    seen.add(n.message);
    const zh = messagesLang === 'zh';
    process.stderr.write(
      `${n.level === 'warning' ? (zh ? '警告' : 'warning') : zh ? '记录' : 'note'}${zh ? '：' : ': '}${noteText(n, messagesLang)}\n`,
    );
  }
}

/** A line on stderr for work that may take more than a second; silent in `--json` mode only on stdout. */
export function progress(message: string): void {
  process.stderr.write(`… ${message}\n`);
}

/** Parse a comma-separated list option. */
export function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Parse a non-negative integer option, or throw an InputError naming the flag. */
export function intOption(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InputError(`${flag} takes a whole number (got "${value}")`);
    return n;
  };
}

/** Parse a number option, or throw an InputError naming the flag. */
export function numberOption(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new InputError(`${flag} takes a number (got "${value}")`);
    return n;
  };
}

/** `--impute` for commands that fit models on raw variables (see {@link imputeColumns}). */
export function withImputeOption(cmd: Command, defaultMethod: ImputeMethod = 'none'): Command {
  return cmd.addOption(
    new Option(
      '--impute <method>',
      'missing values of the variables used: linear (within entity), mean (group mean in the period), drop rows, none',
    )
      .choices(['linear', 'mean', 'drop', 'none'])
      .default(defaultMethod),
  );
}

/** A number with `d` decimals for the text output of a command, "NA" when missing. */
export function fixed(x: number, d = 4): string {
  return Number.isFinite(x) ? x.toFixed(d) : 'NA';
}

/** `--out DIR`: write each table (first row = header) as DIR/<name>.csv with a BOM (Excel reads Chinese). Returns the file names. */
export async function writeTables(
  dir: string,
  tables: Record<string, readonly (readonly unknown[])[]>,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const names = Object.keys(tables).map((n) => `${n}.csv`);
  for (const [name, rows] of Object.entries(tables)) await writeCsv(path.join(dir, `${name}.csv`), rows, { bom: true });
  return names;
}

/**
 * The periods of a `--years` list in the order given, for the stages that report per period in
 * that order (disparity, density); undefined for a range or sub-annual data (the sample filter has
 * already kept the rows).
 */
export function listedYears(panel: Panel, years: YearsSpec | undefined): number[] | undefined {
  if (!years || !Array.isArray(years) || (panel.meta.frequency && panel.meta.frequency !== 'year')) return undefined;
  return yearsOf(panel, years);
}

/** Parse --years 2012,2015 or 2012-2023 into a list of periods. */
export function parseYears(value: string | undefined): number[] | undefined {
  if (!value) return undefined;
  const m = /^\s*(-?\d+)\s*-\s*(-?\d+)\s*$/.exec(value);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  const v = list(value).map(Number);
  if (!v.length || v.some((x) => !Number.isFinite(x)))
    throw new InputError(`--years takes years such as 2012,2017 or 2012-2023 (got "${value}")`);
  return v;
}
