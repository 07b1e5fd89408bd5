/**
 * Helpers shared by the stage functions of `src/api`: the library's face of each command. Every
 * stage function takes a panel (and a framework where it measures), a small options record with
 * defaults, and returns exactly the object its command prints with `--json`.
 */
import { noteColumn, type Note } from '../core/notes.js';
import { impute, type ImputeMethod } from '../data/impute.js';
import type { Panel } from '../data/panel.js';

/** Reading notes that concern `columns` (notes whose `detail.column` is another column are left out). */
export function notesFor(notes: readonly Note[], columns: readonly string[]): Note[] {
  return notes.filter((n) => {
    const c = noteColumn(n);
    return c === undefined || columns.includes(c);
  });
}

/** Treat missing values of `columns` by `method` (recorded in the returned panel's notes). */
export function imputeColumns(panel: Panel, method: ImputeMethod | undefined, columns: readonly string[]): Panel {
  if (!method || method === 'none') return panel;
  return impute(panel, { method, columns: [...new Set(columns)] }).panel;
}

/** A list option given as an array or as comma-separated text (`"a,b"`). */
export function listOf(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const parts = typeof value === 'string' ? value.split(',') : value;
  return parts.map((s) => s.trim()).filter(Boolean);
}

/** The `sample-filter` notes of a panel (what `where` and `years` kept), for results that do not carry the panel's notes. */
export function sampleFilterNotes(panel: Panel): Note[] {
  return panel.notes.filter((n) => n.code === 'sample-filter');
}
