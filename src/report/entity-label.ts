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
