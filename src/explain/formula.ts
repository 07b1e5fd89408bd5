import { InputError } from '../core/errors.js';

/** Elementwise functions allowed inside a formula (R's semantics; NaN outside the domain, with a note). */
export const FORMULA_FUNCTIONS = ['log', 'log10', 'log1p', 'exp', 'sqrt', 'abs'] as const;
export type FormulaFunction = (typeof FORMULA_FUNCTIONS)[number];

/**
 * A variable expression in a formula: a column, a number, or arithmetic and functions of them.
 * - `l(x, k)`: lag by k periods within entity (k < 0 is a lead), fixest's `l()`;
 * - `d(x, k)`: difference x − l(x, k), fixest's `d()`;
 * - `log(x)` and the other {@link FORMULA_FUNCTIONS}: elementwise; values outside the domain become NaN
 *   (with a note). Their argument is arithmetic, as in R: `log(x + 1)`;
 * - `I(…)`: arithmetic as written (`I(x^2)`, `I(a * b)`), R's `I()`;
 * - `a + b`, `a - b`, `a * b`, `a / b`, `a^b`, `-a`, `(…)`: arithmetic, only inside a function call
 *   (at the top level of a formula `+`, `*` and `:` build terms, as in R);
 * - `poly(x, degree)` column `index` (1-based): R's orthogonal polynomial basis (`raw = TRUE`: x, x², …).
 */
export type Expr =
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'lag'; readonly arg: Expr; readonly k: number }
  | { readonly kind: 'diff'; readonly arg: Expr; readonly k: number }
  | { readonly kind: 'log'; readonly arg: Expr }
  | { readonly kind: 'fn'; readonly fn: Exclude<FormulaFunction, 'log'>; readonly arg: Expr }
  | { readonly kind: 'I'; readonly arg: Expr }
  | { readonly kind: 'paren'; readonly arg: Expr }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'op'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly left: Expr; readonly right: Expr }
  | {
      readonly kind: 'poly';
      readonly arg: Expr;
      readonly degree: number;
      readonly raw: boolean;
      /** Which column of the basis, 1…degree. */
      readonly index: number;
    };

/** A right-hand-side term: the product of one or more expressions (`x1:x2` has two factors). */
export interface Term {
  readonly factors: readonly Expr[];
  /** Display name as fixest prints it, e.g. `x1`, `x1:x2`, `l(x, 1)`, `log(gdp + 1)`, `poly(x, 2)1`. */
  readonly label: string;
}

/**
 * A fixed effect with varying slopes, fixest's `fe[x]` (the FE and one slope on x per level) or
 * `fe[[x]]` (the slopes only): x̃ is the residual of x on the level's intercept (if any) and its
 * slope variables.
 */
export interface VaryingSlopes {
  /** The FE variable whose levels get their own slopes (a column, or `a^b`). */
  readonly fe: string;
  /** The slope variables (plain column names). */
  readonly slopes: readonly string[];
  /** True for `fe[x]` (a level intercept as well), false for `fe[[x]]`. */
  readonly intercept: boolean;
  /** `fe[x]` / `fe[[x]]` as fixest prints it. */
  readonly label: string;
  /** Place among the terms of the fixed-effects part (0-based), which orders the dimensions. */
  readonly position: number;
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
  /**
   * Names of fixed-effect variables: columns, the panel's entity/period columns, or combined fixed
   * effects `a^b` (one level per observed combination, fixest's `^`).
   */
  readonly fixedEffects: readonly string[];
  /** Varying slopes `fe[x]`, `fe[[x]]` of the fixed-effects part (none when absent). */
  readonly varyingSlopes?: readonly VaryingSlopes[];
  /** IV part: endogenous regressors and excluded instruments. */
  readonly iv?: { readonly endogenous: readonly Term[]; readonly instruments: readonly Term[] };
}

