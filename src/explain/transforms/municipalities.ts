import { InputError } from '../../core/errors.js';
import { filterRows, type Panel } from '../../data/panel.js';

/** The four province-level municipalities (直辖市) by English name, Chinese name and GB/T 2260 code. */
export const MUNICIPALITIES: readonly { readonly en: string; readonly zh: string; readonly code: string }[] = [
  { en: 'Beijing', zh: '北京', code: '110000' },
  { en: 'Tianjin', zh: '天津', code: '120000' },
  { en: 'Shanghai', zh: '上海', code: '310000' },
  { en: 'Chongqing', zh: '重庆', code: '500000' },
];

function isMunicipality(e: Panel['entities'][number]): boolean {
  const keys = [e.id, e.name, e.nameZh, e.code].filter((v): v is string => typeof v === 'string').map((s) => s.trim());
  return MUNICIPALITIES.some((m) =>
    keys.some((k) => k === m.code || k.toLowerCase() === m.en.toLowerCase() || k.startsWith(m.zh)),
  );
}

/**
 * Drop Beijing, Tianjin, Shanghai and Chongqing, matched on entity id, name, Chinese name (北京市 or
 * 北京) or GB code. Throws when none is found (the panel is probably not Chinese provinces).
 */
export function dropMunicipalities(panel: Panel): Panel {
  const drop = new Set(panel.entities.filter(isMunicipality).map((e) => e.id));
  if (drop.size === 0) {
    throw new InputError('none of the four municipalities (Beijing, Tianjin, Shanghai, Chongqing) is in the data', {
      column: panel.entityColumn,
      hint: 'this robustness check is for Chinese provincial panels; entity ids, names or GB codes must identify the municipalities',
    });
  }
  const keep = panel.entity.map((e) => !drop.has(e));
  return filterRows(panel, keep, [
    {
      level: 'info',
      code: 'dropped-municipalities',
      message: `dropped the municipalities ${[...drop].join(', ')} (${keep.filter((k) => !k).length} rows)`,
      detail: [...drop],
    },
  ]);
}
