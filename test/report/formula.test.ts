import { describe, expect, it } from 'vitest';
import { texToHtml, textWithMath } from '../../src/report/formula.js';
import { escapeHtml, formatNumber } from '../../src/report/html.js';

describe('texToHtml', () => {
  it('writes variables in italics with sub- and superscripts', () => {
    expect(texToHtml('x_{ij}')).toBe('<span class="math"><i>x</i><sub><i>i</i><i>j</i></sub></span>');
    expect(texToHtml('x^2')).toBe('<span class="math"><i>x</i><sup>2</sup></span>');
    expect(texToHtml('z^{+}_j')).toBe(
      '<span class="math"><i>z</i><span class="scripts"><sup><span class="op">+</span></sup><sub><i>j</i></sub></span></span>',
    );
  });
  it('renders fractions, sums, logs, Greek letters and a true minus sign', () => {
    const html = texToHtml('e_j = -k \\sum_i p_{ij} \\ln p_{ij}, \\quad k = \\frac{1}{\\ln n}');
    expect(html).toContain('<span class="bigop">∑</span><sub><i>i</i></sub>');
    expect(html).toContain('<span class="fn">ln</span>');
    expect(html).toContain('<span class="op">\u2212</span>');
    expect(html).toContain(
      '<span class="frac"><span class="num">1</span><span class="den"><span class="fn">ln</span><i>n</i></span></span>',
    );
    expect(texToHtml('\\sigma_j')).toBe('<span class="math"><i>σ</i><sub><i>j</i></sub></span>');
    expect(texToHtml("x'_{ij}")).toBe('<span class="math"><i>x</i>′<sub><i>i</i><i>j</i></sub></span>');
  });
  it('escapes text and refuses unknown commands and unbalanced braces', () => {
    expect(texToHtml('\\text{a<b & c}')).toBe('<span class="math"><span class="fn">a&lt;b &amp; c</span></span>');
    expect(texToHtml('a<b')).toBe('<span class="math"><i>a</i><span class="op">&lt;</span><i>b</i></span>');
    expect(() => texToHtml('\\foo{x}')).toThrow(/unknown command \\foo/);
    expect(() => texToHtml('x_{ij')).toThrow(/missing "}"/);
    expect(() => texToHtml('x}')).toThrow(/unmatched "}"/);
  });
});

describe('textWithMath', () => {
  it('escapes the text and renders $…$ spans; \\$ is a literal dollar', () => {
    expect(textWithMath('where <b> $n = N$ costs \\$5')).toBe(
      'where &lt;b&gt; <span class="math"><i>n</i><span class="op">=</span><i>N</i></span> costs $5',
    );
    expect(() => textWithMath('an $open span')).toThrow(/unclosed/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;',
    );
  });
});

describe('formatNumber', () => {
  it('fixes digits, uses a true minus, groups thousands and marks missing values', () => {
    expect(formatNumber(0.123456, { digits: 4 })).toBe('0.1235');
    expect(formatNumber(-1.5, { digits: 2 })).toBe('\u22121.50');
    expect(formatNumber(3, { digits: 0, signed: true })).toBe('+3');
    expect(formatNumber(0, { digits: 0, signed: true })).toBe('0');
    expect(formatNumber(-0.0001, { digits: 2 })).toBe('0.00');
    expect(formatNumber(0.256, { digits: 1, percent: true })).toBe('25.6%');
    expect(formatNumber(1234567.891, { digits: 1 })).toBe('1,234,567.9');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(null)).toBe('—');
  });
});