/** The grammar, restated in every formula error. */
export const FORMULA_GRAMMAR =
  'y ~ x1 + x2 [+ x1:x2 | x1*x2 | l(x, k) | d(x) | log(x + 1) | I(x^2) | poly(x, 2)] [| fe1 + fe2 + fe1^fe3 + fe[x]] [| endo ~ instr1 + instr2]  ' +
  '(fixest syntax; `0` or `-1` removes the intercept, which fixed effects remove anyway; arithmetic goes inside I() or a function)';

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
    // A number: 12, 1.5, .5, 1e-3 (a '.' starts a number only before a digit; `.x` is a name, as in R).
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i))!;
      toks.push({ type: 'num', text: m[0], pos: i });
      i += m[0].length;
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
    if ('~|+-*/^:(),[]='.includes(c)) {
      toks.push({ type: 'op', text: c, pos: i });
      i++;
      continue;
    }
    fail(text, i, `unexpected character "${c}"`);
  }
  return toks;
}

/**
 * A number as R's `deparse` writes it in a coefficient name: fixed notation unless the scientific
 * form is shorter (`1e+06`, `1e-04`), 15 significant digits.
 */
export function deparseNumber(v: number): string {
  const fixed = String(Number(v.toPrecision(15)));
  if (!/e/.test(fixed) && Math.abs(v) < 1e15 && (v === 0 || Math.abs(v) >= 1e-4)) {
    const sci = rSci(v);
    return sci.length < fixed.length ? sci : fixed;
  }
  return rSci(v);
}

function rSci(v: number): string {
  const [m, e] = Number(v.toPrecision(15)).toExponential().split('e');
  const sign = e.startsWith('-') ? '-' : '+';
  return `${m}e${sign}${e.replace(/^[+-]/, '').padStart(2, '0')}`;
}

/** Display label of an expression in fixest's (R's `deparse`) style: `log(x + 1)`, `I(x^2)`, `poly(x, 2)1`. */
export function exprLabel(e: Expr): string {
  switch (e.kind) {
    case 'var':
      return e.name;
    case 'num':
      return deparseNumber(e.value);
    case 'lag':
      return `l(${exprLabel(e.arg)}, ${e.k})`;
    case 'diff':
      return `d(${exprLabel(e.arg)}, ${e.k})`;
    case 'log':
      return `log(${exprLabel(e.arg)})`;
    case 'fn':
      return `${e.fn}(${exprLabel(e.arg)})`;
    case 'I':
      return `I(${exprLabel(e.arg)})`;
    case 'paren':
      return `(${exprLabel(e.arg)})`;
    case 'neg':
      return `-${exprLabel(e.arg)}`;
    case 'op':
      // R's deparse: spaces around + - *, none around / and ^ (`I(a * b/2)`, `I(x^2)`).
      return e.op === '^' || e.op === '/'
        ? `${exprLabel(e.left)}${e.op}${exprLabel(e.right)}`
        : `${exprLabel(e.left)} ${e.op} ${exprLabel(e.right)}`;
    case 'poly':
      return `${polyLabel(e)}${e.index}`;
  }
}

/** `poly(x, 2)` or `poly(x, 2, raw = TRUE)`: the name of the whole basis (its columns add 1, 2, …). */
export function polyLabel(e: Extract<Expr, { kind: 'poly' }>): string {
  return `poly(${exprLabel(e.arg)}, ${e.degree}${e.raw ? ', raw = TRUE' : ''})`;
}

/** The column names an expression reads. */
export function exprColumns(e: Expr): string[] {
  switch (e.kind) {
    case 'var':
      return [e.name];
    case 'num':
      return [];
    case 'op':
      return [...new Set([...exprColumns(e.left), ...exprColumns(e.right)])];
    default:
      return exprColumns(e.arg);
  }
}

/** A factor of a term: one expression, or the columns of a `poly()` basis. */
type Factor = Expr[];

