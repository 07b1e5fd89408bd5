import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import { NoteLog } from '../core/notes.js';

/**
 * Spatial weights in sparse form, the equivalent of spdep's `listw` object (an `nb` neighbour list
 * plus a `weights` list): for entity i (position in `ids`), `neighbours[i]` holds the indices j with
 * w_ij ≠ 0 in ascending order and `weights[i]` the matching w_ij.
 *
 * Entities without neighbours ("islands") have empty lists; they are listed in `isolates` and a
 * warning note is recorded. They are kept, with a spatial lag of zero, as spdep does with
 * `zero.policy = TRUE`; the statistics in this folder follow spdep's `adjust.n = TRUE` (n is
 * reduced by the number of islands in the moment formulas).
 */
export interface SpatialWeights {
  /** Entity ids in the order used by every vector passed with these weights. */
  readonly ids: readonly string[];
  /** Neighbour indices of each entity, ascending. */
  readonly neighbours: readonly Int32Array[];
  /** w_ij aligned with `neighbours`. */
  readonly weights: readonly Float64Array[];
  /** The general weights g_ij before styling (1 for contiguity and knn; 1/d^p for distance). */
  readonly general: readonly Float64Array[];
  /**
   * spdep style: `W` row-standardised (Σ_j w_ij = 1), `B` binary (w_ij = 1), `raw` the general
   * weights unchanged (spdep's style "B" applied to a `glist` of distances).
   */
  readonly style: WeightsStyle;
  /** How the neighbours and general weights were built. */
  readonly kind: 'contiguity' | 'inverse-distance' | 'knn' | 'economic-distance' | 'custom';
  /** Indices of entities with no neighbours. */
  readonly isolates: readonly number[];
  readonly notes: readonly Note[];
}

/** spdep `nb2listw` styles supported: `W` (row-standardised), `B` (binary), `raw` (general weights as given). */
export type WeightsStyle = 'W' | 'B' | 'raw';

/** One row of a neighbour list: entities `a` and `b` share a border. `row` is the spreadsheet row (header = 1). */
export interface NeighbourPair {
  readonly a: string;
  readonly b: string;
  readonly row?: number;
}

/** A point on the globe in decimal degrees. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** Mean Earth radius in km (IUGG R₁ = 6371.0088 km), used by {@link greatCircleKm}. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance in km between two points by the haversine formula on a sphere of radius
 * {@link EARTH_RADIUS_KM}:
 * d = 2R·asin(√(sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2))).
 *
 * Convention: spherical, not spdep/sp's WGS84-ellipsoid `spDistsN1(longlat = TRUE)`; the two differ
 * by up to about 0.5%. The R fixtures compute the same haversine distances explicitly.
 * Reference: Sinnott (1984), "Virtues of the haversine", Sky & Telescope 68(2):159.
 */
