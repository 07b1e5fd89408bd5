import { InputError } from '../core/errors.js';

/**
 * A variable expression in a formula: a column, or a function of one.
 * - `l(x, k)`: lag by k periods within entity (k < 0 is a lead), fixest's `l()`;
 * - `d(x, k)`: difference x − l(x, k), fixest's `d()`;
 * - `log(x)`: natural log; non-positive values become NaN (and a note).
 */
export type Expr =
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'lag'; readonly arg: Expr; readonly k: number }
  | { readonly kind: 'diff'; readonly arg: Expr; readonly k: number }
  | { readonly kind: 'log'; readonly arg: Expr };

/** A right-hand-side term: the product of one or more expressions (`x1:x2` has two factors). */
export interface Term {
  readonly factors: readonly Expr[];
  /** Display name as fixest prints it, e.g. `x1`, `x1:x2`, `l(x, 1)`, `log(gdp)`. */
  readonly label: string;
}

/** A parsed formula `y ~ terms | fe1 + fe2 | endo ~ instruments` (fixest grammar). */
export interface Formula {
  readonly text: string;
  readonly lhs: Expr;
  readonly lhsLabel: string;
  /** Exogenous right-hand-side terms (without the intercept). */
  readonly terms: readonly Term[];
  /** False when `0` or `-1` appears on the right-hand side, or when fixed effects are present. */
  readonly intercept: boolean;
  /** Names of fixed-effect variables (columns, or the panel's entity/period columns). */
  readonly fixedEffects: readonly string[];
  /** IV part: endogenous regressors and excluded instruments. */
  readonly iv?: { readonly endogenous: readonly Term[]; readonly instruments: readonly Term[] };
}

/** The grammar, restated in every formula error. */
export const FORMULA_GRAMMAR =
  'y ~ x1 + x2 [+ x1:x2 | x1*x2 | l(x, k) | d(x) | log(x)] [| fe1 + fe2] [| endo ~ instr1 + instr2]  ' +
  '(fixest syntax; `0` or `-1` removes the intercept, which fixed effects remove anyway)';

type Tok = { type: 'ident' | 'num' | 'op'; text: string; pos: number };

function fail(text: string, pos: number, what: string): never {
  const caret = `${text}\n${' '.repeat(Math.max(0, pos))}^`;
  throw new InputError(`formula error at position ${pos + 1}: ${what}\n${caret}`, {
    hint: `write the formula as ${FORMULA_GRAMMAR}`,
  });
}

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[A-Za-z_.\u0080-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_.\u0080-\uffff]/.test(text[j])) j++;
      toks.push({ type: 'ident', text: text.slice(i, j), pos: i });
      i = j;
      continue;
    }
    if (c === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) fail(text, i, 'unclosed backquote');
      toks.push({ type: 'ident', text: text.slice(i + 1, j), pos: i });
      i = j + 1;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[0-9]/.test(text[j])) j++;
      toks.push({ type: 'num', text: text.slice(i, j), pos: i });
      i = j;
      continue;
    }
    if ('~|+-*:(),'.includes(c)) {
      toks.push({ type: 'op', text: c, pos: i });
      i++;
      continue;
    }
    fail(text, i, `unexpected character "${c}"`);
  }
  return toks;
}

/** Display label of an expression in fixest's style. */
export function exprLabel(e: Expr): string {
  switch (e.kind) {
    case 'var':
      return e.name;
    case 'lag':
      return `l(${exprLabel(e.arg)}, ${e.k})`;
    case 'diff':
      return `d(${exprLabel(e.arg)}, ${e.k})`;
    case 'log':
      return `log(${exprLabel(e.arg)})`;
  }
}

/** The column names an expression reads. */
export function exprColumns(e: Expr): string[] {
  return e.kind === 'var' ? [e.name] : exprColumns(e.arg);
}

