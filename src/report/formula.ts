import { escapeHtml } from './html.js';

/**
 * A small subset of TeX math rendered to plain HTML (italic variables, <sub>/<sup>, CSS fractions),
 * so formulas read well in a report that must open offline (no MathJax or KaTeX download).
 *
 * Supported: `x_{ij}`, `x^{2}`, `\frac{a}{b}`, `\sqrt{x}`, `\bar{x}`, `\hat{x}`, `\tilde{x}`,
 * `\text{...}`, `\mathrm{...}`, `\operatorname{...}`, Greek letters, `\sum \prod \ln \log \exp
 * \min \max`, relations and arrows (`\le \ge \ne \approx \in \to \cdot \times \pm \infty`), spacing
 * (`\, \; \quad \qquad`), `\left( … \right)` (the sizes are ignored), `\{ \}`.
 *
 * @throws RangeError on an unknown command or unbalanced braces, so a typo shows in tests.
 */
export function texToHtml(tex: string): string {
  const p = new Parser(tex);
  const html = p.sequence(false);
  if (p.pos < tex.length) throw new RangeError(`formula: unexpected "${tex[p.pos]}" at ${p.pos} in ${tex}`);
  return `<span class="math">${html}</span>`;
}

/**
 * Text with inline formulas between `$…$` (a literal dollar is written `\$`): the text is escaped,
 * the formulas rendered by {@link texToHtml}.
 */
export function textWithMath(text: string): string {
  const out: string[] = [];
  let buf = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '$') {
      buf += '$';
      i += 2;
    } else if (c === '$') {
      const end = text.indexOf('$', i + 1);
      if (end < 0) throw new RangeError(`formula: unclosed "$" in ${text}`);
      out.push(escapeHtml(buf), texToHtml(text.slice(i + 1, end)));
      buf = '';
      i = end + 1;
    } else {
      buf += c;
      i++;
    }
  }
  out.push(escapeHtml(buf));
  return out.join('');
}

