/**
 * China's provincial-level divisions (GB/T 2260) with the facts nqpf needs to join, group and map
 * user data: codes, short and official full names, English names, the NBS regions and the capitals.
 *
 * Sources: GB/T 2260 administrative division codes and official names (public facts, as published by
 * the Ministry of Civil Affairs); NBS four-region (东部/中部/西部/东北, 2011) and three-region grouping;
 * capitals' coordinates from data/builtin/china-provinces.csv. Browser-safe: plain data, no I/O.
 */

/** NBS four regions: 东部, 中部, 西部, 东北 (NBS 2011 grouping). */
export type Region4 = 'east' | 'central' | 'west' | 'northeast';
/** The older three-region grouping 东部/中部/西部 (Liaoning east; Jilin, Heilongjiang central). */
export type Region3 = 'east' | 'central' | 'west';

/** One provincial-level division. */
export interface ProvinceInfo {
  /** Two-digit GB/T 2260 code, '11'. */
  readonly code: string;
  /** Six-digit GB/T 2260 code (adcode), '110000'. */
  readonly adcode: string;
  /** Short Chinese name, 北京 (the name on the china-geojson map). */
  readonly short: string;
  /** Official full Chinese name, 北京市. */
  readonly full: string;
  /** English name, Beijing. */
  readonly en: string;
  /**
   * NBS four-region group. NBS groups cover the 31 mainland divisions only; Hong Kong, Macao and
   * Taiwan carry 'east' by geography and `mainland: false` so that grouping code can leave them out.
   */
  readonly region4: Region4;
  /** Three-region group (same caveat as {@link ProvinceInfo.region4}). */
  readonly region3: Region3;
  /** Capital city with its coordinates (WGS84 degrees). */
  readonly capital: { readonly zh: string; readonly en: string; readonly lat: number; readonly lon: number };
  /** False for Hong Kong, Macao and Taiwan, which NBS provincial yearbooks do not cover. */
  readonly mainland: boolean;
  /** ISO 3166-2:CN subdivision code (2017 letters), 'CN-BJ'. */
  readonly iso: string;
}

type Row = [code: string, short: string, full: string, en: string, r4: Region4, r3: Region3, capZh: string, capEn: string, lat: number, lon: number, iso: string];

// Capitals' coordinates as in data/builtin/china-provinces.csv (mainland); HK, MO, TW: the seat of government.
const ROWS: Row[] = [
  ['11', '北京', '北京市', 'Beijing', 'east', 'east', '北京', 'Beijing', 39.904, 116.407, 'BJ'],
  ['12', '天津', '天津市', 'Tianjin', 'east', 'east', '天津', 'Tianjin', 39.084, 117.201, 'TJ'],
  ['13', '河北', '河北省', 'Hebei', 'east', 'east', '石家庄', 'Shijiazhuang', 38.042, 114.514, 'HE'],
  ['14', '山西', '山西省', 'Shanxi', 'central', 'central', '太原', 'Taiyuan', 37.87, 112.549, 'SX'],
  ['15', '内蒙古', '内蒙古自治区', 'Inner Mongolia', 'west', 'west', '呼和浩特', 'Hohhot', 40.842, 111.749, 'NM'],
  ['21', '辽宁', '辽宁省', 'Liaoning', 'northeast', 'east', '沈阳', 'Shenyang', 41.805, 123.431, 'LN'],
  ['22', '吉林', '吉林省', 'Jilin', 'northeast', 'central', '长春', 'Changchun', 43.817, 125.324, 'JL'],
  ['23', '黑龙江', '黑龙江省', 'Heilongjiang', 'northeast', 'central', '哈尔滨', 'Harbin', 45.803, 126.535, 'HL'],
  ['31', '上海', '上海市', 'Shanghai', 'east', 'east', '上海', 'Shanghai', 31.23, 121.474, 'SH'],
  ['32', '江苏', '江苏省', 'Jiangsu', 'east', 'east', '南京', 'Nanjing', 32.06, 118.797, 'JS'],
  ['33', '浙江', '浙江省', 'Zhejiang', 'east', 'east', '杭州', 'Hangzhou', 30.274, 120.155, 'ZJ'],
  ['34', '安徽', '安徽省', 'Anhui', 'central', 'central', '合肥', 'Hefei', 31.821, 117.227, 'AH'],
  ['35', '福建', '福建省', 'Fujian', 'east', 'east', '福州', 'Fuzhou', 26.074, 119.296, 'FJ'],
  ['36', '江西', '江西省', 'Jiangxi', 'central', 'central', '南昌', 'Nanchang', 28.682, 115.858, 'JX'],
  ['37', '山东', '山东省', 'Shandong', 'east', 'east', '济南', 'Jinan', 36.651, 117.12, 'SD'],
  ['41', '河南', '河南省', 'Henan', 'central', 'central', '郑州', 'Zhengzhou', 34.746, 113.625, 'HA'],
  ['42', '湖北', '湖北省', 'Hubei', 'central', 'central', '武汉', 'Wuhan', 30.593, 114.305, 'HB'],
  ['43', '湖南', '湖南省', 'Hunan', 'central', 'central', '长沙', 'Changsha', 28.228, 112.939, 'HN'],
  ['44', '广东', '广东省', 'Guangdong', 'east', 'east', '广州', 'Guangzhou', 23.129, 113.264, 'GD'],
  ['45', '广西', '广西壮族自治区', 'Guangxi', 'west', 'west', '南宁', 'Nanning', 22.817, 108.366, 'GX'],
  ['46', '海南', '海南省', 'Hainan', 'east', 'east', '海口', 'Haikou', 20.044, 110.199, 'HI'],
  ['50', '重庆', '重庆市', 'Chongqing', 'west', 'west', '重庆', 'Chongqing', 29.563, 106.551, 'CQ'],
  ['51', '四川', '四川省', 'Sichuan', 'west', 'west', '成都', 'Chengdu', 30.573, 104.066, 'SC'],
  ['52', '贵州', '贵州省', 'Guizhou', 'west', 'west', '贵阳', 'Guiyang', 26.647, 106.63, 'GZ'],
  ['53', '云南', '云南省', 'Yunnan', 'west', 'west', '昆明', 'Kunming', 25.038, 102.718, 'YN'],
  ['54', '西藏', '西藏自治区', 'Tibet', 'west', 'west', '拉萨', 'Lhasa', 29.652, 91.172, 'XZ'],
  ['61', '陕西', '陕西省', 'Shaanxi', 'west', 'west', '西安', "Xi'an", 34.341, 108.94, 'SN'],
  ['62', '甘肃', '甘肃省', 'Gansu', 'west', 'west', '兰州', 'Lanzhou', 36.061, 103.834, 'GS'],
  ['63', '青海', '青海省', 'Qinghai', 'west', 'west', '西宁', 'Xining', 36.617, 101.778, 'QH'],
  ['64', '宁夏', '宁夏回族自治区', 'Ningxia', 'west', 'west', '银川', 'Yinchuan', 38.487, 106.231, 'NX'],
  ['65', '新疆', '新疆维吾尔自治区', 'Xinjiang', 'west', 'west', '乌鲁木齐', 'Urumqi', 43.825, 87.617, 'XJ'],
  ['81', '香港', '香港特别行政区', 'Hong Kong', 'east', 'east', '香港', 'Hong Kong', 22.279, 114.163, 'HK'],
  ['82', '澳门', '澳门特别行政区', 'Macao', 'east', 'east', '澳门', 'Macao', 22.199, 113.544, 'MO'],
  ['71', '台湾', '台湾省', 'Taiwan', 'east', 'east', '台北', 'Taipei', 25.033, 121.565, 'TW'],
];

