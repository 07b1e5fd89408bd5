import type { Panel } from '../data/panel.js';
import { column } from '../data/panel.js';
import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import type { Expr, Formula, Term } from './formula.js';
import { exprLabel, parseFormula } from './formula.js';
import type { FixedEffect } from './demean.js';
import { removeSingletons } from './singletons.js';

/** Rows removed while building the estimation sample. */
export interface DroppedRows {
  readonly reason: 'missing' | 'singleton';
  readonly count: number;
  /** Panel row indices (0-based) removed for this reason. */
  readonly rows: readonly number[];
  readonly message: string;
}

/** Options of {@link modelFrame}. */
export interface ModelFrameOptions {
  /** Keep singleton observations of FE models (default false: removed iteratively as reghdfe does). */
  keepSingletons?: boolean;
  /**
   * Further variables that must be non-missing on the sample (e.g. cluster variables: as fixest,
   * rows with a missing cluster id are dropped before estimation).
   */
  require?: readonly string[];
}

/** The estimation sample of a formula on a panel: numeric columns, FE codes, what was dropped. */
export interface ModelFrame {
  readonly formula: Formula;
  readonly panel: Panel;
  /** Number of rows in the sample. */
  readonly n: number;
  /** Panel row index (0-based) of each sample row. */
  readonly rows: Int32Array;
  readonly y: Float64Array;
  readonly yName: string;
  /** Exogenous regressors in formula order; `(Intercept)` first when the model has one. */
  readonly x: Float64Array[];
  readonly xNames: string[];
  readonly endogenous: Float64Array[];
  readonly endogenousNames: string[];
  readonly instruments: Float64Array[];
  readonly instrumentNames: string[];
  readonly fixedEffects: FixedEffect[];
  readonly dropped: DroppedRows[];
  readonly notes: Note[];
}

/** Evaluates expressions on a panel, with lags by period value within entity. */
class Evaluator {
  private readonly cache = new Map<string, Float64Array>();
  private entityStart: Int32Array | undefined;
  constructor(
    private readonly panel: Panel,
    private readonly log: NoteLog,
  ) {}

  private rowOfPeriod(): (i: number, target: number) => number {
    const p = this.panel;
    const n = p.entity.length;
    if (!this.entityStart) {
      const start = new Int32Array(n);
      for (let i = 0; i < n; i++) start[i] = i > 0 && p.entityIndex[i] === p.entityIndex[i - 1] ? start[i - 1] : i;
      this.entityStart = start;
    }
    const start = this.entityStart;
    return (i, target) => {
      // Rows of one entity are contiguous and sorted by period: binary search its block.
      let lo = start[i];
      const e = p.entityIndex[i];
      let hi = i;
      if (target > p.period[i]) {
        lo = i;
        hi = i;
        while (hi + 1 < n && p.entityIndex[hi + 1] === e) hi++;
      }
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = p.period[mid];
        if (v === target) return mid;
        if (v < target) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    };
  }

  eval(e: Expr): Float64Array {
    const key = exprLabel(e);
    const hit = this.cache.get(key);
    if (hit) return hit;
    let out: Float64Array;
    switch (e.kind) {
      case 'var':
        out = column(this.panel, e.name, 'the formula');
        break;
      case 'log': {
        const a = this.eval(e.arg);
        out = new Float64Array(a.length);
        let bad = 0;
        for (let i = 0; i < a.length; i++) {
          const v = a[i];
          if (v > 0) out[i] = Math.log(v);
          else {
            out[i] = NaN;
            if (!Number.isNaN(v)) bad++;
          }
        }
        if (bad)
          this.log.warn(
            'log-nonpositive',
            `${key}: ${bad} non-positive value(s) of ${exprLabel(e.arg)} set to missing`,
            { term: key, count: bad },
          );
        break;
      }
      case 'lag':
      case 'diff': {
        const a = this.eval(e.arg);
        const find = this.rowOfPeriod();
        const p = this.panel;
        out = new Float64Array(a.length);
        for (let i = 0; i < a.length; i++) {
          const j = find(i, p.period[i] - e.k);
          const lag = j < 0 ? NaN : a[j];
          out[i] = e.kind === 'lag' ? lag : a[i] - lag;
        }
        break;
      }
    }
    this.cache.set(key, out);
    return out;
  }

  term(t: Term): Float64Array {
    if (t.factors.length === 1) return this.eval(t.factors[0]);
    const cols = t.factors.map((f) => this.eval(f));
    const out = cols[0].slice();
    for (let j = 1; j < cols.length; j++) for (let i = 0; i < out.length; i++) out[i] *= cols[j][i];
    return out;
  }
}

/** Dense level codes (−1 = missing) of a FE or cluster variable named `name` on the whole panel. */
export function factorCodes(
  panel: Panel,
  name: string,
  context = 'fixed effects',
): { codes: Int32Array; labels: string[] } {
  if (name === panel.entityColumn) return { codes: panel.entityIndex, labels: panel.entities.map((e) => e.id) };
  if (name === panel.periodColumn) return { codes: panel.periodIndex, labels: panel.periods.map(String) };
  const n = panel.entity.length;
  const codes = new Int32Array(n);
  const labels: string[] = [];
  const index = new Map<string, number>();
  const textCol = panel.text[name];
  const numCol = panel.columns[name];
  if (!textCol && !numCol) {
    throw new InputError(`unknown variable "${name}" in ${context}`, {
      file: panel.meta.file,
      column: name,
      hint: `use the entity column "${panel.entityColumn}", the period column "${panel.periodColumn}", or one of: ${[...Object.keys(panel.text), ...Object.keys(panel.columns)].slice(0, 20).join(', ')}`,
    });
  }
  for (let i = 0; i < n; i++) {
    const missing = textCol ? textCol[i] == null || textCol[i] === '' : !Number.isFinite(numCol![i]);
    if (missing) {
      codes[i] = -1;
      continue;
    }
    const key = textCol ? textCol[i] : String(numCol![i]);
    let c = index.get(key);
    if (c === undefined) {
      c = labels.length;
      index.set(key, c);
      labels.push(key);
    }
    codes[i] = c;
  }
  return { codes, labels };
}

