import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHINA_PROVINCES, isAggregateName, matchProvince, provinceByCode } from '../../src/data/china-provinces.js';

const csv = readFileSync(new URL('../../data/builtin/china-provinces.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

describe('CHINA_PROVINCES', () => {
  it('lists the 31 mainland divisions in GB/T 2260 order, then HK 81, MO 82, TW 71 flagged not mainland', () => {
    expect(CHINA_PROVINCES.length).toBe(34);
    const mainland = CHINA_PROVINCES.filter((p) => p.mainland);
    expect(mainland.length).toBe(31);
    expect(mainland.map((p) => p.code)).toEqual([...mainland.map((p) => p.code)].sort());
    expect(CHINA_PROVINCES.slice(31).map((p) => [p.code, p.mainland])).toEqual([['81', false], ['82', false], ['71', false]]);
    expect(new Set(CHINA_PROVINCES.map((p) => p.short)).size).toBe(34);
  });
  it('agrees with data/builtin/china-provinces.csv on codes, names, regions and capitals', () => {
    expect(csv.length).toBe(31);
    csv.forEach(([code, en, zh, r4, r3, capEn, lat, lon], i) => {
      const p = CHINA_PROVINCES[i]!;
      expect([p.adcode, p.en, p.short, p.region4, p.region3, p.capital.en, p.capital.lat, p.capital.lon]).toEqual([
        code, en, zh, r4!.toLowerCase(), r3!.toLowerCase(), capEn, Number(lat), Number(lon),
      ]);
    });
  });
  it('has the official full names', () => {
    const full = Object.fromEntries(CHINA_PROVINCES.map((p) => [p.code, p.full]));
    expect([full['11'], full['15'], full['45'], full['54'], full['64'], full['65'], full['81'], full['71']]).toEqual([
      '北京市', '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区', '香港特别行政区', '台湾省',
    ]);
    expect(CHINA_PROVINCES.filter((p) => p.region4 === 'northeast' && p.mainland).map((p) => p.short)).toEqual(['辽宁', '吉林', '黑龙江']);
  });
});

describe('matchProvince', () => {
  it('matches short and full Chinese names, English names, romanisations and codes', () => {
    const cases: [string | number, string][] = [
      ['北京', '11'], ['北京市', '11'], ['Beijing', '11'], ['beijing', '11'], ['BEIJING', '11'], ['Peking', '11'], ['11', '11'], ['110000', '11'], [110000, '11'], ['110000.0', '11'],
      ['内蒙古', '15'], ['内蒙古自治区', '15'], ['Inner Mongolia', '15'], ['Nei Mongol', '15'], ['inner mongolia autonomous region', '15'], ['內蒙古', '15'],
      ['广西壮族自治区', '45'], ['Guangxi Zhuang Autonomous Region', '45'], ['Xizang', '54'], ['Tibet', '54'], ['西藏自治区', '54'],
      ['Shanxi', '14'], ['Shaanxi', '61'], ['陕西省', '61'], ['新疆维吾尔自治区', '65'], ['Xinjiang Uygur Autonomous Region', '65'], ['宁夏回族自治区', '64'],
      ['香港特别行政区', '81'], ['Hong Kong SAR', '81'], ['Macau', '82'], ['澳門', '82'], ['臺灣', '71'], ['台湾省', '71'], ['CN-GD', '44'], ['廣東省', '44'],
      ['Heilongjiang Province', '23'], ['Chongqing Municipality', '50'], ['中国北京', '11'],
    ];
    for (const [name, code] of cases) expect([name, matchProvince(name)?.code]).toEqual([name, code]);
  });
  it('ignores spaces and full-width characters', () => {
    expect(matchProvince(' 北 京 ')?.code).toBe('11');
    expect(matchProvince('\u3000上海市\u3000')?.code).toBe('31');
    expect(matchProvince('１１')?.code).toBe('11');
    expect(matchProvince('Ｂｅｉｊｉｎｇ')?.code).toBe('11');
  });
  it('matches nothing else', () => {
    for (const name of ['', '  ', 'Atlantis', '北京大学', '全国', '东部地区', '12345', '990000', 'Shan', '市', 'China', undefined, null]) expect(matchProvince(name as string)).toBeUndefined();
  });
  it('finds a province by code', () => {
    expect(provinceByCode('440000')?.short).toBe('广东');
    expect(provinceByCode(46)?.short).toBe('海南');
    expect(provinceByCode('99')).toBeUndefined();
  });
});

describe('isAggregateName', () => {
  it('recognises national totals and regional aggregates', () => {
    for (const n of ['全国', '全国合计', '全国总计', '合计', '总计', '东部地区', '中部地区', '西部地区', '东北地区', '东部', '东北', ' 全 国 ', 'National', 'Total', 'TOTAL', 'East', 'Eastern Region', '长江经济带', '京津冀']) {
      expect([n, isAggregateName(n)]).toEqual([n, true]);
    }
  });
  it('leaves provinces and countries alone; 中国 is an aggregate only among provinces', () => {
    for (const n of ['北京', '北京市', 'Beijing', '内蒙古自治区', 'China', '中国', 'Shandong']) expect([n, isAggregateName(n)]).toEqual([n, false]);
    expect(isAggregateName('中国', { provinces: true })).toBe(true);
    expect(isAggregateName('China', { provinces: true })).toBe(true);
  });
});
