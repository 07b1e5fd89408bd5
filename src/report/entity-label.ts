import countries from 'i18n-iso-countries';
import zhCountries from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import type { Lang } from '../core/label.js';
import type { EntityInfo } from '../data/panel.js';
import { chinaProvince } from './charts/china-provinces.js';

let zhRegistered = false;

/**
 * Display name of an entity in `lang`: its own name (nameZh for Chinese), else for countries the
 * ISO 3166 name from i18n-iso-countries, for Chinese provinces the short Chinese name, else the id.
 */
export function entityLabel(e: EntityInfo, lang: Lang = 'en'): string {
  if (lang === 'zh') {
    if (e.nameZh) return e.nameZh;
    if (e.iso3) {
      if (!zhRegistered) {
        countries.registerLocale(zhCountries as Parameters<typeof countries.registerLocale>[0]);
        zhRegistered = true;
      }
      const zh = countries.getName(e.iso3, 'zh');
      if (zh) return zh;
    }
    const p = provinceOf(e);
    if (p) return p.zh;
  }
  return e.name ?? e.id;
}

/** The Chinese province an entity stands for (by id, names or GB code), if any. */
export function provinceOf(e: EntityInfo) {
  return chinaProvince(e.id) ?? chinaProvince(e.code) ?? chinaProvince(e.name) ?? chinaProvince(e.nameZh);
}

/** `id → display name` for the entities of a panel in `lang` (see {@link entityLabel}); unknown ids show as they are. */
export function entityNamer(entities: readonly EntityInfo[], lang: Lang = 'en'): (id: string) => string {
  const info = new Map(entities.map((e) => [e.id, e]));
  return (id) => entityLabel(info.get(id) ?? { id }, lang);
}

/** Which base map suits a set of entities: countries with ISO3 codes, Chinese provinces, or none. */
export type EntityMapKind = 'world' | 'china' | 'none';

/** The base map for `entities`: the world when more of them carry ISO3 codes than name provinces. */
export function entityMapKind(entities: readonly EntityInfo[]): EntityMapKind {
  const iso = entities.filter((e) => typeof e.iso3 === 'string' && e.iso3.length === 3).length;
  const prov = entities.filter((e) => provinceOf(e) !== undefined).length;
  if (iso > 0 && iso >= prov) return 'world';
  if (prov > 0) return 'china';
  return 'none';
}