/** Re-code `codes` on the kept rows to dense 0..L−1, preserving level order. */
export function compactCodes(
  name: string,
  codes: Int32Array,
  labels: readonly string[],
  rows: Int32Array,
): FixedEffect {
  const map = new Int32Array(labels.length).fill(-1);
  for (let r = 0; r < rows.length; r++) map[codes[rows[r]]] = 0;
  // Every row kept and every level used: the codes are already dense (shared, never written to).
  if (rows.length === codes.length && !map.includes(-1)) return { name, codes, nLevels: labels.length, labels };
  const kept: string[] = [];
  for (let g = 0; g < map.length; g++)
    if (map[g] === 0) {
      map[g] = kept.length;
      kept.push(labels[g]);
    }
  const out = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = map[codes[rows[r]]];
  return { name, codes: out, nLevels: kept.length, labels: kept };
}

/**
 * Build the estimation sample of `formula` on `panel` (fixest's model frame):
 * 1. evaluate every term (lags by period value within entity: the lag of period t is the row of
 *    period t − k of the same entity, NaN if absent — not the previous row);
 * 2. drop rows with a missing value in any used variable (recorded as `dropped`, reason `missing`);
 * 3. for FE models, remove singletons iteratively (reason `singleton`) unless `keepSingletons`.
 */
export function modelFrame(panel: Panel, formula: Formula | string, options: ModelFrameOptions = {}): ModelFrame {
  const f = typeof formula === 'string' ? parseFormula(formula) : formula;
  const log = new NoteLog();
  const ev = new Evaluator(panel, log);
  const n0 = panel.entity.length;
  const yFull = ev.eval(f.lhs);
  const xFull = f.terms.map((t) => ev.term(t));
  const endoFull = (f.iv?.endogenous ?? []).map((t) => ev.term(t));
  const instFull = (f.iv?.instruments ?? []).map((t) => ev.term(t));
  const feFull = f.fixedEffects.map((name) => ({ name, ...factorCodes(panel, name) }));
  const reqFull = (options.require ?? []).map(
    (name) => factorCodes(panel, name, 'the cluster/required variables').codes,
  );
  // Column-wise scans (one tight loop per variable) rather than a per-row loop over columns.
  const keep = new Uint8Array(n0).fill(1);
  for (const c of [yFull, ...xFull, ...endoFull, ...instFull])
    for (let i = 0; i < n0; i++) if (!Number.isFinite(c[i])) keep[i] = 0;
  for (const c of [...feFull.map((fe) => fe.codes), ...reqFull]) for (let i = 0; i < n0; i++) if (c[i] < 0) keep[i] = 0;
  const missingRows: number[] = [];
  for (let i = 0; i < n0; i++) if (!keep[i]) missingRows.push(i);
  const dropped: DroppedRows[] = [];
  if (missingRows.length) {
    const msg = `${missingRows.length} row(s) dropped for missing values in the model variables`;
    dropped.push({ reason: 'missing', count: missingRows.length, rows: missingRows, message: msg });
    log.info('dropped-rows', msg, { count: missingRows.length });
  }
  if (feFull.length && !options.keepSingletons) {
    const before = keep.slice();
    // Codes are −1 only on rows already dropped (keep = 0), which removeSingletons skips.
    const removed = removeSingletons(
      feFull.map((fe) => fe.codes),
      feFull.map((fe) => fe.labels.length),
      keep,
    );
    if (removed) {
      const rows: number[] = [];
      for (let i = 0; i < n0; i++) if (before[i] && !keep[i]) rows.push(i);
      const msg = `${removed} singleton observation(s) removed (iteratively, as reghdfe does)`;
      dropped.push({ reason: 'singleton', count: removed, rows, message: msg });
      log.info('singletons', msg, { count: removed });
    }
  }
  let n = 0;
  for (let i = 0; i < n0; i++) n += keep[i];
  if (n === 0) {
    throw new InputError(`no rows left to estimate "${f.text}": every row has a missing value in a model variable`, {
      file: panel.meta.file,
      hint: 'check the variables in the formula (and the lags: l(x, k) is missing for the first k periods)',
    });
  }
  const rows = new Int32Array(n);
  for (let i = 0, r = 0; i < n0; i++) if (keep[i]) rows[r++] = i;
  // Without dropped rows the frame shares the panel's columns (never written to: demeaning copies).
  const take = (c: Float64Array) => {
    if (n === n0) return c;
    const o = new Float64Array(n);
    for (let r = 0; r < n; r++) o[r] = c[rows[r]];
    return o;
  };
  const x = xFull.map(take);
  const xNames = f.terms.map((t) => t.label);
  if (f.intercept) {
    x.unshift(new Float64Array(n).fill(1));
    xNames.unshift('(Intercept)');
  }
  return {
    formula: f,
    panel,
    n,
    rows,
    y: take(yFull),
    yName: f.lhsLabel,
    x,
    xNames,
    endogenous: endoFull.map(take),
    endogenousNames: (f.iv?.endogenous ?? []).map((t) => t.label),
    instruments: instFull.map(take),
    instrumentNames: (f.iv?.instruments ?? []).map((t) => t.label),
    fixedEffects: feFull.map((fe) => compactCodes(fe.name, fe.codes, fe.labels, rows)),
    dropped,
    notes: log.notes,
  };
}
