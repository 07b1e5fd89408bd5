/**
 * `--table md|latex|csv|docx` of the commands that print publication tables, and the Word files of
 * `--out`: text formats go to stdout, Word to a file (in `--out DIR`, else the current folder).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Option } from 'commander';
import type { Label, Lang } from '../core/label.js';
import type { Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import type { PaperTable } from '../report/paper-table.js';
import { paperTableCsv, paperTableLatex, paperTableMarkdown, paperTableText } from '../report/paper-table.js';
import { writeFileAtomic } from '../io/atomic.js';
import { printJson, printNotes } from './common.js';

/** Formats of `--table`. */
export const TABLE_FORMATS = ['md', 'latex', 'csv', 'docx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** The `--table <format>` option (md, latex, csv print; docx writes a Word file). */
export function tableOption(what = 'print the table as a publication table'): Option {
  return new Option(
    '--table <format>',
    `${what}: md, latex, csv (printed), or docx (a Word file with three-line tables: <name>.docx in --out DIR, else here)`,
  ).choices([...TABLE_FORMATS]);
}

/** Text of tables in a text format of `--table`. */
export function paperTablesText(format: Exclude<TableFormat, 'docx'>, tables: readonly PaperTable[]): string {
  const one = format === 'md' ? paperTableMarkdown : format === 'latex' ? paperTableLatex : paperTableCsv;
  return tables.map(one).join('\n');
}

/**
 * Write `tables` as a Word document `<name>.docx` in `dir` (created if needed); returns its path.
 * The docx builder is loaded here, only when a Word file is written.
 */
export async function writeDocxTables(
  dir: string,
  name: string,
  tables: readonly PaperTable[],
  lang: Lang,
  heading?: string,
): Promise<string> {
  const { docxTables } = await import('../report/docx.js');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.docx`);
  await writeFileAtomic(file, await docxTables(tables, { lang, heading }));
  return file;
}

/**
 * `--table FORMAT`: print md/latex/csv on stdout, or write `<name>.docx` (in `out`, else the current
 * folder) and say so on stderr. Returns the Word file written, if any.
 */
export async function emitTables(
  format: TableFormat,
  tables: readonly PaperTable[],
  options: { name: string; out?: string; lang: Lang },
): Promise<string | undefined> {
  if (format !== 'docx') {
    const text = paperTablesText(format, tables);
    process.stdout.write(text.endsWith('\n') ? text : text + '\n');
    return undefined;
  }
  const file = await writeDocxTables(options.out ?? '.', options.name, tables, options.lang);
  process.stderr.write(`wrote ${file}\n`);
  return file;
}

/** What a table command (describe, correlate) computed, for {@link finishTableCommand}. */
export interface TableCommandOutput {
  readonly command: string;
  readonly opts: { readonly out?: string; readonly json?: boolean; readonly table?: TableFormat };
  readonly panel: Panel;
  readonly lang: Lang;
  /** The publication tables (one per `--by` group), with the source line as their last note. */
  readonly tables: readonly PaperTable[];
  readonly source?: string;
  readonly notes: readonly Note[];
  /** Title of the report and of its one section. */
  readonly title: Label;
  /** The CSV/XLSX tables of `--out` (first row = header). */
  readonly csv: Readonly<Record<string, readonly (readonly unknown[])[]>>;
  /** The `--json` object. */
  readonly json: () => object;
}

/**
 * The common end of a table command: `--out` (CSV, XLSX, tables.docx and the report section of the
 * tables), then `--json`, or the warnings and the tables as text or in the `--table` format.
 */
export async function finishTableCommand(o: TableCommandOutput): Promise<void> {
  const { opts, panel, lang } = o;
  const files: string[] = [];
  if (opts.out) {
    const [{ writeCommandOutputs }, { paperTableBlock }] = await Promise.all([
      import('./outputs.js'),
      import('../report/paper-table.js'),
    ]);
    files.push(
      ...(await writeCommandOutputs(opts.out, o.command, {
        panel,
        lang,
        notes: o.notes,
        title: o.title,
        tables: o.csv,
        sections: [
          {
            id: o.command,
            title: o.title,
            datasetName: panel.meta.name,
            // The report prints the source under each table itself.
            blocks: o.tables.map((t) => paperTableBlock({ ...t, notes: t.notes.filter((n) => n !== o.source) })),
          },
        ],
      })),
    );
  }
  if (opts.json) {
    printJson({ ...o.json(), ...(files.length ? { files } : {}) });
    return;
  }
  printNotes(o.notes);
  if (panel.meta.simulated) process.stdout.write(`Data: ${panel.meta.name} (SIMULATED)\n`);
  if (opts.table) await emitTables(opts.table, o.tables, { name: o.command, out: opts.out, lang });
  else process.stdout.write(o.tables.map(paperTableText).join('\n'));
  if (files.length) process.stderr.write(`wrote ${files.map((f) => path.join(opts.out!, f)).join(', ')}\n`);
}
