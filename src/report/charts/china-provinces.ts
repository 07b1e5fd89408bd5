/**
 * Chinese provincial-level divisions as named in the china-geojson package (antvis, MIT), with
 * GB/T 2260 codes and English names (as in data/china_provinces.csv). The polygons are joined on
 * the short Chinese name, which is what the GeoJSON carries ("内蒙古", not "内蒙古自治区").
 */
export interface ChinaProvince {
  /** GB/T 2260 six-digit code. */
  readonly code: number;
  /** English name as used in nqpf's china-sim. */
  readonly en: string;
  /** Short Chinese name = the GeoJSON feature name. */
  readonly zh: string;
  /** Other English spellings accepted when joining. */
  readonly aliases?: readonly string[];
}

/** The 34 provincial-level divisions of the China map, in GB/T 2260 code order. */
export const CHINA_PROVINCES: readonly ChinaProvince[] = [
  { code: 110000, en: 'Beijing', zh: '北京', aliases: ['Peking'] },
  { code: 120000, en: 'Tianjin', zh: '天津' },
  { code: 130000, en: 'Hebei', zh: '河北' },
  { code: 140000, en: 'Shanxi', zh: '山西' },
  { code: 150000, en: 'Inner Mongolia', zh: '内蒙古', aliases: ['Nei Mongol', 'Neimenggu', 'Inner Mongolia Autonomous Region'] },
  { code: 210000, en: 'Liaoning', zh: '辽宁' },
  { code: 220000, en: 'Jilin', zh: '吉林' },
  { code: 230000, en: 'Heilongjiang', zh: '黑龙江' },
  { code: 310000, en: 'Shanghai', zh: '上海' },
  { code: 320000, en: 'Jiangsu', zh: '江苏' },
  { code: 330000, en: 'Zhejiang', zh: '浙江' },
  { code: 340000, en: 'Anhui', zh: '安徽' },
  { code: 350000, en: 'Fujian', zh: '福建' },
  { code: 360000, en: 'Jiangxi', zh: '江西' },
  { code: 370000, en: 'Shandong', zh: '山东' },
  { code: 410000, en: 'Henan', zh: '河南' },
  { code: 420000, en: 'Hubei', zh: '湖北' },
  { code: 430000, en: 'Hunan', zh: '湖南' },
  { code: 440000, en: 'Guangdong', zh: '广东' },
  { code: 450000, en: 'Guangxi', zh: '广西', aliases: ['Guangxi Zhuang Autonomous Region'] },
  { code: 460000, en: 'Hainan', zh: '海南' },
  { code: 500000, en: 'Chongqing', zh: '重庆' },
  { code: 510000, en: 'Sichuan', zh: '四川' },
  { code: 520000, en: 'Guizhou', zh: '贵州' },
  { code: 530000, en: 'Yunnan', zh: '云南' },
  { code: 540000, en: 'Tibet', zh: '西藏', aliases: ['Xizang'] },
  { code: 610000, en: 'Shaanxi', zh: '陕西' },
  { code: 620000, en: 'Gansu', zh: '甘肃' },
  { code: 630000, en: 'Qinghai', zh: '青海' },
  { code: 640000, en: 'Ningxia', zh: '宁夏' },
  { code: 650000, en: 'Xinjiang', zh: '新疆' },
  { code: 710000, en: 'Taiwan', zh: '台湾' },
  { code: 810000, en: 'Hong Kong', zh: '香港', aliases: ['Hongkong'] },
  { code: 820000, en: 'Macao', zh: '澳门', aliases: ['Macau'] },
];

const SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u;
const byKey = new Map<string, ChinaProvince>();
for (const p of CHINA_PROVINCES) {
  for (const k of [p.en, p.zh, String(p.code), String(p.code / 10000), ...(p.aliases ?? [])]) byKey.set(k.toLowerCase(), p);
}

/**
 * The province named or coded by `key`: English name (any case, common variants such as
 * "Xizang"), Chinese short or full name ("内蒙古", "内蒙古自治区"), or GB/T 2260 code
 * (150000 or 15). Undefined when nothing matches.
 */
export function chinaProvince(key: string | number | undefined): ChinaProvince | undefined {
  if (key === undefined || key === null) return undefined;
  const s = String(key).trim();
  return byKey.get(s.toLowerCase()) ?? byKey.get(s.replace(SUFFIX, '').toLowerCase());
}
