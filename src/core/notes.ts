/**
 * Notes recorded on results: warnings about suspicious but legal input, and a record of what was
 * dropped, imputed or removed (fixest's `collin.var` / `obs_selection`, COINr's log). Results carry their
 * notes; the CLI prints warnings once on stderr and puts all notes in `--json` output.
 */
/**
 * Every note code the engine records. A union, so that a result's notes can be translated (the report
 * shows {@link NOTE_LABELS} in English or Chinese) and filtered without reading message text; a new
 * code is added here and in NOTE_LABELS, and the compiler points at both.
 */
export type NoteCode =
  | 'aggregate-rows'
  | 'bootstrap-failed'
  | 'bootstrap-nested-fe'
  | 'boundary'
  | 'class-ratio-failed'
  | 'collinear'
  | 'column-twice'
  | 'constant-in-period'
  | 'constant-indicator'
  | 'constant-within-periods'
  | 'cross-section'
  | 'builtin-contiguity'
  | 'csmar-header'
  | 'cv-mean-near-zero'
  | 'demean-not-converged'
  | 'dropped-municipalities'
  | 'dropped-points'
  | 'dropped-rows'
  | 'empty-class'
  | 'empty-dimension-weight'
  | 'empty-missing'
  | 'encoding-gb18030'
  | 'entropy-period-skipped'
  | 'few-clusters'
  | 'few-clusters-bootstrap'
  | 'few-periods'
  | 'filled-down'
  | 'footnote-rows'
  | 'forecast-skipped'
  | 'framework-encoding'
  | 'group-not-constant'
  | 'header-rows'
  | 'header-variables-years'
  | 'html-table'
  | 'impute-no-data'
  | 'imputed'
  | 'iv-no-instrument'
  | 'lee-yu'
  | 'log-nonpositive'
  | 'math-domain'
  | 'missing-in-period'
  | 'missing-lag'
  | 'missing-score'
  | 'negative-variance'
  | 'no-ergodic'
  | 'no-neighbours'
  | 'no-obstacle'
  | 'normalised-above-1'
  | 'periods'
  | 'permutation-failed'
  | 'permutation-unit'
  | 'placeholders-missing'
  | 'poly-missing'
  | 'province-spellings'
  | 'removal-skipped'
  | 'repeated-pair'
  | 'sample-filter'
  | 'sensitivity-design'
  | 'shared-indicator'
  | 'simulated-data'
  | 'single-level'
  | 'singleton-group'
  | 'singletons'
  | 'skipped-rows'
  | 'subsample'
  | 'suest-robust'
  | 'text-column'
  | 'theil-l-zero'
  | 'threshold-trim'
  | 'threshold-vcov-time-effects'
  | 'too-few-observations'
  | 'total-row'
  | 'traditional-coupling'
  | 'uneven-periods'
  | 'value-labels'
  | 'stat-file'
  | 'unknown-province'
  | 'unnamed-column'
  | 'vcov-not-psd'
  | 'weak-instrument'
  | 'weights-not-row-standardised'
  | 'wide-ignored-columns'
  | 'wide-layout'
  | 'winsorized'
  | 'zero-subsystem';

export interface Note {
  /** `warning`: the user should look; `info`: a record of what was done. */
  readonly level: 'warning' | 'info';
  /** Stable machine-readable code, e.g. `constant-indicator`, `imputed`, `dropped-rows`, `collinear`. */
  readonly code: NoteCode;
  /** Human-readable sentence naming the entity, indicator or term concerned. */
  readonly message: string;
  /**
   * Optional structured detail (ids, counts, cells). Notes about one data column carry it as
   * `detail.column` ({@link noteColumn}).
   */
  readonly detail?: unknown;
}

/** The data column a note is about (`detail.column`), if it names one. */
export function noteColumn(note: Note): string | undefined {
  const d = note.detail;
  if (
    d !== null &&
    typeof d === 'object' &&
    !Array.isArray(d) &&
    typeof (d as { column?: unknown }).column === 'string'
  ) {
    return (d as { column: string }).column;
  }
  return undefined;
}

/** Collects notes, keeping one note per (code, message) so a warning is given once. */
export class NoteLog {
  private readonly seen = new Set<string>();
  readonly notes: Note[] = [];

  constructor(initial: readonly Note[] = []) {
    for (const n of initial) this.add(n);
  }

  add(note: Note): void {
    const key = `${note.code}\u0000${note.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.notes.push(note);
  }

  warn(code: NoteCode, message: string, detail?: unknown): void {
    this.add({ level: 'warning', code, message, detail });
  }

  info(code: NoteCode, message: string, detail?: unknown): void {
    this.add({ level: 'info', code, message, detail });
  }
}
