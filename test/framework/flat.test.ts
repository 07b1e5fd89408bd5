import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { loadFramework } from '../../src/framework/load.js';
import { systemIndicators } from '../../src/framework/tree.js';
import type { Framework } from '../../src/framework/types.js';
import { readFrameworkFile, resolveFramework } from '../../src/io/framework-file.js';
import { gbk } from '../helpers/gbk.js';

const dir = mkdtempSync(join(tmpdir(), 'nqpf-fw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const flat = (f: Framework) =>
  f.systems.map((s) => [
    s.id,
    systemIndicators(s).map((p) => [p.indicator.id, p.indicator.column, p.indicator.direction]),
  ]);

describe('flat frameworks', () => {
  it('reads a YAML list of indicators as one system with one dimension; "-" marks a cost indicator', () => {
    const f = loadFramework('- rd\n- "+patents"\n- "-energy"\n- {column: 研发经费, direction: 正向}\n', 'quick.yaml');
    expect(flat(f)).toEqual([
      [
        'quick',
        [
          ['rd', 'rd', '+'],
          ['patents', 'patents', '+'],
          ['energy', 'energy', '-'],
          ['研发经费', '研发经费', '+'],
        ],
      ],
    ]);
    expect(f.systems[0]!.dimensions.map((d) => d.id)).toEqual(['all']);
  });
  it('reads a mapping with indicators: and a name, without systems', () => {
    const f = loadFramework(
      'id: nqpf\nname: {en: NQPF, zh: 新质生产力}\nindicators:\n  - {id: rd, column: rd_intensity, direction: 效益型}\n  - {id: e, column: energy, direction: 成本型}\n',
      'x.yaml',
    );
    expect([f.id, f.name, flat(f)]).toEqual([
      'nqpf',
      { en: 'NQPF', zh: '新质生产力' },
      [
        [
          'nqpf',
          [
            ['rd', 'rd_intensity', '+'],
            ['e', 'energy', '-'],
          ],
        ],
      ],
    ]);
  });
  it('accepts 正向/负向, 效益型/成本型 and positive/negative as directions in a full framework', () => {
    const yaml = (d: string) =>
      `systems:\n  - id: s\n    dimensions:\n      - id: d\n        indicators:\n          - {id: a, column: a, direction: ${d}}\n`;
    const dir = (d: string) => systemIndicators(loadFramework(yaml(d)).systems[0]!)[0]!.indicator.direction;
    expect(['正向', '效益型', 'positive', 'benefit', '"+"', '正向指标'].map(dir)).toEqual([
      '+',
      '+',
      '+',
      '+',
      '+',
      '+',
    ]);
    expect(['负向', '成本型', 'negative', 'cost', '"-"', '逆向指标'].map(dir)).toEqual(['-', '-', '-', '-', '-', '-']);
    expect(() => loadFramework(yaml('up'), 'fw.yaml')).toThrow(
      'direction: expected "+", "-", "benefit" or "cost" (also 正向/负向, 效益型/成本型)',
    );
  });
  it('--indicators builds the framework on the fly, and needs either it or --framework', async () => {
    const f = await resolveFramework(undefined, ['rd', 'patents', '-energy']);
    expect(flat(f)).toEqual([
      [
        'index',
        [
          ['rd', 'rd', '+'],
          ['patents', 'patents', '+'],
          ['energy', 'energy', '-'],
        ],
      ],
    ]);
    expect(f.name).toEqual({ en: 'Composite index', zh: '综合指数' });
    await expect(resolveFramework(undefined)).rejects.toThrow(InputError);
    await expect(resolveFramework('seed', ['rd'])).rejects.toThrow('give either --framework or --indicators, not both');
  });
});

describe('framework files in GBK', () => {
  it('are decoded like CSV files, with a note', async () => {
    const f = join(dir, 'gbk.yaml');
    writeFileSync(
      f,
      gbk(
        'name: {en: Index, zh: 新质生产力指数}\nindicators:\n  - {column: 研发经费, direction: 正向}\n  - {column: 能源强度, direction: 负向}\n',
      ),
    );
    const fw = await readFrameworkFile(f);
    expect(fw.name).toEqual({ en: 'Index', zh: '新质生产力指数' });
    expect(flat(fw)).toEqual([
      [
        'gbk',
        [
          ['研发经费', '研发经费', '+'],
          ['能源强度', '能源强度', '-'],
        ],
      ],
    ]);
    expect(fw.notes?.[0]?.code).toBe('encoding-gb18030');
  });
});
