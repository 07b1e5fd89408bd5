import type { Panel } from '../data/panel.js';
import { column } from '../data/panel.js';
import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import type { Expr, Formula, Term } from './formula.js';
import { exprLabel, parseFormula, polyLabel } from './formula.js';
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

const FUNCTIONS: Readonly<Record<Extract<Expr, { kind: 'fn' }>['fn'], (v: number) => number>> = {
  log10: (v) => (v > 0 ? Math.log10(v) : NaN),
  log1p: (v) => (v > -1 ? Math.log1p(v) : NaN),
  exp: Math.exp,
  sqrt: Math.sqrt,
  abs: Math.abs,
};

const OPERATORS: Readonly<Record<Extract<Expr, { kind: 'op' }>['op'], (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => Math.pow(a, b),
};

/** Evaluates expressions on a panel, with lags by period value within entity. */
class Evaluator {
  private readonly cache = new Map<string, Float64Array>();
  private readonly polyCache = new Map<string, Float64Array[]>();
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
    const n = this.panel.entity.length;
    switch (e.kind) {
      case 'var':
        out = column(this.panel, e.name, 'the formula');
        break;
      case 'num':
        out = new Float64Array(n).fill(e.value);
        break;
      case 'I':
      case 'paren':
        out = this.eval(e.arg);
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
      case 'neg':
        out = this.eval(e.arg).map((v) => -v);
        break;
      case 'fn': {
        const a = this.eval(e.arg);
        out = this.finite(key, a.map(FUNCTIONS[e.fn]), a);
        break;
      }
      case 'op': {
        const a = this.eval(e.left);
        const b = this.eval(e.right);
        const f = OPERATORS[e.op];
        out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = f(a[i], b[i]);
        out = this.finite(key, out, a, b);
        break;
      }
      case 'poly': {
        const cols = this.poly(e);
        out = cols[e.index - 1];
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

  /**
   * Non-finite results of finite inputs (sqrt of a negative, division by zero, overflow) become NaN,
   * that is missing, with one note per expression, as R's NaN/Inf make lm and fixest drop the row.
   */
  private finite(key: string, out: Float64Array, ...inputs: Float64Array[]): Float64Array {
    let bad = 0;
    for (let i = 0; i < out.length; i++) {
      if (Number.isFinite(out[i])) continue;
      if (inputs.every((c) => Number.isFinite(c[i]))) bad++;
      out[i] = NaN;
    }
    if (bad)
      this.log.warn('math-domain', `${key}: ${bad} value(s) are not finite numbers and were set to missing`, {
        term: key,
        count: bad,
      });
    return out;
  }

  /**
   * The columns of `poly(x, degree)`: R's `stats::poly` orthogonal basis (what fixest and lm use):
   * column j is the part of (x − x̄)^j orthogonal to 1, x, …, x^{j−1}, scaled to unit length, computed
   * by Gram–Schmidt (twice, for accuracy) on the rows where x is present. R and fixest refuse missing
   * values of x in poly(); nqpf computes the basis on the present rows and records a note. With
   * `raw = TRUE`: x, x², … as they are.
   */
  private poly(e: Extract<Expr, { kind: 'poly' }>): Float64Array[] {
    const key = polyLabel(e);
    const hit = this.polyCache.get(key);
    if (hit) return hit;
    const x = this.eval(e.arg);
    const n = x.length;
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (Number.isFinite(x[i])) rows.push(i);
    const cols = Array.from({ length: e.degree }, () => new Float64Array(n).fill(NaN));
    if (e.raw) {
      for (const i of rows) for (let j = 0; j < e.degree; j++) cols[j][i] = Math.pow(x[i], j + 1);
    } else {
      const m = rows.length;
      const distinct = new Set(rows.map((i) => x[i])).size;
      if (distinct <= e.degree)
        throw new InputError(
          `${key}: the degree must be less than the number of distinct values of ${exprLabel(e.arg)} (${distinct})`,
          { file: this.panel.meta.file, hint: 'use a lower degree' },
        );
      if (m < n)
        this.log.info(
          'poly-missing',
          `${key}: the orthogonal basis is computed on the ${m} rows where ${exprLabel(e.arg)} is present (R and fixest refuse missing values in poly())`,
          { term: key, rows: m },
        );
      let mean = 0;
      for (const i of rows) mean += x[i];
      mean /= m;
      let ss = 0;
      for (const i of rows) ss += (x[i] - mean) ** 2;
      const scale = Math.sqrt(ss / m);
      const c = Float64Array.from(rows, (i) => (x[i] - mean) / scale);
      const basis: Float64Array[] = [new Float64Array(m).fill(1 / Math.sqrt(m))];
      for (let j = 1; j <= e.degree; j++) {
        const v = c.map((t) => t ** j);
        for (let pass = 0; pass < 2; pass++)
          for (const q of basis) {
            let d = 0;
            for (let r = 0; r < m; r++) d += v[r] * q[r];
            for (let r = 0; r < m; r++) v[r] -= d * q[r];
          }
        let norm = 0;
        for (let r = 0; r < m; r++) norm += v[r] * v[r];
        norm = Math.sqrt(norm);
        for (let r = 0; r < m; r++) v[r] /= norm;
        basis.push(v);
        rows.forEach((i, r) => (cols[j - 1][i] = v[r]));
      }
    }
    this.polyCache.set(key, cols);
    return cols;
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
  if (name.includes('^') && !panel.text[name] && !panel.columns[name]) return combinedCodes(panel, name, context);
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

/**
 * A combined fixed effect `a^b` (fixest's `^`): one level per observed combination of the levels of
 * `a` and `b` (missing when either is), labelled `a_b`; levels in order of first appearance.
 */
function combinedCodes(panel: Panel, name: string, context: string): { codes: Int32Array; labels: string[] } {
  const parts = name.split('^').map((p) => factorCodes(panel, p, context));
  const n = panel.entity.length;
  const codes = new Int32Array(n);
  const labels: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (parts.some((p) => p.codes[i] < 0)) {
      codes[i] = -1;
      continue;
    }
    const key = parts.map((p) => p.codes[i]).join(',');
    let c = index.get(key);
    if (c === undefined) {
      c = labels.length;
      index.set(key, c);
      labels.push(parts.map((p) => p.labels[p.codes[i]]).join('_'));
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
  // Fixed-effect dimensions in the order written: plain (and combined a^b) FE, and varying slopes.
  const feSpecs: { name: string; fe: string; slopes?: readonly string[]; intercept?: boolean }[] = f.fixedEffects.map(
    (name) => ({ name, fe: name }),
  );
  for (const v of f.varyingSlopes ?? [])
    feSpecs.splice(v.position, 0, { name: v.label, fe: v.fe, slopes: v.slopes, intercept: v.intercept });
  const feFull = feSpecs.map((s) => ({
    name: s.name,
    ...factorCodes(panel, s.fe),
    slopes: s.slopes?.map((z) => column(panel, z, 'the varying slopes')),
    intercept: s.intercept,
  }));
  const reqFull = (options.require ?? []).map(
    (name) => factorCodes(panel, name, 'the cluster/required variables').codes,
  );
  // Column-wise scans (one tight loop per variable) rather than a per-row loop over columns.
  const keep = new Uint8Array(n0).fill(1);
  for (const c of [yFull, ...xFull, ...endoFull, ...instFull, ...feFull.flatMap((fe) => fe.slopes ?? [])])
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
    // Only dimensions with a level intercept make a singleton fit perfectly (not fe[[x]]).
    const withIntercept = feFull.filter((fe) => !fe.slopes || fe.intercept !== false);
    const removed = removeSingletons(
      withIntercept.map((fe) => fe.codes),
      withIntercept.map((fe) => fe.labels.length),
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
    const singles = dropped.find((d) => d.reason === 'singleton');
    if (singles) {
      // A one-period or one-entity file: every fixed-effect level occurs once, nothing is left to compare.
      const lone = f.fixedEffects.filter((name) => {
        const fe = feFull.find((x) => x.name === name)!;
        const count = new Int32Array(fe.labels.length);
        for (let i = 0; i < n0; i++) if (fe.codes[i] >= 0) count[fe.codes[i]]++;
        return !count.some((c) => c > 1);
      });
      throw new InputError(
        `no rows left to estimate "${f.text}": ${singles.count} of the ${n0 - (dropped.find((d) => d.reason === 'missing')?.count ?? 0)} complete row(s) are singletons of the fixed effects${lone.length ? ` (every level of ${lone.join(', ')} occurs once)` : ''} and were removed`,
        {
          file: panel.meta.file,
          hint: 'a fixed effect needs at least two rows per level: drop the fixed effect that has one row per level (e.g. the year of a one-year file, the entity of a cross-section), or use --keep-singletons',
        },
      );
    }
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
    fixedEffects: feFull.map((fe) => {
      const c = compactCodes(fe.name, fe.codes, fe.labels, rows);
      return fe.slopes ? { ...c, slopes: fe.slopes.map(take), slopeIntercept: fe.intercept !== false } : c;
    }),
    dropped,
    notes: log.notes,
  };
}

/**
 * The model frame of some rows of `frame` (`rows`: 0-based positions in the frame): every column and
 * fixed effect restricted (FE re-coded densely), singletons removed again (iteratively, unless
 * `keepSingletons`), as {@link modelFrame} would build it on those rows. What permutation and
 * resampling procedures fit on (`feolsFrame`), without evaluating the formula again. `rows` of the
 * result are panel rows.
 */
export function subsetFrame(
  frame: ModelFrame,
  rows: ArrayLike<number>,
  options: { keepSingletons?: boolean } = {},
): ModelFrame {
  let idx = Int32Array.from(rows);
  const dropped: DroppedRows[] = [];
  if (frame.fixedEffects.length && !options.keepSingletons) {
    const keep = new Uint8Array(frame.n);
    for (const r of idx) keep[r] = 1;
    const dims = frame.fixedEffects.filter((fe) => !fe.slopes?.length || fe.slopeIntercept !== false);
    const removed = removeSingletons(
      dims.map((fe) => fe.codes),
      dims.map((fe) => fe.nLevels),
      keep,
    );
    if (removed) {
      const gone = Array.from(idx).filter((r) => !keep[r]);
      idx = idx.filter((r) => keep[r]);
      dropped.push({
        reason: 'singleton',
        count: removed,
        rows: gone.map((r) => frame.rows[r]),
        message: `${removed} singleton observation(s) removed (iteratively, as reghdfe does)`,
      });
    }
  }
  const n = idx.length;
  const take = (c: Float64Array) => Float64Array.from(idx, (r) => c[r]);
  return {
    ...frame,
    n,
    rows: Int32Array.from(idx, (r) => frame.rows[r]),
    y: take(frame.y),
    x: frame.x.map(take),
    endogenous: frame.endogenous.map(take),
    instruments: frame.instruments.map(take),
    fixedEffects: frame.fixedEffects.map((fe) => {
      const c = compactCodes(fe.name, fe.codes, fe.labels, idx);
      return fe.slopes ? { ...c, slopes: fe.slopes.map(take), slopeIntercept: fe.slopeIntercept } : c;
    }),
    dropped,
    notes: [],
  };
}
