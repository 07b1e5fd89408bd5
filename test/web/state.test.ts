import { describe, expect, it } from 'vitest';
import { allKeys, defaultLang, tr } from '../../src/web/app/i18n.js';
import { rankingRows, topEntities, type ScoreJson } from '../../src/web/app/state.js';
import { initialState } from '../../src/web/app/store.js';
import { projectOf } from '../../src/web/steps/measure.js';
import { formatProject, parseProject } from '../../src/run/project-file.js';
import type { DataSummary, FrameworkInfo } from '../../src/web/worker/protocol.js';

const scores: ScoreJson[] = [
  { entity: 'BJ', period: 2021, index: 0.9, system: 's', dimensions: {}, rank: 1 },
  { entity: 'SH', period: 2021, index: 0.7, system: 's', dimensions: {}, rank: 2 },
  { entity: 'BJ', period: 2022, index: 0.6, system: 's', dimensions: {}, rank: 2 },
  { entity: 'SH', period: 2022, index: 0.8, system: 's', dimensions: {}, rank: 1 },
  { entity: 'GS', period: 2022, index: 0.1, system: 's', dimensions: {}, rank: 3 },
];
const entities = [
  { id: 'BJ', name: 'Beijing', nameZh: '北京' },
  { id: 'SH', name: 'Shanghai', nameZh: '上海' },
  { id: 'GS', name: 'Gansu', nameZh: '甘肃' },
];

describe('workbench state', () => {
  it('ranks the latest period by default, searches names in both languages, sorts', () => {
    const r = rankingRows(scores, entities, { system: 's', lang: 'en' });
    expect(r.period).toBe(2022);
    expect(r.rows.map((x) => [x.entity, x.rank, x.index])).toEqual([
      ['SH', 1, 0.8],
      ['BJ', 2, 0.6],
      ['GS', 3, 0.1],
    ]);
    expect(rankingRows(scores, entities, { system: 's', lang: 'zh', query: '北' }).rows.map((x) => x.label)).toEqual([
      '北京',
    ]);
    expect(
      rankingRows(scores, entities, {
        system: 's',
        lang: 'en',
        period: 2021,
        sort: { key: 'entity', desc: true },
      }).rows.map((x) => x.label),
    ).toEqual(['Shanghai', 'Beijing']);
    expect(topEntities(scores, 's', 2)).toEqual(['SH', 'BJ']);
    expect(topEntities(scores, 's', 1, 'bottom')).toEqual(['GS']);
  });

  it('a project file round-trips: state → JSON → parse → state', () => {
    const s = initialState('zh');
    s.data = { source: { file: '省份.csv', entity: '地区' } } as DataSummary;
    s.framework = {
      definition: {
        id: 'x',
        systems: [{ id: 'a', dimensions: [{ id: 'd', indicators: [{ id: 'i', column: 'c', direction: '-' }] }] }],
      },
    } as unknown as FrameworkInfo;
    s.frameworkFile = 'x.yaml';
    s.settings = { ...s.settings, weights: 'entropy+critic', aggregate: 'geometric', impute: 'linear' };
    s.couple = { systems: ['a', 'b'], method: 'fan' };
    const p = projectOf(s)!;
    const back = parseProject(formatProject(p));
    expect(back).toEqual(p);
    expect(back.lang).toBe('zh');
    expect(back.measure).toEqual(s.settings);
    expect(back.couple).toEqual(s.couple);
  });

  it('rejects a bad project file with the entry and a fix', () => {
    expect(() =>
      parseProject(
        '{"nqpf":"project","version":1,"data":{"builtin":"china-sim"},"framework":{"builtin":"seed"},"measure":{"normalize":"nope"}}',
        'p.json',
      ),
    ).toThrow(/measure\.normalize/);
    expect(() =>
      parseProject(
        '{"nqpf":"project","version":1,"data":{"builtin":"china-sim"},"framework":{"builtin":"seed"},"measure":{"weights":"magic"}}',
        'p.json',
      ),
    ).toThrow(/unknown weights/);
    expect(() => parseProject('not json', 'p.json')).toThrow(/not valid JSON/);
  });

  it('has every UI string in both languages and picks the language from the browser', () => {
    for (const k of allKeys()) {
      expect(tr(k, 'en').length, k).toBeGreaterThan(0);
      expect(tr(k, 'zh').length, k).toBeGreaterThan(0);
    }
    expect(defaultLang(['zh-CN', 'en'])).toBe('zh');
    expect(defaultLang(['en-GB', 'zh-CN'])).toBe('en');
    expect(defaultLang(['fr'])).toBe('en');
    expect(tr('summary', 'en', { rows: 3, entities: 1, periods: 3, first: 2020, last: 2022 })).toBe(
      '3 rows: 1 entities × 3 periods (2020–2022)',
    );
  });
});
