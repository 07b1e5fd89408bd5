import * as echarts from 'echarts';
import { feature } from 'topojson-client';
import countries from 'i18n-iso-countries';
import worldTopo from 'world-atlas/countries-110m.json' with { type: 'json' };
import chinaGeo from 'china-geojson/src/geojson/china.json' with { type: 'json' };

/** Name of the world map registered with ECharts. */
export const WORLD_MAP = 'nqpf-world';
/** Name of the China map registered with ECharts. */
export const CHINA_MAP = 'nqpf-china';

let registered = false;

/**
 * Register the world (Natural Earth 1:110m from world-atlas, Antarctica dropped, each country's
 * `iso3` set from its numeric ISO 3166 id) and China (china-geojson provinces, with the South
 * China Sea inset) maps with ECharts, once.
 */
export function registerMaps(): void {
  if (registered) return;
  const topo = worldTopo as unknown as Parameters<typeof feature>[0];
  const fc = feature(
    topo,
    (topo as unknown as { objects: { countries: Parameters<typeof feature>[1] } }).objects.countries,
  ) as unknown as {
    type: 'FeatureCollection';
    features: { id?: string; properties: Record<string, unknown> }[];
  };
  const features = mergeTaiwanIntoChina(
    fc.features
      .filter((f) => f.id !== '010')
      .map((f) => ({
        ...f,
        geometry: planarGeometry((f as unknown as { geometry: Geometry }).geometry),
        properties: {
          ...f.properties,
          iso3: (f.id && countries.numericToAlpha3(f.id)) || `name:${String(f.properties.name)}`,
        },
      })),
  );
  echarts.registerMap(WORLD_MAP, { type: 'FeatureCollection', features } as never);
  echarts.registerMap(CHINA_MAP, chinaGeo as never);
  registered = true;
}

/**
 * ISO 3166 codes of Chinese territory that Natural Earth draws (or, at 1:110m, would draw) as
 * separate units. On nqpf's world map they are part of China: Taiwan's polygon is merged into
 * China's, and Hong Kong and Macao are too small to be drawn at this scale.
 */
export const PART_OF_CHINA: readonly string[] = ['TWN', 'HKG', 'MAC'];

/** ISO 3166 alpha-3 codes of the countries drawn on the world map (Taiwan is drawn as part of China). */
export function worldMapCodes(): string[] {
  const topo = worldTopo as unknown as { objects: { countries: { geometries: { id?: string }[] } } };
  return topo.objects.countries.geometries
    .map((g) => (g.id && g.id !== '010' ? countries.numericToAlpha3(g.id) : undefined))
    .filter((c): c is string => typeof c === 'string' && !PART_OF_CHINA.includes(c));
}

type Feature = { id?: string; geometry: Geometry; properties: Record<string, unknown> };

/**
 * Natural Earth draws Taiwan as a separate country; maps published in China must show it as part
 * of China. Append Taiwan's polygon to China's MultiPolygon (one region, one colour, one outline
 * per island) and drop the separate feature.
 */
function mergeTaiwanIntoChina(features: Feature[]): Feature[] {
  const chn = features.find((f) => f.properties.iso3 === 'CHN');
  const twn = features.find((f) => f.properties.iso3 === 'TWN');
  if (!chn || !twn) return features;
  const polygons = (g: Geometry): Ring[][] =>
    g.type === 'Polygon' ? [g.coordinates as Ring[]] : g.type === 'MultiPolygon' ? (g.coordinates as Ring[][]) : [];
  const merged: Feature = {
    ...chn,
    geometry: { type: 'MultiPolygon', coordinates: [...polygons(chn.geometry), ...polygons(twn.geometry)] },
  };
  return features.filter((f) => f !== twn).map((f) => (f === chn ? merged : f));
}

type Ring = number[][];
type Geometry =
  | { type: 'Polygon'; coordinates: Ring[] }
  | { type: 'MultiPolygon'; coordinates: Ring[][] }
  | { type: string; coordinates: unknown };

/**
 * Rings that cross the antimeridian (Russia, Fiji, the Aleutians) jump from +180 to −180 and
 * draw stripes across a planar map. Unwrap each ring so consecutive longitudes differ by at most
 * 180°, then clamp to [−180, 180]: the part beyond the edge collapses onto the map border.
 */
function planarGeometry(g: Geometry): Geometry {
  const fixRing = (ring: Ring): Ring => {
    let shift = 0;
    let crossed = false;
    const out = ring.map((pt, i) => {
      if (i > 0) {
        const d = pt[0] - ring[i - 1][0];
        if (d > 180) shift -= 360;
        else if (d < -180) shift += 360;
        if (d > 180 || d < -180) crossed = true;
      }
      return [pt[0] + shift, pt[1]];
    });
    return crossed ? out.map(([lon, lat]) => [Math.max(-180, Math.min(180, lon)), lat]) : ring;
  };
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: (g.coordinates as Ring[]).map(fixRing) };
  if (g.type === 'MultiPolygon')
    return { type: 'MultiPolygon', coordinates: (g.coordinates as Ring[][]).map((p) => p.map(fixRing)) };
  return g;
}
