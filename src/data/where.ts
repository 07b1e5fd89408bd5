/**
 * `where`: a small, safe expression language that selects the rows of a panel (the sample filter of
 * every command, `--where "expr"`). Nothing is evaluated as JavaScript: the text is parsed into a
 * tree of the operations below and evaluated row by row against the panel's columns.
 *
 * ```
 * gdp > 1000 and region in ("East", "Central")
 * not missing(rd) & year >= 2015
 * (patents / pop) * 1e4 > 2 or province == "北京"
 * rd is not missing and `R&D staff` > 0
 * ```
 *
 * - Values: numbers (`1e4`, `0.5`), strings in double or single quotes, column names (letters in
 *   any script, digits, `_` and `.`; other names in back-quotes), the entity and period columns by
 *   their names, and `group` for the entities' group where the panel has one and no such column.
 * - Arithmetic `+ - * / ^` and `%` (remainder), unary minus; comparisons `== != < <= > >=` (`=`
 *   and `<>` accepted); `x in (a, b)` and `x not in (…)`; `and`/`&`/`&&`, `or`/`|`/`||`,
 *   `not`/`!`; missing tests `missing(x)`, `is.na(x)`, `x is missing`, `x is not missing`;
 *   functions `abs`, `log` (natural), `log10`, `exp`, `sqrt`.
 * - Missing values follow R's `dplyr::filter` (three-valued logic): a comparison with a missing
 *   value is missing, and a row is kept only where the condition is true. So `x > 0` drops rows
 *   where x is missing, and `x > 0 or missing(x)` keeps them. (Stata's `if` differs: there a
 *   missing number is larger than every number.)
 * - Full-width operators and brackets typed with a Chinese input method (`＞`, `（`, `，`) are read
 *   as their ASCII forms.
 *
 * Errors are InputErrors naming the option (`{{where}}`), the position and, for an unknown or
 * mistyped column, the column.
 */
import { InputError } from '../core/errors.js';
import { toHalfWidth } from './cell.js';
import type { Panel } from './panel.js';

/** A parsed expression. */
export type WhereNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'column'; readonly name: string; readonly at: number }
  | { readonly kind: 'unary'; readonly op: '-' | 'not'; readonly arg: WhereNode }
  | { readonly kind: 'binary'; readonly op: string; readonly left: WhereNode; readonly right: WhereNode; readonly at: number }
  | { readonly kind: 'in'; readonly arg: WhereNode; readonly values: readonly WhereNode[]; readonly negated: boolean }
  | { readonly kind: 'missing'; readonly arg: WhereNode; readonly negated: boolean }
  | { readonly kind: 'call'; readonly fn: string; readonly arg: WhereNode; readonly at: number };

type Token =
  | { t: 'num'; v: number; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'id'; v: string; at: number; quoted: boolean }
  | { t: 'op'; v: string; at: number }
  | { t: 'end'; at: number };

const FUNCTIONS: Readonly<Record<string, (x: number) => number>> = {
  abs: Math.abs,
  log: Math.log,
  log10: Math.log10,
  exp: Math.exp,
  sqrt: Math.sqrt,
};

function fail(text: string, at: number, what: string): never {
  throw new InputError(`{{where}}: ${what} at position ${at + 1} of "${text}"`, {
    hint: 'e.g. {{where="gdp > 1000 and region in (\'East\', \'Central\')"}}; see docs/options.md',
  });
}

/** Full-width forms (Chinese input methods) and typographic quotes read as ASCII, outside nothing: quotes are kept. */
function normalise(text: string): string {
  return toHalfWidth(text).replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/。/g, '.').replace(/、/g, ',');
}

function tokenize(text: string): Token[] {
  const s = normalise(text);
  const out: Token[] = [];
  let i = 0;
  const two = ['==', '!=', '<>', '<=', '>=', '&&', '||'];
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[i + 1] ?? ''))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(s.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]), at });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = s.indexOf(c, i + 1);
      if (end < 0) fail(text, at, 'a string is not closed');
      out.push({ t: 'str', v: s.slice(i + 1, end), at });
      i = end + 1;
      continue;
    }
    if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end < 0) fail(text, at, 'a back-quoted name is not closed');
      out.push({ t: 'id', v: s.slice(i + 1, end), at, quoted: true });
      i = end + 1;
      continue;
    }
    const id = /^[\p{L}_][\p{L}\p{N}_.]*/u.exec(s.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0], at, quoted: false });
      i += id[0].length;
      continue;
    }
    const op = two.find((o) => s.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op, at });
      i += 2;
      continue;
    }
    if ('+-*/^%<>=!&|(),[]'.includes(c)) {
      out.push({ t: 'op', v: c, at });
      i++;
      continue;
    }
    fail(text, at, `unexpected character "${c}"`);
  }
  out.push({ t: 'end', at: s.length });
  return out;
}

