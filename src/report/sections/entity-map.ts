import type { Lang } from '../../core/label.js';
import type { EntityInfo } from '../../data/panel.js';
import type { Block } from '../blocks.js';
import { PART_OF_CHINA, worldMapCodes } from '../charts/geodata.js';
import { chinaMap, worldMap, type CategoricalScale, type ContinuousScale, type MapOverlay } from '../charts/map.js';
import { txt, type Text } from '../charts/theme.js';
import { entityLabel, entityMapKind, provinceOf, type EntityMapKind } from '../entity-label.js';
import { registerTerms, t, tf } from '../i18n.js';

registerTerms({
  noMap: {
    en: 'No map: the entities are neither countries with ISO 3166 codes nor Chinese provinces.',
    zh: '未绘制地图：地区既不是带 ISO 3166 代码的国家，也不是中国省份。',
  },
  unmatchedMap: { en: 'Not on the map: {list}.', zh: '未能在地图上显示：{list}。' },
  partOfChinaMap: {
    en: '{list}: part of China, drawn with China on the map and not coloured separately.',
    zh: '{list}是中国领土的一部分，地图上与中国一并显示，不单独着色。',
  },
});

let worldCodes: Set<string> | undefined;
const onWorldMap = () => (worldCodes ??= new Set(worldMapCodes()));

export { entityMapKind, type EntityMapKind };

/** Options of {@link entityMapFigure}. */
export interface EntityMapOptions {
  readonly lang?: Lang;
  readonly caption: Text;
  readonly valueName?: Text;
  readonly scale?: ContinuousScale | CategoricalScale;
  readonly overlays?: readonly MapOverlay[];
  readonly note?: Text;
}

/**
 * A figure block mapping values keyed by entity id on the world or China map (chosen by
 * {@link entityMapKind}), with a note naming the entities that could not be placed; a paragraph
 * saying why when no map fits.
 */
export function entityMapFigure(
  entities: readonly EntityInfo[],
  values: ReadonlyMap<string, number | string>,
  options: EntityMapOptions,
): Block[] {
  const lang = options.lang ?? 'en';
  const info = new Map(entities.map((e) => [e.id, e]));
  const shown = [...values.keys()].map((id) => info.get(id) ?? { id });
  const kind = entityMapKind(shown);
  if (kind === 'none') return [{ kind: 'paragraph', text: t('noMap', lang) }];
  const keyed: Record<string, number | string> = {};
  const missing: EntityInfo[] = [];
  const partOfChina: EntityInfo[] = [];
  for (const e of shown) {
    if (kind === 'world' && typeof e.iso3 === 'string' && PART_OF_CHINA.includes(e.iso3.toUpperCase())) {
      partOfChina.push(e);
      continue;
    }
    // Small states (Singapore, Malta, Bahrain, …) are not drawn at 1:110m: say so rather than drop them silently.
    const key =
      kind === 'world'
        ? typeof e.iso3 === 'string' && onWorldMap().has(e.iso3.toUpperCase())
          ? e.iso3
          : undefined
        : provinceOf(e)?.zh;
    if (key === undefined) missing.push(e);
    else keyed[key] = values.get(e.id)!;
  }
  const spec = { lang, values: keyed, valueName: options.valueName, scale: options.scale, overlays: options.overlays };
  const svg = kind === 'world' ? worldMap(spec) : chinaMap(spec);
  const notes = [
    options.note !== undefined ? txt(options.note, lang) : '',
    missing.length > 0 ? tf('unmatchedMap', lang, { list: missing.map((e) => entityLabel(e, lang)).join(', ') }) : '',
    partOfChina.length > 0
      ? tf('partOfChinaMap', lang, {
          list: partOfChina.map((e) => entityLabel(e, lang)).join(lang === 'zh' ? '、' : ', '),
        })
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [{ kind: 'figure', caption: options.caption, svg, note: notes || undefined }];
}