const GREEK: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
};
const BIG_OPERATORS: Record<string, string> = { sum: '∑', prod: '∏', int: '∫' };
const FUNCTIONS = new Set([
  'ln',
  'log',
  'exp',
  'min',
  'max',
  'sup',
  'inf',
  'lim',
  'det',
  'sd',
  'var',
  'cov',
  'corr',
  'mean',
  'median',
  'sgn',
  'arg',
]);
const RELATIONS: Record<string, string> = {
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ne: '≠',
  neq: '≠',
  approx: '≈',
  in: '∈',
  notin: '∉',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  equiv: '≡',
  sim: '∼',
  propto: '∝',
  subset: '⊂',
  cdot: '·',
  times: '×',
  pm: '±',
  mp: '∓',
};
const SYMBOLS: Record<string, string> = {
  infty: '∞',
  partial: '∂',
  nabla: '∇',
  forall: '∀',
  exists: '∃',
  ldots: '…',
  cdots: '⋯',
  dots: '…',
  prime: '′',
  '{': '{',
  '}': '}',
  '%': '%',
  $: '$',
  '&': '&amp;',
  '#': '#',
  _: '_',
  '|': '‖',
  lvert: '|',
  rvert: '|',
  vert: '|',
  mid: '|',
};
const SPACES: Record<string, string> = {
  ',': '\u2009',
  ';': '\u2005',
  ':': '\u2005',
  '!': '',
  ' ': ' ',
  quad: '\u2003',
  qquad: '\u2003\u2003',
};
const ACCENTS: Record<string, string> = { hat: '\u0302', tilde: '\u0303', dot: '\u0307', check: '\u030C' };

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  /** Atoms until the end, or until the closing brace when `inGroup`. */
  sequence(inGroup: boolean): string {
    let out = '';
    for (;;) {
      this.skipSpaces();
      if (this.pos >= this.s.length) {
        if (inGroup) throw new RangeError(`formula: missing "}" in ${this.s}`);
        return out;
      }
      if (this.s[this.pos] === '}') {
        if (!inGroup) throw new RangeError(`formula: unmatched "}" at ${this.pos} in ${this.s}`);
        return out;
      }
      out += this.scripted();
    }
  }

  private skipSpaces(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos])) this.pos++;
  }

  /** An atom with optional subscript and superscript. */
  private scripted(): string {
    let base = this.atom();
    let sub = '';
    let sup = '';
    for (;;) {
      this.skipSpaces();
      const c = this.s[this.pos];
      if (c === '_' && !sub) {
        this.pos++;
        sub = this.argument();
      } else if (c === '^' && !sup) {
        this.pos++;
        sup = this.argument();
      } else if (c === "'") {
        this.pos++;
        base += '′';
      } else break;
    }
    if (sub && sup) return `${base}<span class="scripts"><sup>${sup}</sup><sub>${sub}</sub></span>`;
    if (sub) return `${base}<sub>${sub}</sub>`;
    if (sup) return `${base}<sup>${sup}</sup>`;
    return base;
  }

  /** A braced group or a single atom (the argument of a script or command). */
  private argument(): string {
    this.skipSpaces();
    if (this.s[this.pos] === '{') {
      this.pos++;
      const inner = this.sequence(true);
      this.pos++;
      return inner;
    }
    if (this.pos >= this.s.length) throw new RangeError(`formula: missing argument at the end of ${this.s}`);
    return this.atom();
  }

  /** The raw text of a braced group (for \text). */
  private rawGroup(): string {
    this.skipSpaces();
    if (this.s[this.pos] !== '{') throw new RangeError(`formula: expected "{" at ${this.pos} in ${this.s}`);
    let depth = 0;
    const start = this.pos + 1;
    for (; this.pos < this.s.length; this.pos++) {
      if (this.s[this.pos] === '{') depth++;
      else if (this.s[this.pos] === '}' && --depth === 0) {
        this.pos++;
        return this.s.slice(start, this.pos - 1);
      }
    }
    throw new RangeError(`formula: missing "}" in ${this.s}`);
  }

  private atom(): string {
    const c = this.s[this.pos];
    if (c === '{') {
      this.pos++;
      const inner = this.sequence(true);
      this.pos++;
      return inner;
    }
    if (c === '\\') return this.command();
    this.pos++;
    if (/[A-Za-z]/.test(c)) return `<i>${c}</i>`;
    if (c === '-') return '<span class="op">\u2212</span>';
    if ('=+<>'.includes(c)) return `<span class="op">${escapeHtml(c)}</span>`;
    if (c === ',') return ',\u2009';
    if (c === '*') return '∗';
    return escapeHtml(c);
  }

  private command(): string {
    this.pos++;
    let name: string;
    if (/[A-Za-z]/.test(this.s[this.pos] ?? '')) {
      const m = /^[A-Za-z]+/.exec(this.s.slice(this.pos))!;
      name = m[0];
    } else {
      name = this.s[this.pos] ?? '';
    }
    this.pos += name.length;
    if (name === '') throw new RangeError(`formula: lone "\\" at the end of ${this.s}`);
    if (name in GREEK) return /^[a-z]/.test(name) ? `<i>${GREEK[name]}</i>` : GREEK[name];
    if (name in BIG_OPERATORS) return `<span class="bigop">${BIG_OPERATORS[name]}</span>`;
    if (FUNCTIONS.has(name)) return `<span class="fn">${name}</span>`;
    if (name in RELATIONS) return `<span class="op">${RELATIONS[name]}</span>`;
    if (name in SYMBOLS) return SYMBOLS[name];
    if (name in SPACES) return SPACES[name];
    if (name in ACCENTS) return `${this.argument()}${ACCENTS[name]}`;
    switch (name) {
      case 'frac': {
        const num = this.argument();
        const den = this.argument();
        return `<span class="frac"><span class="num">${num}</span><span class="den">${den}</span></span>`;
      }
      case 'sqrt':
        return `√<span class="sqrt">${this.argument()}</span>`;
      case 'bar':
      case 'overline':
        return `<span class="bar">${this.argument()}</span>`;
      case 'text':
      case 'mathrm':
      case 'operatorname':
      case 'textrm':
        return `<span class="fn">${escapeHtml(this.rawGroup())}</span>`;
      case 'mathbf':
      case 'boldsymbol':
        return `<b>${this.argument()}</b>`;
      case 'left':
      case 'right':
      case 'big':
      case 'Big':
      case 'bigl':
      case 'bigr':
      case 'Bigl':
      case 'Bigr':
        return '';
      default:
        throw new RangeError(`formula: unknown command \\${name} in ${this.s}`);
    }
  }
}