/**
 * Parse a `where` expression into its tree (no column is looked up yet): an InputError naming
 * `{{where}}` and the position for a syntax error.
 */
export function parseWhere(text: string): WhereNode {
  const tokens = tokenize(text);
  let k = 0;
  const peek = () => tokens[k];
  const word = (tok: Token, w: string) => tok.t === 'id' && !tok.quoted && tok.v.toLowerCase() === w;
  const isOp = (tok: Token, ...ops: string[]) => tok.t === 'op' && ops.includes(tok.v);
  const expect = (...ops: string[]) => {
    const tok = peek();
    if (!isOp(tok, ...ops)) fail(text, tok.at, `expected "${ops[0]}"`);
    k++;
  };

  function or(): WhereNode {
    let left = and();
    for (;;) {
      const tok = peek();
      if (!(word(tok, 'or') || isOp(tok, '|', '||'))) return left;
      k++;
      left = { kind: 'binary', op: 'or', left, right: and(), at: tok.at };
    }
  }
  function and(): WhereNode {
    let left = not();
    for (;;) {
      const tok = peek();
      if (!(word(tok, 'and') || isOp(tok, '&', '&&'))) return left;
      k++;
      left = { kind: 'binary', op: 'and', left, right: not(), at: tok.at };
    }
  }
  function not(): WhereNode {
    const tok = peek();
    if (word(tok, 'not') || isOp(tok, '!')) {
      k++;
      return { kind: 'unary', op: 'not', arg: not() };
    }
    return comparison();
  }
  function comparison(): WhereNode {
    const left = sum();
    const tok = peek();
    if (isOp(tok, '==', '=', '!=', '<>', '<', '<=', '>', '>=')) {
      k++;
      const op = tok.t === 'op' && tok.v === '=' ? '==' : tok.t === 'op' && tok.v === '<>' ? '!=' : (tok as { v: string }).v;
      return { kind: 'binary', op, left, right: sum(), at: tok.at };
    }
    if (word(tok, 'in') || (word(tok, 'not') && word(tokens[k + 1], 'in'))) {
      const negated = word(tok, 'not');
      k += negated ? 2 : 1;
      return { kind: 'in', arg: left, values: valueList(), negated };
    }
    if (word(tok, 'is')) {
      k++;
      const negated = word(peek(), 'not');
      if (negated) k++;
      const what = peek();
      if (!(word(what, 'missing') || word(what, 'na') || word(what, 'null')))
        fail(text, what.at, 'expected "missing" after "is"');
      k++;
      return { kind: 'missing', arg: left, negated };
    }
    return left;
  }
  function valueList(): WhereNode[] {
    // (a, b), [a, b] or R's c(a, b)
    if (word(peek(), 'c') && isOp(tokens[k + 1], '(')) k++;
    const open = peek();
    if (!isOp(open, '(', '[')) fail(text, open.at, 'expected a list such as ("a", "b") after "in"');
    k++;
    const close = open.t === 'op' && open.v === '[' ? ']' : ')';
    const values: WhereNode[] = [];
    if (!isOp(peek(), close))
      for (;;) {
        // Only literals: the list is a set of values, not expressions.
        const tok = peek();
        const minus = isOp(tok, '-');
        const lit = tokens[k + (minus ? 1 : 0)];
        if (lit.t === 'num') values.push({ kind: 'number', value: minus ? -lit.v : lit.v });
        else if (lit.t === 'str' && !minus) values.push({ kind: 'string', value: lit.v });
        else fail(text, lit.at, 'a list after "in" holds numbers or quoted texts');
        k += minus ? 2 : 1;
        if (isOp(peek(), ',')) k++;
        else break;
      }
    expect(close);
    return values;
  }
  function sum(): WhereNode {
    let left = product();
    for (;;) {
      const tok = peek();
      if (!isOp(tok, '+', '-')) return left;
      k++;
      left = { kind: 'binary', op: (tok as { v: string }).v, left, right: product(), at: tok.at };
    }
  }
  function product(): WhereNode {
    let left = unary();
    for (;;) {
      const tok = peek();
      if (!isOp(tok, '*', '/', '%')) return left;
      k++;
      left = { kind: 'binary', op: (tok as { v: string }).v, left, right: unary(), at: tok.at };
    }
  }
  function unary(): WhereNode {
    if (isOp(peek(), '-')) {
      k++;
      return { kind: 'unary', op: '-', arg: unary() };
    }
    if (isOp(peek(), '+')) k++;
    return power();
  }
  function power(): WhereNode {
    const base = atom();
    const tok = peek();
    if (isOp(tok, '^')) {
      k++;
      return { kind: 'binary', op: '^', left: base, right: unary(), at: tok.at };
    }
    return base;
  }
  function atom(): WhereNode {
    const tok = peek();
    if (tok.t === 'num') {
      k++;
      return { kind: 'number', value: tok.v };
    }
    if (tok.t === 'str') {
      k++;
      return { kind: 'string', value: tok.v };
    }
    if (isOp(tok, '(')) {
      k++;
      const e = or();
      expect(')');
      return e;
    }
    if (tok.t === 'id') {
      k++;
      if (!tok.quoted && isOp(peek(), '(')) {
        const fn = tok.v.toLowerCase();
        if (fn !== 'missing' && fn !== 'is.na' && !(fn in FUNCTIONS))
          fail(text, tok.at, `unknown function "${tok.v}" (functions: missing, is.na, ${Object.keys(FUNCTIONS).join(', ')})`);
        k++;
        const arg = or();
        expect(')');
        if (fn === 'missing' || fn === 'is.na') return { kind: 'missing', arg, negated: false };
        return { kind: 'call', fn, arg, at: tok.at };
      }
      if (!tok.quoted && ['and', 'or', 'not', 'in', 'is'].includes(tok.v.toLowerCase()))
        fail(text, tok.at, `"${tok.v}" needs a value before it`);
      return { kind: 'column', name: tok.v, at: tok.at };
    }
    fail(text, tok.at, tok.t === 'end' ? 'the expression ends too early' : `unexpected "${(tok as { v: unknown }).v}"`);
  }

  const tree = or();
  if (peek().t !== 'end') fail(text, peek().at, `unexpected "${(peek() as { v: unknown }).v}"`);
  return tree;
}