export function greatCircleKm(p: LatLon, q: LatLon): number {
  const rad = Math.PI / 180;
  const dphi = (q.lat - p.lat) * rad;
  const dlambda = (q.lon - p.lon) * rad;
  const s1 = Math.sin(dphi / 2);
  const s2 = Math.sin(dlambda / 2);
  const h = s1 * s1 + Math.cos(p.lat * rad) * Math.cos(q.lat * rad) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Options shared by all builders. */
export interface WeightsOptions {
  /** spdep style (default `W`, row-standardised, as in most applied work and spdep's default). */
  style?: WeightsStyle;
  /** File name for error messages. */
  file?: string;
}

/**
 * Build weights from neighbour index lists and general (unstandardised) weights g_ij, then apply
 * the style: W: w_ij = g_ij / Σ_k g_ik; B: w_ij = 1; raw: w_ij = g_ij (spdep `nb2listw`).
 * Records islands as a warning (spdep `zero.policy = TRUE`).
 */
export function makeWeights(
  ids: readonly string[],
  neighbours: readonly ArrayLike<number>[],
  general: readonly ArrayLike<number>[] | undefined,
  kind: SpatialWeights['kind'],
  options: WeightsOptions = {},
): SpatialWeights {
  const style = options.style ?? 'W';
  const n = ids.length;
  if (neighbours.length !== n) throw new RangeError('makeWeights: one neighbour list per entity is required');
  const log = new NoteLog();
  const nb: Int32Array[] = [];
  const wt: Float64Array[] = [];
  const gen: Float64Array[] = [];
  const isolates: number[] = [];
  for (let i = 0; i < n; i++) {
    const order = Array.from(neighbours[i], (_, k) => k).sort((p, q) => neighbours[i][p] - neighbours[i][q]);
    const idx = Int32Array.from(order, (k) => neighbours[i][k]);
    const g = Float64Array.from(order, (k) => (general ? general[i][k] : 1));
    for (let k = 0; k < idx.length; k++) {
      if (idx[k] === i) throw new RangeError(`makeWeights: entity ${ids[i]} is its own neighbour`);
      if (k > 0 && idx[k] === idx[k - 1]) throw new RangeError(`makeWeights: duplicate neighbour of ${ids[i]}`);
      if (!(g[k] > 0) || !Number.isFinite(g[k]))
        throw new RangeError(`makeWeights: weight of ${ids[i]}–${ids[idx[k]]} is not a positive number`);
    }
    if (idx.length === 0) isolates.push(i);
    let w: Float64Array;
    if (style === 'B') w = new Float64Array(idx.length).fill(1);
    else if (style === 'raw') w = g;
    else {
      let s = 0;
      for (const v of g) s += v;
      w = Float64Array.from(g, (v) => v / s);
    }
    nb.push(idx);
    wt.push(w);
    gen.push(g);
  }
  if (isolates.length > 0) {
    log.warn(
      'no-neighbours',
      `${isolates.length} ${isolates.length === 1 ? 'entity has' : 'entities have'} no neighbours: ${isolates.map((i) => ids[i]).join(', ')}; ` +
        'kept with a spatial lag of 0 and n reduced accordingly (spdep zero.policy = TRUE, adjust.n = TRUE)',
      { isolates: isolates.map((i) => ids[i]) },
    );
  }
  return { ids: [...ids], neighbours: nb, weights: wt, general: gen, style, kind, isolates, notes: log.notes };
}

function indexOf(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach((id, i) => {
    if (m.has(id))
      throw new InputError(`entity "${id}" appears twice in the list of entities for the spatial weights`, {
        hint: 'give each entity once',
      });
    m.set(id, i);
  });
  return m;
}

/**
 * Contiguity weights from a neighbour list: each row a pair (a, b) of entities sharing a border,
 * each pair given once; the relation is made symmetric (spdep `nb` objects from `poly2nb` are
 * symmetric). A pair given in both orders is accepted once with an info note.
 *
 * @throws InputError naming the pair and its row when an entity is not in `ids`, or a pair names the
 *   same entity twice.
 * @example contiguityWeights(['A','B','C'], [{a:'A',b:'B'},{a:'B',b:'C'}]) // B has weights 0.5, 0.5
 */
export function contiguityWeights(
  ids: readonly string[],
  pairs: readonly NeighbourPair[],
  options: WeightsOptions = {},
): SpatialWeights {
  const index = indexOf(ids);
  const sets = ids.map(() => new Set<number>());
  const repeated: string[] = [];
  pairs.forEach((p, k) => {
    const row = p.row ?? k + 2;
    const where = { file: options.file, row };
    for (const [col, name] of [
      ['a', p.a],
      ['b', p.b],
    ] as const) {
      if (!index.has(name)) {
        throw new InputError(`neighbour pair ${p.a}–${p.b} names entity "${name}", which is not in the data`, {
          ...where,
          column: col,
          hint: `spell the entity as in the data (e.g. ${ids
            .slice(0, 3)
            .map((s) => `"${s}"`)
            .join(', ')}) or drop the row`,
        });
      }
    }
    const i = index.get(p.a)!;
    const j = index.get(p.b)!;
    if (i === j)
      throw new InputError(`neighbour pair ${p.a}–${p.b} names the same entity twice`, {
        ...where,
        hint: 'an entity is not its own neighbour; drop the row',
      });
    if (sets[i].has(j)) repeated.push(`${p.a}–${p.b}`);
    sets[i].add(j);
    sets[j].add(i);
  });
  const w = makeWeights(
    ids,
    sets.map((s) => [...s]),
    undefined,
    'contiguity',
    options,
  );
  if (repeated.length === 0) return w;
  const notes: Note[] = [
    ...w.notes,
    {
      level: 'info',
      code: 'repeated-pair',
      message: `neighbour pairs given more than once were counted once: ${repeated.join(', ')}`,
    },
  ];
  return { ...w, notes };
}

/**
 * Parse neighbour pairs from table rows (header first) with columns `a` and `b` (case-insensitive;
 * other columns such as `kind` are ignored). Rows with both cells empty are skipped.
 *
 * @throws InputError when the header lacks `a` or `b`, or a row has only one of them.
 */
export function parseNeighbourRows(rows: readonly (readonly string[])[], file?: string): NeighbourPair[] {
  if (rows.length === 0)
    throw new InputError('the neighbour list is empty', {
      file,
      hint: 'give a CSV with a header a,b and one row per pair of neighbours',
    });
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const ia = header.indexOf('a');
  const ib = header.indexOf('b');
  if (ia < 0 || ib < 0) {
    throw new InputError(`the neighbour list needs columns "a" and "b" (found ${header.join(', ')})`, {
      file,
      row: 1,
      hint: 'name the two columns a and b',
    });
  }
  const out: NeighbourPair[] = [];
  for (let r = 1; r < rows.length; r++) {
    const a = (rows[r][ia] ?? '').trim();
    const b = (rows[r][ib] ?? '').trim();
    if (a === '' && b === '') continue;
    if (a === '' || b === '') {
      throw new InputError('neighbour pair with an empty entity', {
        file,
        row: r + 1,
        column: a === '' ? 'a' : 'b',
        hint: 'fill in both entities or delete the row',
      });
    }
    out.push({ a, b, row: r + 1 });
  }
  return out;
}

function checkCoords(ids: readonly string[], coords: readonly LatLon[], file?: string): void {
  if (coords.length !== ids.length) throw new RangeError('one coordinate pair per entity is required');
  coords.forEach((c, i) => {
    if (!Number.isFinite(c.lat) || !Number.isFinite(c.lon) || Math.abs(c.lat) > 90 || Math.abs(c.lon) > 360) {
      throw new InputError(`entity "${ids[i]}" has no valid latitude/longitude (${c.lat}, ${c.lon})`, {
        file,
        hint: 'give latitude in [−90, 90] and longitude in decimal degrees for every entity, or drop the entity',
      });
    }
  });
}

/** Haversine distance matrix (rows of km), checking that no two entities share a location. */
function distances(ids: readonly string[], coords: readonly LatLon[], file?: string): Float64Array[] {
  checkCoords(ids, coords, file);
  const n = ids.length;
  const d = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = greatCircleKm(coords[i], coords[j]);
      if (v === 0) {
        throw new InputError(
          `entities "${ids[i]}" and "${ids[j]}" have the same coordinates; the distance weight 1/d is infinite`,
          {
            file,
            hint: 'correct the coordinates or use contiguity weights',
          },
        );
      }
      d[i][j] = v;
      d[j][i] = v;
    }
  }
  return d;
}

