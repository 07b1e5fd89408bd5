import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import { matchProvince, type ProvinceInfo } from '../data/china-provinces.js';
import type { EntityInfo } from '../data/panel.js';
import {
  contiguityWeights,
  knnWeights,
  subsetWeights,
  type LatLon,
  type NeighbourPair,
  type SpatialWeights,
  type WeightsStyle,
} from './weights.js';

/**
 * The province each entity stands for (by id, then name, Chinese name and code), or undefined when
 * at least one entity is not a Chinese province: nqpf's built-in China geography applies only when
 * every entity matches (GB/T 2260 names and codes, any spelling that {@link matchProvince} accepts).
 */
export function entityProvinces(entities: readonly EntityInfo[]): ProvinceInfo[] | undefined {
  if (entities.length === 0) return undefined;
  const out: ProvinceInfo[] = [];
  for (const e of entities) {
    const p = matchProvince(e.id) ?? matchProvince(e.name) ?? matchProvince(e.nameZh) ?? matchProvince(e.code);
    if (!p) return undefined;
    out.push(p);
  }
  return out;
}

/**
 * Rewrite neighbour pairs into the entities' own ids: a name that is not an entity id but names the
 * same Chinese province as one entity (北京 vs 北京市 vs Beijing vs 110000) becomes that entity's id.
 * Names that match nothing are kept, so {@link contiguityWeights} reports them with file and row.
 */
export function pairsInEntityIds(entities: readonly EntityInfo[], pairs: readonly NeighbourPair[]): NeighbourPair[] {
  const ids = new Set(entities.map((e) => e.id));
  const byCode = new Map<string, string>();
  const provinces = entities.map((e) => matchProvince(e.id) ?? matchProvince(e.name) ?? matchProvince(e.nameZh));
  provinces.forEach((p, i) => {
    if (p && !byCode.has(p.code)) byCode.set(p.code, entities[i].id);
  });
  const map = (name: string): string => {
    if (ids.has(name)) return name;
    const p = matchProvince(name);
    return (p && byCode.get(p.code)) ?? name;
  };
  return pairs.map((p) => ({ ...p, a: map(p.a), b: map(p.b) }));
}

/**
 * Coordinates of each entity: its own lat/lon where given (built-in datasets), else, for Chinese
 * provinces, the capital's coordinates from nqpf's province table. NaN where neither exists.
 */
export function entityLocations(entities: readonly EntityInfo[]): LatLon[] {
  return entities.map((e) => {
    if (Number.isFinite(e.lat) && Number.isFinite(e.lon)) return { lat: e.lat as number, lon: e.lon as number };
    const p = matchProvince(e.id) ?? matchProvince(e.name) ?? matchProvince(e.nameZh) ?? matchProvince(e.code);
    return p ? { lat: p.capital.lat, lon: p.capital.lon } : { lat: NaN, lon: NaN };
  });
}

/** Inputs of {@link resolveContiguity}. */
export interface ContiguityRequest {
  /** All entities of the panel (pairs may name any of them). */
  readonly entities: readonly EntityInfo[];
  /** Entities to keep (e.g. those with a value in the period); default all. */
  readonly keep?: readonly string[];
  /** The user's neighbour pairs and the file they came from, if any. */
  readonly pairs?: readonly NeighbourPair[];
  readonly file?: string;
  /** nqpf's shipped province borders (data/builtin/china-province-borders.csv), used when no pairs are given and every entity is a Chinese province. */
  readonly builtinBorders?: readonly NeighbourPair[];
  readonly style?: WeightsStyle;
  /** Or k nearest neighbours on the entities' coordinates ({@link entityLocations}). */
  readonly knn?: number;
}

/**
 * The one place where a spatial command turns its flags into weights when they are not built from a
 * distance matrix: the user's neighbour file (any province spelling that normalises), else k nearest
 * neighbours, else — when every entity is a Chinese province — nqpf's shipped contiguity with the
 * Guangdong–Hainan strait link. Used by `moran`, `markov --spatial` and `spatial-regress`.
 *
 * @throws InputError when no weights can be built, or when the neighbour file joins no entity (every
 *   entity would be an island and Moran's I undefined).
 */
export function resolveContiguity(req: ContiguityRequest): SpatialWeights {
  const ids = req.entities.map((e) => e.id);
  const keep = req.keep ?? ids;
  let all: SpatialWeights;
  const notes: Note[] = [];
  if (req.pairs) {
    all = contiguityWeights(ids, pairsInEntityIds(req.entities, req.pairs), { style: req.style, file: req.file });
  } else if (req.knn !== undefined) {
    const coords = entityLocations(req.entities);
    const bad = req.entities
      .filter((_, i) => !Number.isFinite(coords[i].lat) || !Number.isFinite(coords[i].lon))
      .map((e) => e.id);
    if (bad.length > 0)
      throw new InputError(
        `--knn needs coordinates, and ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''} have none`,
        {
          hint: 'give --neighbors FILE (a CSV of pairs a,b), or use Chinese province names (their capitals are built in)',
        },
      );
    all = knnWeights(ids, coords, req.knn, { style: req.style });
  } else if (req.builtinBorders && entityProvinces(req.entities)) {
    all = contiguityWeights(
      ids,
      pairsInEntityIds(req.entities, req.builtinBorders).filter((p) => ids.includes(p.a) && ids.includes(p.b)),
      {
        style: req.style,
        file: 'data/builtin/china-province-borders.csv',
      },
    );
    notes.push({
      level: 'info',
      code: 'builtin-contiguity',
      message:
        "the entities are Chinese provinces: nqpf's shipped province contiguity is used (shared borders, plus Guangdong–Hainan across the Qiongzhou Strait); give --neighbors FILE to use your own",
    });
  } else {
    throw new InputError(
      'spatial weights needed: give --neighbors FILE (a CSV of neighbour pairs a,b) or --distance LAT,LON',
      {
        hint: 'e.g. --neighbors borders.csv; Chinese province data (北京, 北京市, Beijing or 110000) needs no flag: the province borders are built in',
      },
    );
  }
  const sub = keep.length === ids.length ? all : subsetWeights(all, keep);
  if (req.pairs && sub.ids.length > 1 && sub.isolates.length === sub.ids.length) {
    throw new InputError(
      `the neighbour file joins none of the ${sub.ids.length} entities: every one would be an island`,
      {
        file: req.file,
        hint: 'spell the entities in columns a,b as in the data (any province spelling such as 北京, 北京市, Beijing or 110000 is matched)',
      },
    );
  }
  // Island warnings are recomputed on the subset; the file's notes (repeated pairs) are kept.
  const kept = sub === all ? all.notes : [...all.notes.filter((n) => n.code !== 'no-neighbours'), ...sub.notes];
  return { ...sub, notes: [...notes, ...kept] };
}