class Parser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly toks: Tok[],
  ) {}

  private peek(k = 0): Tok | undefined {
    return this.toks[this.i + k];
  }
  private pos(): number {
    return this.peek()?.pos ?? this.text.length;
  }
  private isOp(s: string, k = 0): boolean {
    const t = this.peek(k);
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

  private nameToken(what = 'a variable name'): Tok {
    const t = this.peek();
    if (!t || t.type !== 'ident')
      fail(this.text, this.pos(), t ? `expected ${what}, found "${t.text}"` : `expected ${what}, found the end`);
    this.i++;
    return t;
  }

  /** A whole number argument, optionally negative (the k of l(x, k)). */
  private wholeNumber(what: string): number {
    let sign = 1;
    if (this.isOp('-')) {
      sign = -1;
      this.i++;
    }
    const n = this.peek();
    if (!n || n.type !== 'num' || !/^[0-9]+$/.test(n.text)) fail(this.text, this.pos(), what);
    this.i++;
    return sign * Number(n.text);
  }

  /** A factor at the top level of a formula: a name or a function call (arithmetic only inside calls). */
  factor(): Factor {
    const t = this.peek();
    if (t && t.type === 'op' && t.text === '(')
      fail(
        this.text,
        t.pos,
        'parentheses at the top level of a formula are not arithmetic: write I(…), e.g. I((x + 1)^2)',
      );
    if (t && t.type === 'num')
      fail(this.text, t.pos, `a number "${t.text}" cannot be a regressor: write arithmetic inside I(), e.g. I(2 * x)`);
    const name = this.nameToken();
    let out: Factor;
    if (this.isOp('(')) out = name.text === 'poly' ? this.poly(name) : [this.call(name)];
    else out = [{ kind: 'var', name: name.text }];
    if (this.isOp('^'))
      fail(
        this.text,
        this.pos(),
        `"^" at the top level of a formula is not a power: write I(${exprLabel(out[0])}^2) for a square (or poly(x, 2)); fixed effects are combined with "^" after "|"`,
      );
    if (this.isOp('/')) fail(this.text, this.pos(), 'arithmetic goes inside I() or a function: write e.g. I(a / b)');
    return out;
  }

  /** `poly(x, degree)` or `poly(x, degree, raw = TRUE)`: one column per degree. */
  private poly(name: Tok): Factor {
    this.i++; // (
    const arg = this.arith();
    this.expectOp(',', 'and the degree in poly(x, degree)');
    const degree = this.wholeNumber('poly(x, degree) needs a whole-number degree');
    if (degree < 1 || degree > 10) fail(this.text, name.pos, 'poly(x, degree) needs a degree from 1 to 10');
    let raw = false;
    if (this.isOp(',')) {
      this.i++;
      const key = this.nameToken('"raw = TRUE"');
      if (key.text !== 'raw') fail(this.text, key.pos, 'poly() takes only raw = TRUE or raw = FALSE after the degree');
      this.expectOp('=', 'after raw');
      const v = this.nameToken('TRUE or FALSE');
      if (!['TRUE', 'FALSE', 'T', 'F'].includes(v.text)) fail(this.text, v.pos, 'raw takes TRUE or FALSE');
      raw = v.text.startsWith('T');
    }
    this.expectOp(')', 'to close poly(');
    return Array.from({ length: degree }, (_, j) => ({ kind: 'poly', arg, degree, raw, index: j + 1 }) as const);
  }

  /** A function call `fn(…)` whose name token has been read (the parser is at "("). */
  private call(name: Tok): Expr {
    const fn = name.text;
    const known = ['l', 'd', 'I', ...FORMULA_FUNCTIONS];
    if (!known.includes(fn))
      fail(
        this.text,
        name.pos,
        `unknown function "${fn}()"; available: l(x, k), d(x, k), I(…), poly(x, degree), ${FORMULA_FUNCTIONS.map((f) => `${f}(x)`).join(', ')}`,
      );
    this.i++; // (
    if (this.isOp(')')) fail(this.text, this.pos(), `${fn}() needs an argument`);
    const arg = this.arith();
    if (fn === 'l' || fn === 'd') {
      let k = 1;
      if (this.isOp(',')) {
        this.i++;
        k = this.wholeNumber(`${fn}(x, k) needs a whole number k`);
      }
      this.expectOp(')', `to close ${fn}(`);
      if (fn === 'd' && k <= 0) fail(this.text, name.pos, 'd(x, k) needs k ≥ 1');
      return fn === 'l' ? { kind: 'lag', arg, k } : { kind: 'diff', arg, k };
    }
    if (this.isOp(',')) fail(this.text, this.pos(), `${fn}() takes one argument`);
    this.expectOp(')', `to close ${fn}(`);
    if (fn === 'I') return { kind: 'I', arg };
    if (fn === 'log') return { kind: 'log', arg };
    return { kind: 'fn', fn: fn as Exclude<FormulaFunction, 'log'>, arg };
  }

  /** Arithmetic (inside a call), R's precedence: `^` (right), unary minus, `* /`, `+ -`. */
  arith(): Expr {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.peek()!.text as '+' | '-';
      this.i++;
      left = { kind: 'op', op, left, right: this.term() };
    }
    return left;
  }
  private term(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.peek()!.text as '*' | '/';
      this.i++;
      left = { kind: 'op', op, left, right: this.unary() };
    }
    return left;
  }
  private unary(): Expr {
    if (this.isOp('-')) {
      this.i++;
      return { kind: 'neg', arg: this.unary() };
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    return this.power();
  }
  private power(): Expr {
    const base = this.atom();
    if (!this.isOp('^')) return base;
    this.i++;
    return { kind: 'op', op: '^', left: base, right: this.unary() };
  }
  private atom(): Expr {
    const t = this.peek();
    if (!t) fail(this.text, this.pos(), 'expected a variable, a number or "(", found the end');
    if (t.type === 'num') {
      this.i++;
      return { kind: 'num', value: Number(t.text) };
    }
    if (t.type === 'op' && t.text === '(') {
      this.i++;
      const arg = this.arith();
      this.expectOp(')', 'to close "("');
      return { kind: 'paren', arg };
    }
    if (t.type !== 'ident') fail(this.text, t.pos, `expected a variable, a number or "(", found "${t.text}"`);
    this.i++;
    if (this.isOp('(')) {
      if (t.text === 'poly') fail(this.text, t.pos, 'poly() is a term of its own, not part of arithmetic');
      return this.call(t);
    }
    return { kind: 'var', name: t.text };
  }

  /** term := factor ((':' | '*') factor)* ; `a*b` expands to a + b + a:b. */
  termGroup(): Term[] {
    const groups: Factor[][] = [[this.factor()]];
    let star = false;
    while (this.isOp(':') || this.isOp('*')) {
      const op = this.peek()!.text;
      this.i++;
      const f = this.factor();
      if (op === ':') groups[groups.length - 1].push(f);
      else {
        star = true;
        groups.push([f]);
      }
    }
    // a*b*c → all non-empty sub-products, in fixest/R order (main effects first).
    const m = groups.length;
    const subsets: number[][] = [];
    if (!star) subsets.push([0]);
    else {
      for (let mask = 1; mask < 1 << m; mask++) subsets.push([...Array(m).keys()].filter((j) => mask & (1 << j)));
      subsets.sort((a, b) => a.length - b.length);
    }
    return subsets.flatMap((s) => expandProduct(s.flatMap((j) => groups[j])));
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
          fail(
            this.text,
            t.pos,
            `unexpected number "${t.text}"${allowIntercept ? ' (arithmetic goes inside I())' : ''}`,
          );
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
      // R's terms() (keep.order = FALSE), as lm and fixest: main effects first, then two-way
      // interactions, …; a stable sort, so the formula's order holds within each order.
      const order = (t: Term) => t.factors.length;
      return {
        terms: terms
          .map((t, k) => [t, k] as const)
          .sort((a, b) => order(a[0]) - order(b[0]) || a[1] - b[1])
          .map(([t]) => t),
        intercept,
      };
    }
  }

  /** A fixed-effect name: `fe` or a combination `a^b^c`. */
  private feName(): string {
    const parts = [this.nameToken('a fixed-effect variable name').text];
    while (this.isOp('^')) {
      this.i++;
      parts.push(this.nameToken('a fixed-effect variable name after "^"').text);
    }
    return parts.join('^');
  }

  /** The fixed-effects part: `fe1 + a^b + fe[x] + fe[[x, z]]`. */
  fixedEffects(): { names: string[]; slopes: VaryingSlopes[] } {
    const names: string[] = [];
    const slopes: VaryingSlopes[] = [];
    for (;;) {
      const start = this.pos();
      const name = this.feName();
      if (this.isOp('(') || this.isOp(':') || this.isOp('*'))
        fail(
          this.text,
          this.pos(),
          'fixed effects are plain variable names, combinations a^b or varying slopes fe[x] (e.g. "| id + year + industry^year")',
        );
      if (this.isOp('[')) {
        this.i++;
        const double = this.isOp('[');
        if (double) this.i++;
        const vars = [this.nameToken('a slope variable').text];
        while (this.isOp(',')) {
          this.i++;
          vars.push(this.nameToken('a slope variable').text);
        }
        this.expectOp(']', 'to close the varying slopes');
        if (double) this.expectOp(']', 'to close "[["');
        if (slopes.some((s) => s.fe === name) || names.includes(name))
          fail(this.text, start, `the fixed effect "${name}" appears twice`);
        const label = double ? `${name}[[${vars.join(', ')}]]` : `${name}[${vars.join(', ')}]`;
        slopes.push({ fe: name, slopes: vars, intercept: !double, label, position: names.length + slopes.length });
      } else {
        if (names.includes(name) || slopes.some((s) => s.fe === name))
          fail(this.text, start, `the fixed effect "${name}" appears twice`);
        names.push(name);
      }
      if (!this.isOp('+')) break;
      this.i++;
    }
    return { names, slopes };
  }

  formula(): Formula {
    if (this.atEnd()) fail(this.text, 0, 'empty formula');
    const lhsFactor = this.factor();
    if (lhsFactor.length !== 1) fail(this.text, 0, 'the dependent variable cannot be a poly() basis');
    const lhs = lhsFactor[0];
    this.expectOp('~', 'after the dependent variable');
    const rhs = this.sum(true);
    let fixedEffects: string[] = [];
    let varyingSlopes: VaryingSlopes[] = [];
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
        const fe = this.fixedEffects();
        fixedEffects = fe.names;
        varyingSlopes = fe.slopes;
      }
    }
    if (!this.atEnd()) fail(this.text, this.pos(), `unexpected "${this.peek()!.text}"`);
    const seen = new Set<string>();
    for (const t of rhs.terms) {
      if (seen.has(t.label)) fail(this.text, 0, `term "${t.label}" appears twice`);
      seen.add(t.label);
    }
    const absorbed = fixedEffects.length > 0 || varyingSlopes.some((v) => v.intercept);
    return {
      text: this.text,
      lhs,
      lhsLabel: exprLabel(lhs),
      terms: rhs.terms,
      intercept: rhs.intercept && !absorbed,
      fixedEffects,
      ...(varyingSlopes.length ? { varyingSlopes } : {}),
      iv,
    };
  }
}

/** The terms of a product of factors, poly() columns expanded (the first factor varies fastest, as in R's model.matrix). */
function expandProduct(factors: readonly Factor[]): Term[] {
  let combos: Expr[][] = [[]];
  for (const f of factors) {
    const next: Expr[][] = [];
    for (const alt of f) for (const c of combos) next.push([...c, alt]);
    combos = next;
  }
  return combos.map((fs) => ({ factors: fs, label: fs.map(exprLabel).join(':') }));
}

/**
 * Parse a fixest-style formula: `y ~ x1 + x2 + x1:x2 + x1*x2 | entity + year | endo ~ z1 + z2`.
 * `x1*x2` expands to `x1 + x2 + x1:x2`; functions `l(x, k)`, `d(x, k)`, `log(x + 1)` (and `log10`,
 * `log1p`, `exp`, `sqrt`, `abs`), `I(…)` for arithmetic (`I(x^2)`), `poly(x, 2)` (R's orthogonal
 * polynomials; `raw = TRUE` for x, x²); fixed effects `a + b`, combined `a^b`, varying slopes
 * `fe[x]` / `fe[[x]]`; names with spaces or symbols go in backquotes. The intercept is dropped when
 * fixed effects are present (absorbed), as in fixest.
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