export interface InverseDistanceOptions extends WeightsOptions {
  /** Distance decay exponent p in w_ij = 1/d_ij^p (default 1; 2 is the gravity form). */
  power?: number;
  /** Only pairs with d_ij ≤ cutoffKm are neighbours (spdep `dnearneigh(0, cutoff)`); default: all pairs. */
  cutoffKm?: number;
}

/**
 * Inverse-distance weights g_ij = 1/d_ij^p with d_ij the haversine great-circle distance in km
 * ({@link greatCircleKm}), optionally limited to d_ij ≤ cut-off, then styled (default row-standardised).
 * Equivalent to spdep `nb2listw(nb, glist = lapply(nbdists(nb, coords), \(d) 1/d^p), style)` with
 * haversine distances. Reference: Anselin (1988), Spatial Econometrics, ch. 3.
 */
export function inverseDistanceWeights(
  ids: readonly string[],
  coords: readonly LatLon[],
  options: InverseDistanceOptions = {},
): SpatialWeights {
  const power = options.power ?? 1;
  if (!(power > 0) || !Number.isFinite(power))
    throw new InputError(`the distance power must be a positive number (got ${power})`, { hint: 'use --power 1 or 2' });
  const cutoff = options.cutoffKm ?? Infinity;
  if (!(cutoff > 0)) throw new InputError(`the distance cut-off must be positive (got ${cutoff} km)`);
  const d = distances(ids, coords, options.file);
  const nb: number[][] = [];
  const g: number[][] = [];
  for (let i = 0; i < ids.length; i++) {
    const js: number[] = [];
    const gs: number[] = [];
    for (let j = 0; j < ids.length; j++) {
      if (j === i || d[i][j] > cutoff) continue;
      js.push(j);
      gs.push(1 / Math.pow(d[i][j], power));
    }
    nb.push(js);
    g.push(gs);
  }
  return makeWeights(ids, nb, g, 'inverse-distance', options);
}

/**
 * k-nearest-neighbour weights by haversine distance (spdep `knn2nb(knearneigh(coords, k,
 * longlat = TRUE))`, which uses the ellipsoid instead). Not symmetric in general. Ties at the k-th
 * distance are broken by entity order. Default style `W`.
 */