/**
 * The 34 provincial-level divisions: the 31 mainland ones in GB/T 2260 order, then Hong Kong (81),
 * Macao (82) and Taiwan (71), flagged `mainland: false`.
 */
export const CHINA_PROVINCES: readonly ProvinceInfo[] = ROWS.map(([code, short, full, en, region4, region3, zh, capEn, lat, lon, iso]) =>
  Object.freeze({ code, adcode: `${code}0000`, short, full, en, region4, region3, capital: Object.freeze({ zh, en: capEn, lat, lon }), mainland: Number(code) < 70, iso: `CN-${iso}` }),
);

/** Other spellings (after {@link provinceKey}): pinyin, older romanisations, common English forms. */
const ALIASES: Record<string, readonly string[]> = {
  '11': ['peking', 'beijingshi'],
  '15': ['neimongol', 'neimenggu', 'innermongolia', 'neimonggol'],
  '54': ['xizang', 'tibet'],
  '61': ['shensi'],
  '64': ['ningxiahui'],
  '45': ['guangxizhuang'],
  '65': ['xinjianguygur', 'xinjianguyghur', 'xinjianguighur', 'sinkiang'],
  '81': ['hongkong', 'xianggang', 'hk', 'hksar'],
  '82': ['macao', 'macau', 'aomen', 'macaosar', 'macausar'],
  '71': ['taiwan', 'taiwanprovince', 'taiwanprovinceofchina'],
};

// Traditional characters that occur in province names, so that 內蒙古, 廣東, 臺灣, 澳門 match.
const TRADITIONAL: Record<string, string> = {
  內: '内', 遼: '辽', 龍: '龙', 蘇: '苏', 廣: '广', 雲: '云', 貴: '贵', 陝: '陕', 肅: '肃', 寧: '宁', 臺: '台', 灣: '湾',
  門: '门', 慶: '庆', 區: '区', 東: '东', 維: '维', 爾: '尔', 壯: '壮', 別: '别', 黃: '黄', 國: '国', 華: '华', 計: '计',
  總: '总', 後: '后',
};

const ZH_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|地区)$/u;
const EN_SUFFIX = /(province|municipality|autonomousregion|specialadministrativeregion|sar|sheng|shi|zizhiqu)$/u;

/**
 * The matching key of a name: NFKC (full-width letters, digits and spaces become ASCII), traditional
 * province characters to simplified, lower case, without spaces, punctuation or a leading "中国".
 */
