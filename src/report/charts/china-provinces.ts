import { CHINA_PROVINCES as PROVINCES, matchProvince } from '../../data/china-provinces.js';

/**
 * Chinese provincial-level divisions as the China map joins them: the polygons of china-geojson
 * (antvis, MIT) carry the short Chinese name ("内蒙古", not "内蒙古自治区"). A view of
 * src/data/china-provinces.ts, which holds the one table of names, codes and aliases.
 */
export interface ChinaProvince {
  /** GB/T 2260 six-digit code. */
  readonly code: number;
  /** English name as used in nqpf's china-sim. */
  readonly en: string;
  /** Short Chinese name = the GeoJSON feature name. */
  readonly zh: string;
}

const VIEW = new Map(PROVINCES.map((p) => [p.code, Object.freeze({ code: Number(p.adcode), en: p.en, zh: p.short })]));

/** The 34 provincial-level divisions of the China map (31 mainland in GB/T 2260 order, then HK, MO, TW). */
export const CHINA_PROVINCES: readonly ChinaProvince[] = [...VIEW.values()];

/**
 * The province named or coded by `key` (see {@link matchProvince}: short or full Chinese name, English
 * name or romanisation, two- or six-digit GB/T 2260 code). Undefined when nothing matches.
 */
export function chinaProvince(key: string | number | undefined): ChinaProvince | undefined {
  const p = matchProvince(key);
  return p ? VIEW.get(p.code) : undefined;
}