class Parser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly toks: Tok[],
  ) {}

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private pos(): number {
    return this.peek()?.pos ?? this.text.length;
  }
  private isOp(s: string): boolean {
    const t = this.peek();
    return !!t && t.type === 'op' && t.text === s;
  }
  private expectOp(s: string, what: string): void {
    if (!this.isOp(s))
      fail(this.text, this.pos(), `expected "${s}" ${what}${this.peek() ? `, found "${this.peek()!.text}"` : ''}`);
    this.i++;
  }
  atEnd(): boolean {
    return this.i >= this.toks.length;
  }

  expr(): Expr {
    const t = this.peek();
    if (!t || t.type !== 'ident')
      fail(
        this.text,
        this.pos(),
        t ? `expected a variable name, found "${t.text}"` : 'expected a variable name, found the end',
      );
    this.i++;
    if (!this.isOp('(')) return { kind: 'var', name: t.text };
    const fn = t.text;
    if (fn !== 'l' && fn !== 'd' && fn !== 'log')
      fail(this.text, t.pos, `unknown function "${fn}()"; available: l(x, k), d(x, k), log(x)`);
    this.i++;
    const arg = this.expr();
    let k = 1;
    if (this.isOp(',')) {
      if (fn === 'log') fail(this.text, this.pos(), 'log() takes one argument');
      this.i++;
      let sign = 1;
      if (this.isOp('-')) {
        sign = -1;
        this.i++;
      }
      const n = this.peek();
      if (!n || n.type !== 'num') fail(this.text, this.pos(), `${fn}(x, k) needs a whole number k`);
      k = sign * Number(n.text);
      this.i++;
    }
    this.expectOp(')', `to close ${fn}(`);
    if (fn === 'log') return { kind: 'log', arg };
    if (fn === 'd' && k <= 0) fail(this.text, t.pos, 'd(x, k) needs k ≥ 1');
    return fn === 'l' ? { kind: 'lag', arg, k } : { kind: 'diff', arg, k };
  }

  /** term := expr ((':' | '*') expr)* ; `a*b` expands to a + b + a:b. */
  termGroup(): Term[] {
    const first = [this.expr()];
    const groups: Expr[][] = [first];
    let star = false;
    while (this.isOp(':') || this.isOp('*')) {
      const op = this.peek()!.text;
      this.i++;
      const e = this.expr();
      if (op === ':') groups[groups.length - 1].push(e);
      else {
        star = true;
        groups.push([e]);
      }
    }
    const mk = (f: Expr[]): Term => ({ factors: f, label: f.map(exprLabel).join(':') });
    if (!star) return [mk(groups[0])];
    // a*b*c → all non-empty sub-products, in fixest/R order (main effects first).
    const out: Term[] = [];
    const m = groups.length;
    const subsets: number[][] = [];
    for (let mask = 1; mask < 1 << m; mask++) subsets.push([...Array(m).keys()].filter((j) => mask & (1 << j)));
    subsets.sort((a, b) => a.length - b.length);
    for (const s of subsets) out.push(mk(s.flatMap((j) => groups[j])));
    return out;
  }

  /** sum := termGroup ('+' termGroup)* with 0 / 1 / -1 handling; stops at '|' or '~' or end. */
  sum(allowIntercept: boolean): { terms: Term[]; intercept: boolean } {
    const terms: Term[] = [];
    let intercept = true;
    let sign = 1;
    for (;;) {
      if (this.isOp('-')) {
        sign = -1;
        this.i++;
      }
      const t = this.peek();
      if (t && t.type === 'num') {
        if (!allowIntercept || (t.text !== '0' && t.text !== '1'))
          fail(this.text, t.pos, `unexpected number "${t.text}"`);
        if (t.text === '0' || sign < 0) intercept = false;
        this.i++;
      } else {
        if (sign < 0) fail(this.text, this.pos(), 'only "-1" can be subtracted (to remove the intercept)');
        terms.push(...this.termGroup());
      }
      sign = 1;
      if (this.isOp('+')) {
        this.i++;
        continue;
      }
      if (this.isOp('-')) continue;
      return { terms, intercept };
    }
  }

  formula(): Formula {
    if (this.atEnd()) fail(this.text, 0, 'empty formula');
    const lhs = this.expr();
    this.expectOp('~', 'after the dependent variable');
    const rhs = this.sum(true);
    const fixedEffects: string[] = [];
    let iv: Formula['iv'];
    let parts = 0;
    while (this.isOp('|')) {
      this.i++;
      parts++;
      const start = this.i;
      // An IV part contains '~'; look ahead to decide.
      let j = this.i;
      let hasTilde = false;
      while (j < this.toks.length && !(this.toks[j].type === 'op' && this.toks[j].text === '|')) {
        if (this.toks[j].type === 'op' && this.toks[j].text === '~') hasTilde = true;
        j++;
      }
      if (hasTilde) {
        if (iv) fail(this.text, this.toks[start].pos, 'only one IV part "endo ~ instruments" is allowed');
        const endo = this.sum(false);
        this.expectOp('~', 'between endogenous regressors and instruments');
        const ins = this.sum(false);
        iv = { endogenous: endo.terms, instruments: ins.terms };
      } else {
        if (iv)
          fail(
            this.text,
            this.toks[start]?.pos ?? this.text.length,
            'the fixed-effects part must come before the IV part',
          );
        if (parts > 1) fail(this.text, this.toks[start - 1].pos, 'too many "|" parts');
        for (;;) {
          const t = this.peek();
          if (!t || t.type !== 'ident') fail(this.text, this.pos(), 'expected a fixed-effect variable name');
          this.i++;
          if (this.isOp('(') || this.isOp(':') || this.isOp('*'))
            fail(this.text, this.pos(), 'fixed effects must be plain variable names (e.g. "| id + year")');
          fixedEffects.push(t.text);
          if (!this.isOp('+')) break;
          this.i++;
        }
      }
    }
    if (!this.atEnd()) fail(this.text, this.pos(), `unexpected "${this.peek()!.text}"`);
    const seen = new Set<string>();
    for (const t of rhs.terms) {
      if (seen.has(t.label)) fail(this.text, 0, `term "${t.label}" appears twice`);
      seen.add(t.label);
    }
    return {
      text: this.text,
      lhs,
      lhsLabel: exprLabel(lhs),
      terms: rhs.terms,
      intercept: rhs.intercept && fixedEffects.length === 0,
      fixedEffects,
      iv,
    };
  }
}

