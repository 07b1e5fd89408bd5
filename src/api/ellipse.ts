/** `ellipse`: the standard deviational ellipse per period, as `nqpf ellipse --json`. */
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import { entityCoordinates } from '../spatial/coordinates.js';
import { crossSection } from '../spatial/cross-section.js';
import { entityLocations } from '../spatial/resolve-weights.js';
import { standardDeviationalEllipse } from '../spatial/ellipse.js';
import { notesFor } from './common.js';

/** Options of {@link ellipse}. */
export interface EllipseStageOptions {
  /** The weight of each location (non-negative, e.g. an index score). */
  readonly value: string;
  /** Apply ArcGIS's √2 correction; default true. */
  readonly sqrt2?: boolean;
  /** `n` (default): Σw as ArcGIS; `n-2`: the small-sample form of CrimeStat. */
  readonly denominator?: 'n' | 'n-2';
  /** Vertices of the polygon returned for maps; default 72. */
  readonly vertices?: number;
  /** Latitude and longitude columns `LAT,LON` (as moran's --distance); default the entity coordinates of a built-in dataset. */
  readonly coordinates?: string;
}

/** The ellipse of each period with values, and the notes. */
export function runEllipse(panel: Panel, options: EllipseStageOptions) {
  const notes: Note[] = [...notesFor(panel.notes, [options.value])];
  const noCoordinates = () =>
    new InputError('the entities have no coordinates', {
      hint: 'give --coordinates LAT,LON (two columns of the data); built-in datasets and Chinese provinces (北京, 北京市, Beijing, 110000) have entity coordinates',
    });
  // entity coordinates: a built-in dataset's, or the capitals of Chinese provinces (entityLocations)
  if (
    !options.coordinates &&
    !(panel.columns.lat && panel.columns.lon) &&
    !entityLocations(panel.entities).some((c) => Number.isFinite(c.lat))
  )
    throw noCoordinates();
  const periods = [];
  for (const p of panel.periods) {
    const s = crossSection(panel, options.value, p);
    if (s.ids.length === 0) continue;
    const coords = entityCoordinates(panel, s, options.coordinates ?? 'lat,lon', '--coordinates');
    if (coords.every((c) => !Number.isFinite(c.lat) || !Number.isFinite(c.lon))) throw noCoordinates();
    notes.push(...s.notes);
    const points = s.entities
      .map((e, i) => ({ id: e.id, lat: coords[i].lat, lon: coords[i].lon, weight: s.values[i] }))
      .filter((pt) => Number.isFinite(pt.lat) && Number.isFinite(pt.lon));
    const e = standardDeviationalEllipse(points, {
      sqrt2: options.sqrt2 ?? true,
      denominator: options.denominator ?? 'n',
      vertices: options.vertices ?? 72,
    });
    notes.push(...e.notes);
    periods.push({
      period: p,
      centre: e.centre,
      angle: e.angle,
      sigmaMajor: e.sigmaMajor,
      sigmaMinor: e.sigmaMinor,
      areaKm2: e.areaKm2,
      flattening: e.flattening,
      n: e.n,
      polygon: e.polygon,
    });
  }
  return { panel, value: options.value, periods, notes };
}

/** What {@link runEllipse} computed. */
export type EllipseRun = ReturnType<typeof runEllipse>;

/** The `--json` object of `nqpf ellipse`. */
export function ellipseJson(r: EllipseRun) {
  return { value: r.value, simulated: r.panel.meta.simulated, periods: r.periods, notes: r.notes };
}

/**
 * Standard deviational ellipse (ArcGIS Directional Distribution) of entity locations weighted by a
 * variable, per period; as `nqpf ellipse --json`. Angle: the major axis, degrees clockwise from north.
 */
export function ellipse(panel: Panel, options: EllipseStageOptions) {
  return ellipseJson(runEllipse(panel, options));
}
