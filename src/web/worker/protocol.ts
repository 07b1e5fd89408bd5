/**
 * The typed message protocol between the workbench page and its engine worker. Requests carry an
 * id; the worker answers each with one `result` or `error`, and may send `progress` before. Cancel
 * = the page terminates the worker and starts a new one (the engine's loops are synchronous, so a
 * terminated worker is the only cancellation that stops them at once); the page replays the data
 * and framework requests it holds.
 */
import type { Label } from '../../core/label.js';
import type { Note } from '../../core/notes.js';
import type { EntityInfo } from '../../data/panel.js';
import type { Framework } from '../../framework/types.js';
import type { DataSource, MeasureSettings } from '../../run/project-file.js';

/** Options of reading a user's file (the CLI's --entity, --period, --sheet, --encoding, --layout). */
export interface ReadSettings {
  entity?: string;
  period?: string;
  sheet?: string;
  encoding?: string;
  layout?: 'long' | 'wide' | 'auto';
}

export type Request =
  | { kind: 'load-builtin'; name: string; baseUrl: string }
  | { kind: 'load-file'; fileName: string; bytes: ArrayBuffer; settings: ReadSettings }
  | { kind: 'load-framework'; builtin?: string; text?: string; definition?: unknown; fileName?: string }
  | { kind: 'measure'; settings: MeasureSettings }
  | { kind: 'couple'; systems: string[]; method: 'traditional' | 'wang' | 'fan' }
  | { kind: 'disparity'; system: string }
  | { kind: 'density'; system: string }
  | { kind: 'moran'; system: string; period?: number; permutations: number; seed: number }
  | { kind: 'regress'; formula: string; vcov: string }
  | { kind: 'forecast'; system: string; ids: string[]; horizon: number; last: number }
  | { kind: 'mediate'; x: string; mediators: string[]; y: string; bootstrap: number; seed: number }
  | { kind: 'threshold'; y: string; x: string; q: string; bootstrap: number; seed: number }
  | {
      kind: 'diagnose';
      systems: string[];
      method: 'traditional' | 'wang' | 'fan';
      system: string;
      permutations: number;
      seed: number;
    }
  | { kind: 'report'; lang: 'en' | 'zh' }
  | { kind: 'xlsx' };

/** An InputError as plain data: where (file, row, column), what and the fix. */
export interface ErrorInfo {
  message: string;
  file?: string;
  row?: number;
  column?: string;
  hint?: string;
  /** true for a user error (bad input), false for a bug. */
  input: boolean;
}

export type Response =
  | { id: number; type: 'result'; value: unknown }
  | { id: number; type: 'error'; error: ErrorInfo }
  | { id: number; type: 'progress'; done: number; total: number; label: string };

/** A numeric or text column of the loaded data with its coverage. */
export interface ColumnInfo {
  name: string;
  numeric: boolean;
  /** Share of non-missing cells (numeric columns). */
  coverage: number;
  missing: number;
}

/** What the data step shows after a file or dataset is read. */
export interface DataSummary {
  source: DataSource;
  title: string;
  simulated: boolean;
  citation?: string;
  entityColumn: string;
  periodColumn: string;
  /** Column names of the file as read (for the entity/period pickers). */
  header: string[];
  /** XLSX: the workbook's sheets and the one read. */
  sheets: string[];
  sheet?: string;
  /** CSV: the text encoding detected (utf-8, gb18030). */
  encoding?: string;
  columns: ColumnInfo[];
  entities: EntityInfo[];
  periods: number[];
  rows: number;
  /** The first rows as the reader saw them (text cells), for the preview table. */
  preview: { header: string[]; rows: string[][] };
  notes: Note[];
  /** Which base map fits the entities. */
  mapKind: 'world' | 'china' | 'none';
}

/** The loaded framework and its notes. */
export interface FrameworkInfo {
  framework: Framework;
  /** The definition the framework file holds (YAML download, project file). */
  definition: Record<string, unknown>;
  notes: Note[];
}

/** One row of the `--json` scores array. */
export interface ScoreJson {
  entity: string;
  period: number;
  index: number;
  system: string;
  dimensions: Record<string, number>;
  rank: number;
}

/** The measure result as the workbench shows it: `nqpf measure --json` plus look-ups. */
export interface MeasureView {
  json: {
    weights: { id: string; dimension: string; system: string; weight: number }[];
    scores: ScoreJson[];
    notes: Note[];
  };
  weightRows: unknown[][];
  dimensionWeights: { id: string; system: string; parent?: string; weight: number }[];
  systems: { id: string; name: Label; dimensions: { id: string; name: Label }[] }[];
  periods: number[];
  coverage: { column: string; coverage: number; missing: number }[];
  imputed: number;
}

/** A block of the diagnosis view as text, ready to show (the report section's blocks, numbers formatted). */
export type ViewBlock =
  | { kind: 'heading' | 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; caption: string; header: string[]; rows: string[][]; testid: string };

/** The three problems (src/diagnose) in the report section's wording, in both languages. */
export interface DiagnosisView {
  en: ViewBlock[];
  zh: ViewBlock[];
  /** Why the isolation could not be read (e.g. entities without coordinates). */
  isolationError?: ErrorInfo;
}