export function provinceKey(name: string): string {
  let s = name.normalize('NFKC').toLowerCase();
  s = s.replace(/[\s\u00a0\u2000-\u200b\u202f\u3000'’·.,，、_\-()（）[\]【】"“”]/gu, '');
  s = s.replace(/[\u3400-\u9fff]/gu, (c) => TRADITIONAL[c] ?? c);
  return s.replace(/^中国/u, '').replace(/^china/u, '');
}

const BY_KEY = new Map<string, ProvinceInfo>();
const BY_ISO = new Map<string, ProvinceInfo>();
for (const p of CHINA_PROVINCES) {
  for (const k of [p.code, p.short, p.full, p.en, ...(ALIASES[p.code] ?? [])]) BY_KEY.set(provinceKey(k), p);
  BY_ISO.set(p.iso.slice(3).toLowerCase(), p);
}

/**
 * The province a name or code stands for, or undefined: short or full Chinese name (北京, 北京市,
 * 内蒙古自治区, 廣東省), English name or romanisation in any case and spacing (Inner Mongolia, Nei Mongol,
 * Xizang, Tibet, "Guangxi Zhuang Autonomous Region"), two- or six-digit GB/T 2260 code ('11', '110000',
 * also written 110000.0) or ISO 3166-2 code (CN-BJ). Spaces and full-width characters are ignored.
 */
export function matchProvince(name: string | number | null | undefined): ProvinceInfo | undefined {
  if (name === null || name === undefined) return undefined;
  const raw = String(name).normalize('NFKC').trim();
  const num = /^(\d{2})(?:0000)?(?:\.0+)?$/.exec(raw);
  if (num) return BY_KEY.get(num[1]!);
  const iso = /^CN-?([A-Z]{2})$/i.exec(raw);
  if (iso) return BY_ISO.get(iso[1]!.toLowerCase());
  const k = provinceKey(raw);
  if (k === '') return undefined;
  const direct = BY_KEY.get(k);
  if (direct) return direct;
  const zh = k.replace(ZH_SUFFIX, '');
  if (zh !== k) return BY_KEY.get(zh);
  const en = k.replace(EN_SUFFIX, '');
  if (en !== k && en !== '') return BY_KEY.get(en) ?? BY_KEY.get(en.replace(EN_SUFFIX, ''));
  return undefined;
}

/** The province with two-digit `code` ('11') or six-digit adcode. */
export function provinceByCode(code: string | number): ProvinceInfo | undefined {
  const m = /^(\d{2})(?:0000)?$/.exec(String(code).trim());
  return m ? CHINA_PROVINCES.find((p) => p.code === m[1]) : undefined;
}

const AGGREGATES = new Set(
  [
    '全国', '全国合计', '全国总计', '全国平均', '全国均值', '全国总体', '全国总和', '合计', '总计', '总和', '小计', '汇总', '平均', '均值', '平均值',
    '东部', '中部', '西部', '东北', '东部地区', '中部地区', '西部地区', '东北地区', '东部沿海', '东北三省', '东中西',
    '华北', '华东', '华南', '华中', '西南', '西北', '华北地区', '华东地区', '华南地区', '华中地区', '西南地区', '西北地区',
    '京津冀', '长三角', '珠三角', '长江三角洲', '珠江三角洲', '粤港澳大湾区', '长江经济带', '黄河流域', '成渝', '成渝地区双城经济圈',
    '三大地区', '四大地区', '四大板块', '东部省份', '中部省份', '西部省份', '内陆', '沿海',
    'national', 'nationwide', 'nationaltotal', 'total', 'sum', 'all', 'allprovinces', 'average', 'mean', 'overall', 'grandtotal', 'subtotal',
    'east', 'central', 'west', 'northeast', 'eastern', 'western', 'northeastern', 'eastregion', 'centralregion', 'westregion',
    'northeastregion', 'easternregion', 'centralregion', 'westernregion', 'northeasternregion', 'chinatotal', 'totalchina', 'wholecountry',
  ].map((s) => provinceKey(s)),
);
// 中国/China alone are aggregates only among Chinese provinces (in a country panel China is a row of its own).
const CHINA_NAMES = new Set(['中国', '中华人民共和国', 'china', 'prc', 'chinesemainland', '中国大陆', '大陆'].map((s) => s.normalize('NFKC').toLowerCase().replace(/\s/g, '')));

/**
 * Whether `name` is a national total or a regional aggregate rather than an entity: 全国, 全国合计,
 * 合计, 总计, 东部地区, 东部, 东北, 华北, 京津冀, 长江经济带, National, Total, East, ... With
 * `provinces: true` (the other entities are Chinese provinces) 中国/China count too.
 */
export function isAggregateName(name: string, options: { provinces?: boolean } = {}): boolean {
  const raw = name.normalize('NFKC').toLowerCase().replace(/\s/g, '');
  if (options.provinces && CHINA_NAMES.has(raw)) return true;
  const k = provinceKey(name).replace(/^(其中|其中:|合计:)/u, '');
  if (k === '') return false;
  return AGGREGATES.has(k) || AGGREGATES.has(k.replace(/(地区|区域|合计|总计)$/u, '')) || /^全国/u.test(k);
}
