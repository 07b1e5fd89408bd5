import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePanel } from '../../src/data/panel.js';
import { VCOV_METHODS, vcovSyntax } from '../../src/explain/vcov-registry.js';
import { parseVcov } from '../../src/explain/vcov.js';
import { vcovMethodsMarkdown, vcovMethodsText } from '../../src/report/vcov-methods.js';
import { regressionSection } from '../../src/report/sections/regression.js';
import { ROOT } from '../helpers/root.js';

describe('vcov registry: one record per estimator, read by parseVcov, the CLI help, the report and the docs', () => {
  it('parses every syntax and alias to its type', () => {
    for (const m of VCOV_METHODS) for (const a of m.aliases) expect(parseVcov(a.toUpperCase()).type).toBe(m.type);
    expect(parseVcov('cluster:id+year')).toEqual({ type: 'cluster', cluster: ['id', 'year'] });
    expect(parseVcov('dk:3')).toEqual({ type: 'dk', lag: 3 });
    expect(() => parseVcov('hc3')).toThrow(/unknown variance type "hc3"/);
    try {
      parseVcov('hc3');
    } catch (e) {
      expect((e as { hint?: string }).hint).toBe(
        'use iid (ols) | hc1 (hetero, robust) | cluster:COL[+COL2] | dk[:LAG]',
      );
    }
  });
  it('every record has a label in both languages, a formula and a reference', () => {
    for (const m of VCOV_METHODS) {
      expect(m.label.zh).toBeTruthy();
      expect(m.formula).toMatch(/V = |M = /);
      expect(m.reference).toMatch(/\(\d{4}\)/);
    }
    expect(vcovSyntax()).toBe('iid (ols) | hc1 (hetero, robust) | cluster:COL[+COL2] | dk[:LAG]');
  });
  it('docs/explain.md carries the generated table (npx tsx scripts/gen-vcov-docs.ts)', () => {
    const docs = readFileSync(path.join(ROOT, 'docs/explain.md'), 'utf8');
    expect(docs).toContain(`-->\n${vcovMethodsMarkdown()}\n<!-- vcov-registry:end -->`);
  });
  it('the report states the estimators used, in English and Chinese', () => {
    expect(vcovMethodsText(['cluster', 'cluster'])).toMatch(
      /^Standard errors: Clustered \(CR1\), M = Σ_g .*Liang & Zeger \(1986\).*\)\.$/,
    );
    expect(vcovMethodsText(['iid', 'dk'], 'zh')).toMatch(/^标准误：同方差（iid），.*；Driscoll–Kraay，.*。$/);
    // under --lang zh no English prose is left, only formulas, package names and citations
    const zh = vcovMethodsText(['iid', 'hc1', 'cluster', 'dk'], 'zh');
    expect(zh).toContain('双向聚类');
    expect(zh).not.toMatch(/\b(with|counts|nested in|equals|counted|default|two-way)\b/);
    const panel = makePanel({
      entityColumn: 'id',
      periodColumn: 'year',
      entity: ['a', 'b'],
      period: [1, 1],
      columns: { y: [1, 2] },
    });
    const section = regressionSection(panel, { tables: [], vcov: ['hc1'] });
    expect(JSON.stringify(section)).toContain('Heteroskedasticity-robust (HC1), M = Σ eᵢ²');
  });
});
