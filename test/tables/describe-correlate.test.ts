import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { correlate, describe } from '../../src/api/index.js';
import { readPanel } from '../../src/io/read-panel.js';
import { expectClose, inputError } from '../helpers/expect.js';
import { ROOT } from '../helpers/root.js';

// References: base R (mean, sd, quantile type 7, cor, cor.test exact = FALSE, lm for VIF) on a
// held-out panel with missing values, written by test/fixtures/tables/held-out.R (R 4.2.2, haven 2.5.1).
const DIR = path.join(ROOT, 'test/fixtures/tables');
const ref = JSON.parse(readFileSync(path.join(DIR, 'held-out.json'), 'utf8'));
const VARS = ['x1', 'x2', 'x3', 'nq'];
const STATS = ['n', 'mean', 'sd', 'min', 'p25', 'median', 'p75', 'max'] as const;
const num = (m: (number | null)[][]) => m.flat().map((x) => (x === null ? NaN : x));

type Row = Record<(typeof STATS)[number], number> & { name: string; label: string };

function checkRows(rows: Row[], expected: Row[], what: string) {
  expect(rows.map((r) => r.name)).toEqual(expected.map((r) => r.name));
  for (const [k, e] of expected.entries())
    for (const s of STATS) expectClose(rows[k][s], e[s], 1e-10, `${what} ${e.name}.${s}`);
}

// The same data as CSV, Stata (formats 114, 115, 117, 118) and SPSS (uncompressed, bytecode, zlib).
const FILES = [
  'held-out.csv',
  ...['114', '115', '117', '118'].map((v) => `held-out-${v}.dta`),
  'held-out.sav',
  'held-out-byte.sav',
  'held-out.zsav',
];

suite('describe and correlate equal R on held-out data with missing values (1e-10)', () => {
  for (const file of FILES) {
    it(`${file}: describe, describe by region, describe --sample-of, Pearson, Spearman, VIF`, async () => {
      const panel = await readPanel(path.join(DIR, file));
      const d = describe(panel, { vars: VARS }) as { variables: Row[] };
      checkRows(d.variables, ref.describe, `${file} describe`);
      const byRegion = describe(panel, { vars: VARS, by: 'region' }) as {
        groups: { group: string; variables: Row[] }[];
      };
      for (const g of ref.describe_by_region) {
        const got = byRegion.groups.find((x) => x.group === g.group);
        expect(got, g.group).toBeDefined();
        checkRows(got!.variables, g.variables, `${file} ${g.group}`);
      }
      const s = describe(panel, { vars: VARS, sampleOf: ref.sample_of.formula }) as { variables: Row[]; nobs: number };
      expect(s.nobs).toBe(ref.sample_of.nobs);
      checkRows(s.variables, ref.sample_of.variables, `${file} sample-of`);
      // Without --vars: the model's variables in the formula's order, its fixed effects left out.
      const own = describe(panel, { sampleOf: ref.sample_of.formula }) as { variables: Row[] };
      expect(own.variables.map((v) => v.name)).toEqual(['nq', 'x1', 'x2']);
      for (const method of ['pearson', 'spearman'] as const) {
        const c = correlate(panel, { vars: VARS, method, vif: method === 'pearson' }) as {
          r: number[][];
          p: number[][];
          n: number[][];
          vif?: { values: number[]; n: number };
        };
        expectClose(c.r.flat(), num(ref[method].r), 1e-10, `${file} ${method} r`);
        expectClose(c.p.flat(), num(ref[method].p), 1e-10, `${file} ${method} p`);
        expect(c.n).toEqual(ref[method].n);
        if (method === 'pearson') {
          expectClose(c.vif!.values, ref.vif.values, 1e-10, `${file} VIF`);
          expect(c.vif!.n).toBe(ref.vif.n);
        }
      }
    });
  }

  it('labels of Stata and SPSS variables are the describe labels; a CSV has none (label = name)', async () => {
    for (const file of ['held-out-117.dta', 'held-out-118.dta', 'held-out.sav']) {
      const d = describe(await readPanel(path.join(DIR, file)), { vars: VARS }) as { variables: Row[] };
      expect(
        d.variables.map((v) => v.label),
        file,
      ).toEqual(VARS.map((v) => ref.labels[v]));
    }
    const csv = describe(await readPanel(path.join(DIR, 'held-out.csv')), { vars: VARS }) as { variables: Row[] };
    expect(csv.variables.map((v) => v.label)).toEqual(VARS);
  });
});

suite('describe and correlate: clear errors', () => {
  it('an unknown variable, a single variable, perfectly collinear variables for VIF', async () => {
    const panel = await readPanel(path.join(DIR, 'held-out.csv'));
    inputError(() => describe(panel, { vars: ['x1', 'nope'] }), /unknown variable "nope"/);
    inputError(() => correlate(panel, { vars: ['x1'] }), /at least two/);
    inputError(() => describe(panel, { vars: ['x1'], winsorize: 0.7 }), /winsorize must be between 0 and 0.5/);
    const twice = { ...panel, columns: { ...panel.columns, x1b: panel.columns.x1.map((v) => 2 * v + 1) } };
    inputError(() => correlate(twice, { vars: ['x1', 'x1b', 'x2'], vif: true }), /x1b perfectly collinear/);
    inputError(
      () => correlate(panel, { vars: ['x1', 'x2'], method: 'kendall' as 'pearson' }),
      /method must be one of pearson, spearman/,
    );
  });
});
