/** A choropleth of values by entity; the map module and its geometry load on demand. */
import type { CategoricalScale } from '../../report/charts/map.js';
import type { ChartOption } from '../../report/charts/theme.js';
import { entityName } from '../app/state.js';
import { tr, type Lang } from '../app/i18n.js';
import { Figure, h, useEffect, useState } from '../app/ui.js';
import type { DataSummary } from '../worker/protocol.js';

export function MapFigure(props: {
  lang: Lang;
  data: DataSummary;
  values: ReadonlyMap<string, number | string>;
  caption: string;
  name: string;
  categorical?: boolean | CategoricalScale;
  valueLabel?: (v: number | string) => string;
}) {
  const { lang, data, values } = props;
  const [option, setOption] = useState<ChartOption | undefined>(undefined);
  useEffect(() => {
    if (data.mapKind === 'none') return;
    let live = true;
    void import('../app/maps.js').then(({ mapOption }) => {
      if (live)
        setOption(
          mapOption(
            data.mapKind === 'world' ? 'world' : 'china',
            data.entities,
            values,
            lang,
            props.categorical ?? false,
          ),
        );
    });
    return () => {
      live = false;
    };
  }, [data, values, lang]);
  if (data.mapKind === 'none') return h('p', { class: 'muted' }, tr('noMap', lang));
  if (!option) return h('p', { class: 'muted', 'aria-busy': 'true' }, tr('loadingMap', lang));
  const info = new Map(data.entities.map((e) => [e.id, e]));
  return h(Figure, {
    option,
    name: props.name,
    caption: props.caption,
    lang,
    data: {
      header: [tr('entity', lang), tr('value', lang)],
      rows: [...values].map(([id, v]) => [
        entityName(info.get(id), id, lang),
        props.valueLabel ? props.valueLabel(v) : v,
      ]),
    },
  });
}
