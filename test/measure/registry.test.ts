import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AGGREGATE_METHODS,
  NORMALIZE_METHODS,
  WEIGHT_METHODS,
  resolveMeasureOptions,
} from '../../src/measure/options.js';
import {
  AGGREGATIONS,
  NORMALIZATIONS,
  WEIGHTINGS,
  findAggregation,
  findNormalization,
  findWeighting,
} from '../../src/measure/registry.js';
import { methodsBlocks } from '../../src/report/sections/measure-methods.js';
import type { MeasureResult } from '../../src/measure/types.js';
import { measureMethodsMarkdown } from '../../scripts/docs-tables.js';
import { runInProcess } from '../helpers/cli.js';
import { ROOT } from '../helpers/root.js';

describe('the measurement method registry', () => {
  it('has one record per method, with unique names and aliases, each found by every spelling', () => {
    for (const [records, find] of [
      [NORMALIZATIONS, findNormalization],
      [WEIGHTINGS, findWeighting],
      [AGGREGATIONS, findAggregation],
    ] as const) {
      const spellings = records.flatMap((r) => [r.name, ...r.aliases]);
      expect(new Set(spellings).size).toBe(spellings.length);
      for (const r of records) {
        for (const s of [r.name, ...r.aliases, r.name.toUpperCase()]) expect(find(s)?.name).toBe(r.name);
        expect(r.label.en && r.label.zh && r.reference && r.formula.length).toBeTruthy();
      }
    }
    expect(NORMALIZE_METHODS).toEqual(NORMALIZATIONS.map((r) => r.name));
    expect(WEIGHT_METHODS).toEqual(['entropy', 'critic', 'cv', 'equal', 'fixed']);
    expect(AGGREGATE_METHODS).toEqual(['arithmetic', 'geometric', 'topsis']);
  });
  it('resolves aliases in the options', () => {
    const o = resolveMeasureOptions({
      normalize: 'z-score' as never,
      weights: 'ewm+critic' as never,
      aggregate: 'entropy-topsis' as never,
    });
    expect([o.normalize, o.weights, o.aggregate]).toEqual(['zscore', 'entropy+critic', 'topsis']);
  });
  it('docs/measure.md carries the tables generated from it (run: npx tsx scripts/docs-tables.ts)', () => {
    expect(readFileSync(path.join(ROOT, 'docs/measure.md'), 'utf8')).toContain(measureMethodsMarkdown());
  });
  it('the report’s methods section and the CLI help read their names from it', async () => {
    const options = { normalize: 'minmax', weights: 'entropy+cv', aggregate: 'topsis', perPeriod: false };
    const blocks = methodsBlocks({ options } as unknown as MeasureResult, 'zh');
    const texts = JSON.stringify(blocks);
    for (const r of [
      findNormalization('minmax')!,
      findWeighting('entropy')!,
      findWeighting('cv')!,
      findAggregation('topsis')!,
    ]) {
      expect(texts).toContain(JSON.stringify(r.label.zh).slice(1, -1));
      for (const f of r.formula) expect(texts).toContain(JSON.stringify(f).slice(1, -1));
      expect(texts).toContain(JSON.stringify(r.reference).slice(1, -1));
    }
    const help = (await runInProcess(['measure', '--help'])).stdout;
    for (const r of [...NORMALIZATIONS, ...WEIGHTINGS, ...AGGREGATIONS])
      expect(help).toContain(`  ${r.name.padEnd(14)}`);
  });
});
