/**
 * Maps, loaded on demand (the geometry of the world and of China's provinces is the largest part of
 * the app): the report's choropleth options drawn interactively. Entities are keyed as the report
 * keys them: ISO3 codes on the world map, provinces by name or code on the China map (with the
 * South China Sea islands inset).
 */
import type { EntityInfo } from '../../data/panel.js';
import { chinaMapOption, LISA_CATEGORIES, worldMapOption, type CategoricalScale } from '../../report/charts/map.js';
import type { ChartOption } from '../../report/charts/theme.js';
import { provinceOf } from '../../report/entity-label.js';
import type { Lang } from './i18n.js';

/** The choropleth option of `values` (by entity id); categorical values use `categorical`'s classes (`true`: the LISA classes). */
export function mapOption(kind: 'world' | 'china', entities: readonly EntityInfo[], values: ReadonlyMap<string, number | string>, lang: Lang, categorical: boolean | CategoricalScale = false): ChartOption {
  const info = new Map(entities.map((e) => [e.id, e]));
  const keyed: Record<string, number | string> = {};
  for (const [id, v] of values) {
    const e = info.get(id) ?? { id };
    const key = kind === 'world' ? (typeof e.iso3 === 'string' ? e.iso3 : /^[A-Za-z]{3}$/.test(id) ? id : undefined) : provinceOf(e)?.zh;
    if (key !== undefined) keyed[key] = v;
  }
  const spec = { lang, values: keyed, scale: categorical === true ? LISA_CATEGORIES : categorical || undefined, width: kind === 'world' ? 720 : 560, height: kind === 'world' ? 400 : 460 };
  return kind === 'world' ? worldMapOption(spec) : chinaMapOption(spec);
}