/**
 * Parse a fixest-style formula: `y ~ x1 + x2 + x1:x2 + x1*x2 | entity + year | endo ~ z1 + z2`.
 * `x1*x2` expands to `x1 + x2 + x1:x2`; functions `l(x, k)`, `d(x, k)`, `log(x)`; names with
 * spaces or symbols go in backquotes. The intercept is dropped when fixed effects are present
 * (absorbed), as in fixest.
 *
 * @throws InputError that points at the offending token and restates the grammar.
 */
export function parseFormula(text: string): Formula {
  const t = text.trim();
  return new Parser(t, tokenize(t)).formula();
}

/** A column name as it must be written in formula text: backquoted unless it is a plain identifier. */
export function formulaName(name: string): string {
  return /^[A-Za-z_.\u0080-\uffff][A-Za-z0-9_.\u0080-\uffff]*$/.test(name) && !name.includes('`')
    ? name
    : `\`${name}\``;
}

/**
 * Build a {@link Formula} from column names, without writing and parsing text: what estimators use
 * for the equations they make themselves (mediation, moderation, threshold refits), so that a legal
 * column name such as `R&D intensity` needs no quoting and can never produce a formula error the
 * user did not write. Each right-hand term is a column name, or an array of names for their product
 * (`['x', 'z']` is `x:z`). `text` is the equivalent fixest formula (names backquoted where needed),
 * for display and notes; it parses back to the same object.
 */
export function formulaOf(
  lhs: string,
  terms: readonly (string | readonly string[])[],
  fixedEffects: readonly string[] = [],
  options: { intercept?: boolean } = {},
): Formula {
  const mkTerm = (t: string | readonly string[]): Term => {
    const names = typeof t === 'string' ? [t] : [...t];
    const factors: Expr[] = names.map((name) => ({ kind: 'var', name }));
    return { factors, label: names.join(':') };
  };
  const rhs = terms.map(mkTerm);
  const seen = new Set<string>();
  for (const t of rhs) {
    if (seen.has(t.label))
      throw new InputError(`term "${t.label}" appears twice in the model`, {
        hint: 'each variable may enter an equation once',
      });
    seen.add(t.label);
  }
  const intercept = (options.intercept ?? true) && fixedEffects.length === 0;
  const rhsText = terms.map((t) => (typeof t === 'string' ? [t] : t).map(formulaName).join(':'));
  if (!rhsText.length) rhsText.push(intercept || fixedEffects.length ? '1' : '0');
  else if (!intercept && !fixedEffects.length) rhsText.push('0');
  const text = `${formulaName(lhs)} ~ ${rhsText.join(' + ')}${fixedEffects.length ? ` | ${fixedEffects.map(formulaName).join(' + ')}` : ''}`;
  return {
    text,
    lhs: { kind: 'var', name: lhs },
    lhsLabel: lhs,
    terms: rhs,
    intercept,
    fixedEffects: [...fixedEffects],
  };
}