/** A value during evaluation: a number (NaN = missing), a string, a truth value, or null (missing). */
type Value = number | string | boolean | null;

const isMissing = (v: Value) => v === null || (typeof v === 'number' && Number.isNaN(v));

/**
 * The rows of `panel` where `expression` is true: a boolean per row. Columns are the panel's numeric
 * and text columns, its entity and period columns, and `group` (the entity's group) unless the
 * panel has a column of that name. InputError naming `{{where}}` and the column otherwise.
 */
export function evaluateWhere(panel: Panel, expression: string | WhereNode): boolean[] {
  const text = typeof expression === 'string' ? expression : '(expression)';
  const tree = typeof expression === 'string' ? parseWhere(expression) : expression;
  const n = panel.entity.length;
  const groupOf = new Map(panel.entities.map((e) => [e.id, e.group]));

  type Row = (i: number) => Value;
  const columnAccess = (name: string, at: number): { get: Row; type: 'number' | 'string' } => {
    if (name in panel.columns) {
      const c = panel.columns[name];
      return { get: (i) => c[i], type: 'number' };
    }
    if (name in panel.text) {
      const c = panel.text[name];
      return { get: (i) => (c[i] === '' || c[i] === undefined ? null : c[i]), type: 'string' };
    }
    if (name === panel.entityColumn) return { get: (i) => panel.entity[i], type: 'string' };
    if (name === panel.periodColumn) return { get: (i) => panel.period[i], type: 'number' };
    if (name === 'group' && panel.entities.some((e) => e.group !== undefined))
      return { get: (i) => groupOf.get(panel.entity[i]) ?? null, type: 'string' };
    const names = [panel.entityColumn, panel.periodColumn, ...Object.keys(panel.columns), ...Object.keys(panel.text)];
    const lower = name.toLowerCase();
    const close = names.filter((c) => c.toLowerCase() === lower || c.toLowerCase().includes(lower) || lower.includes(c.toLowerCase()));
    throw new InputError(`{{where}}: no column "${name}" in the data (position ${at + 1})`, {
      column: name,
      hint: close.length
        ? `did you mean ${close.slice(0, 3).map((c) => `"${c}"`).join(' or ')}? Names with spaces or symbols go in back-quotes: \`R&D staff\``
        : `columns: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}`,
    });
  };

  // Compile the tree into closures; `type` is what the node yields, checked once here, not per row.
  type Compiled = { get: Row; type: 'number' | 'string' | 'boolean'; column?: string };
  const compile = (node: WhereNode): Compiled => {
    switch (node.kind) {
      case 'number':
        return { get: () => node.value, type: 'number' };
      case 'string':
        return { get: () => node.value, type: 'string' };
      case 'column': {
        const c = columnAccess(node.name, node.at);
        return { ...c, column: node.name };
      }
      case 'missing': {
        const a = compile(node.arg);
        return { get: (i) => isMissing(a.get(i)) !== node.negated, type: 'boolean' };
      }
      case 'call': {
        const a = compile(node.arg);
        numeric(a, `${node.fn}()`);
        const f = FUNCTIONS[node.fn];
        return { get: (i) => f(a.get(i) as number), type: 'number' };
      }
      case 'unary': {
        const a = compile(node.arg);
        if (node.op === '-') {
          numeric(a, 'minus');
          return { get: (i) => -(a.get(i) as number), type: 'number' };
        }
        logical(a, '"not"');
        return { get: (i) => (a.get(i) === null ? null : !a.get(i)), type: 'boolean' };
      }
      case 'in': {
        const a = compile(node.arg);
        const values = node.values.map(compile);
        for (const v of values) comparable(a, v, 'in');
        const set = new Set(values.map((v) => v.get(0)));
        return {
          get: (i) => {
            const x = a.get(i);
            return isMissing(x) ? null : set.has(x) !== node.negated;
          },
          type: 'boolean',
        };
      }
      case 'binary': {
        const l = compile(node.left);
        const r = compile(node.right);
        if (node.op === 'and' || node.op === 'or') {
          logical(l, `"${node.op}"`);
          logical(r, `"${node.op}"`);
          const and = node.op === 'and';
          return {
            get: (i) => {
              const a = l.get(i);
              if (a === !and) return !and; // false and …, true or …
              const b = r.get(i);
              if (b === !and) return !and;
              return a === null || b === null ? null : and;
            },
            type: 'boolean',
          };
        }
        if (['==', '!=', '<', '<=', '>', '>='].includes(node.op)) {
          comparable(l, r, node.op);
          const cmp = COMPARE[node.op];
          return {
            get: (i) => {
              const a = l.get(i);
              const b = r.get(i);
              return isMissing(a) || isMissing(b) ? null : cmp(a as number | string, b as number | string);
            },
            type: 'boolean',
          };
        }
        numeric(l, `"${node.op}"`);
        numeric(r, `"${node.op}"`);
        const f = ARITHMETIC[node.op];
        return { get: (i) => f(l.get(i) as number, r.get(i) as number), type: 'number' };
      }
    }
  };
  const describe = (c: Compiled) => (c.column ? `column "${c.column}" (${c.type === 'string' ? 'text' : c.type})` : `a ${c.type === 'string' ? 'text' : c.type} value`);
  const typeError = (c: Compiled, what: string): never => {
    throw new InputError(`{{where}}: ${describe(c)} cannot be used with ${what} in "${text}"`, {
      column: c.column,
      hint: c.type === 'string' ? 'compare text with text in quotes: region == "East"' : 'compare numbers with numbers: gdp > 1000',
    });
  };
  const numeric = (c: Compiled, what: string) => {
    if (c.type !== 'number') typeError(c, what);
  };
  const logical = (c: Compiled, what: string) => {
    if (c.type !== 'boolean') typeError(c, what);
  };
  const comparable = (a: Compiled, b: Compiled, op: string) => {
    if (a.type === 'boolean') typeError(a, `"${op}"`);
    if (b.type === 'boolean') typeError(b, `"${op}"`);
    if (a.type !== b.type) typeError(a.type === 'string' ? a : b, `a ${a.type === 'string' ? 'number' : 'text'} in "${op}"`);
  };

  const root = compile(tree);
  if (root.type !== 'boolean')
    throw new InputError(`{{where}}: "${text}" is not a condition`, {
      hint: 'write a comparison such as gdp > 1000, a missing test such as missing(rd), or combine them with and/or',
    });
  const keep: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) keep[i] = root.get(i) === true;
  return keep;
}

const COMPARE: Readonly<Record<string, (a: number | string, b: number | string) => boolean>> = {
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '^': (a, b) => a ** b,
};