export function knnWeights(
  ids: readonly string[],
  coords: readonly LatLon[],
  k: number,
  options: WeightsOptions = {},
): SpatialWeights {
  if (!Number.isInteger(k) || k < 1 || k >= ids.length) {
    throw new InputError(`k nearest neighbours needs 1 ≤ k < number of entities (${ids.length}); got ${k}`, {
      hint: 'k = 4 to 6 is usual for provinces',
    });
  }
  const d = distances(ids, coords, options.file);
  const nb = ids.map((_, i) =>
    ids
      .map((__, j) => j)
      .filter((j) => j !== i)
      .sort((p, q) => d[i][p] - d[i][q] || p - q)
      .slice(0, k),
  );
  return makeWeights(ids, nb, undefined, 'knn', options);
}

/**
 * Economic-distance weights g_ij = 1/|x_i − x_j| for every pair i ≠ j, where x is an economic
 * variable such as mean GDP per capita over the sample period (the "economic distance matrix" of
 * Chinese regional studies, e.g. 林光平, 龙志和 & 吴梅 2005, 经济学(季刊) 4(S1)). Default style `W`.
 *
 * @throws InputError when x is missing for an entity or two entities have the same value (1/0).
 */
export function economicDistanceWeights(
  ids: readonly string[],
  x: ArrayLike<number>,
  options: WeightsOptions = {},
): SpatialWeights {
  const n = ids.length;
  if (x.length !== n) throw new RangeError('one value per entity is required');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]))
      throw new InputError(`entity "${ids[i]}" has no value of the economic variable`, {
        file: options.file,
        hint: 'fill the value or drop the entity',
      });
  }
  const nb: number[][] = [];
  const g: number[][] = [];
  for (let i = 0; i < n; i++) {
    const js: number[] = [];
    const gs: number[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const diff = Math.abs(x[i] - x[j]);
      if (diff === 0) {
        throw new InputError(
          `entities "${ids[i]}" and "${ids[j]}" have the same value of the economic variable, so 1/|x_i − x_j| is infinite`,
          {
            file: options.file,
            hint: 'use a variable that differs between entities (e.g. the mean over several years)',
          },
        );
      }
      js.push(j);
      gs.push(1 / diff);
    }
    nb.push(js);
    g.push(gs);
  }
  return makeWeights(ids, nb, g, 'economic-distance', options);
}

/** Re-style existing weights from their general weights (e.g. binary contiguity → row-standardised). */
export function restyle(w: SpatialWeights, style: WeightsStyle): SpatialWeights {
  return { ...makeWeights(w.ids, w.neighbours, w.general, w.kind, { style }), notes: w.notes };
}

/**
 * Spatial lag (Wx)_i = Σ_j w_ij x_j (spdep `lag.listw`); 0 for islands (zero.policy = TRUE).
 */
export function spatialLag(w: SpatialWeights, x: ArrayLike<number>): Float64Array {
  const n = w.ids.length;
  if (x.length !== n) throw new RangeError('spatialLag: x must have one value per entity');
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const nb = w.neighbours[i];
    const wt = w.weights[i];
    let s = 0;
    for (let k = 0; k < nb.length; k++) s += wt[k] * x[nb[k]];
    out[i] = s;
  }
  return out;
}

/** The weights as a dense n×n matrix (rows = i), for small n and for checks. */
export function denseWeights(w: SpatialWeights): Float64Array[] {
  const n = w.ids.length;
  const m = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++)
    for (let k = 0; k < w.neighbours[i].length; k++) m[i][w.neighbours[i][k]] = w.weights[i][k];
  return m;
}

/**
 * Restrict weights to a subset of entities (by id, in the given order), re-applying the style to the
 * kept general weights (spdep `subset.listw`). Entities that lose all neighbours become islands.
 */
export function subsetWeights(w: SpatialWeights, keep: readonly string[]): SpatialWeights {
  const pos = new Map(w.ids.map((id, i) => [id, i]));
  const newIndex = new Map<number, number>();
  keep.forEach((id, k) => {
    const i = pos.get(id);
    if (i === undefined)
      throw new InputError(`entity "${id}" is not in the spatial weights`, {
        hint: 'add it to the neighbour list or coordinates',
      });
    newIndex.set(i, k);
  });
  const nb: number[][] = [];
  const g: number[][] = [];
  for (const id of keep) {
    const i = pos.get(id)!;
    const js: number[] = [];
    const gs: number[] = [];
    w.neighbours[i].forEach((j, k) => {
      const nj = newIndex.get(j);
      if (nj === undefined) return;
      js.push(nj);
      gs.push(w.general[i][k]);
    });
    nb.push(js);
    g.push(gs);
  }
  return makeWeights(keep, nb, g, w.kind, { style: w.style });
}
