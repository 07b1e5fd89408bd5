import { InputError } from '../core/errors.js';
import type { Panel } from '../data/panel.js';
import type { CrossSection } from './cross-section.js';
import { entityLocations } from './resolve-weights.js';
import type { LatLon } from './weights.js';

/**
 * Coordinates of the entities of a cross-section from `spec`, two names `LAT,LON`:
 * - `lat,lon` when the data has no `lat` column: the entity table's coordinates (capitals for
 *   china-sim, points inside each country for world-pwt), or the capitals of Chinese provinces;
 * - otherwise two numeric columns of the data, taking each entity's first row with both values (a
 *   location does not change between periods).
 * Entities without coordinates get NaN; the caller decides whether that is an error.
 *
 * @param option the option that gave `spec`, named in error messages (e.g. `--distance`).
 * @throws InputError for a malformed spec or an unknown column.
 */
export function entityCoordinates(panel: Panel, section: CrossSection, spec: string, option: string): LatLon[] {
  const [latCol, lonCol, ...rest] = spec.split(',').map((s) => s.trim());
  if (!latCol || !lonCol || rest.length)
    throw new InputError(`${option} takes two column names LAT,LON (got "${spec}")`, {
      hint: `e.g. ${option} lat,lon`,
    });
  if (latCol === 'lat' && lonCol === 'lon' && !panel.columns.lat) {
    // the entity table's coordinates, or for Chinese provinces their capitals'
    const own = entityLocations(section.entities);
    if (own.every((c) => Number.isFinite(c.lat) && Number.isFinite(c.lon))) return own;
  }
  for (const c of [latCol, lonCol]) {
    if (!panel.columns[c]) {
      throw new InputError(`${option}: unknown coordinate column "${c}"`, {
        file: panel.meta.file,
        column: c,
        hint: `give latitude and longitude columns of the data, or lat,lon for the entity coordinates of a built-in dataset`,
      });
    }
  }
  const first = new Map<string, LatLon>();
  for (let r = 0; r < panel.entity.length; r++) {
    const lat = panel.columns[latCol][r];
    const lon = panel.columns[lonCol][r];
    if (!first.has(panel.entity[r]) && Number.isFinite(lat) && Number.isFinite(lon))
      first.set(panel.entity[r], { lat, lon });
  }
  return section.ids.map((id) => first.get(id) ?? { lat: NaN, lon: NaN });
}
