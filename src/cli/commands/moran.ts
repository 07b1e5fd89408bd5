import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError } from '../../core/errors.js';
import type { Note } from '../../core/notes.js';
import { column, type Panel } from '../../data/panel.js';
import { loadChinaProvinceBorders } from '../../io/builtin.js';
import { readNeighbourFile } from '../../io/neighbours.js';
import { crossSection, type CrossSection } from '../../spatial/cross-section.js';
import { entityCoordinates, resolveContiguity } from '../../spatial/resolve-weights.js';
import { gearyTest } from '../../spatial/geary.js';
import { localMoran } from '../../spatial/local-moran.js';
import { moranTest } from '../../spatial/moran.js';
import type { Alternative } from '../../spatial/pvalue.js';
import {
  economicDistanceWeights,
  inverseDistanceWeights,
  knnWeights,
  type LatLon,
  type SpatialWeights,
  type WeightsStyle,
} from '../../spatial/weights.js';
import { fixed as f, intOption, list, loadData, numberOption, printJson, printNotes, withDataOptions, notesFor, type DataOptions } from '../common.js';

/** Weight options shared by `nqpf moran` (and any other command that needs spatial weights). */
export interface WeightsCliOptions {
  neighbors?: string;
  distance?: string;
  power: number;
  cutoff?: number;
  knn?: number;
  economic?: string;
  style: WeightsStyle;
}

interface MoranCliOptions extends DataOptions, WeightsCliOptions {
  value: string;
  year?: number;
  permutations: number;
  seed: number;
  alternative: Alternative;
  alpha: number;
}


/** Coordinates per entity: EntityInfo lat/lon for `lat,lon`, else two numeric columns (first value per entity). */
function coordinates(panel: Panel, section: CrossSection, spec: string): LatLon[] {
  const [latCol, lonCol] = list(spec);
  if (!latCol || !lonCol) throw new InputError(`--distance takes two column names LAT,LON (got "${spec}")`, { hint: 'e.g. --distance lat,lon' });
  if (latCol === 'lat' && lonCol === 'lon' && !panel.columns.lat) {
    // entity coordinates: a built-in dataset's, or the capitals of Chinese provinces
    const coords = entityCoordinates(section.entities);
    if (coords.every((c) => Number.isFinite(c.lat) && Number.isFinite(c.lon))) return coords;
  }
  for (const c of [latCol, lonCol]) {
    if (!panel.columns[c]) {
      throw new InputError(`--distance: unknown coordinate column "${c}"`, {
        file: panel.meta.file,
        hint: `give latitude and longitude columns of the data, or lat,lon for the entity coordinates of a built-in dataset`,
      });
    }
  }
  const first = new Map<string, LatLon>();
  for (let r = 0; r < panel.entity.length; r++) {
    const lat = panel.columns[latCol][r];
    const lon = panel.columns[lonCol][r];
    if (!first.has(panel.entity[r]) && Number.isFinite(lat) && Number.isFinite(lon)) first.set(panel.entity[r], { lat, lon });
  }
  return section.ids.map((id) => first.get(id) ?? { lat: NaN, lon: NaN });
}

/**
 * Build the weights the flags ask for, over the entities of `section`. Contiguity is built over all
 * entities of the panel (so a pair naming an unknown entity is an error) and then restricted to the
 * entities with a value.
 */
export async function weightsFromOptions(panel: Panel, section: CrossSection, opts: WeightsCliOptions & { encoding?: string; data: string }): Promise<SpatialWeights> {
  const given = [opts.neighbors && '--neighbors', opts.distance && '--distance', opts.economic && '--economic'].filter(Boolean);
  if (given.length > 1) throw new InputError(`give one kind of spatial weights, not ${given.join(' and ')}`);
  if (opts.economic) {
    // economic distance on the entity's mean of the variable over all periods (missing periods skipped)
    const x = column(panel, opts.economic);
    const sum = new Map<string, [number, number]>();
    for (let r = 0; r < x.length; r++) {
      if (!Number.isFinite(x[r])) continue;
      const acc = sum.get(panel.entity[r]) ?? [0, 0];
      sum.set(panel.entity[r], [acc[0] + x[r], acc[1] + 1]);
    }
    const means = section.ids.map((id) => {
      const acc = sum.get(id);
      return acc ? acc[0] / acc[1] : NaN;
    });
    return economicDistanceWeights(section.ids, means, { style: opts.style });
  }
  if (opts.distance) {
    const coords = coordinates(panel, section, opts.distance);
    if (opts.knn !== undefined) return knnWeights(section.ids, coords, opts.knn, { style: opts.style });
    return inverseDistanceWeights(section.ids, coords, { power: opts.power, cutoffKm: opts.cutoff, style: opts.style });
  }
  return resolveContiguity({
    entities: panel.entities,
    keep: section.ids,
    pairs: opts.neighbors ? await readNeighbourFile(opts.neighbors, opts.encoding) : undefined,
    file: opts.neighbors,
    builtinBorders: loadChinaProvinceBorders,
    style: opts.style,
  });
}


/** `nqpf moran`: global and local Moran's I of one variable in one period. */
export function registerMoran(program: Command): void {
  const cmd = program.command('moran').description("global Moran's I (normality, randomisation, permutation), Geary's C and local Moran (LISA) clusters");
  withDataOptions(cmd)
    .requiredOption('--value <column>', 'the variable to test (e.g. an index score)')
    .option('--year <period>', 'the period to test (default: the last period with values); --period names the period column', numberOption('--year'))
    .option('--neighbors <file>', 'contiguity: a CSV of neighbour pairs with columns a,b (each pair once; any province spelling); default for Chinese provinces: the built-in province borders')
    .option('--distance <lat,lon>', 'inverse-distance weights from coordinates: two column names, or lat,lon for the entity coordinates (built-in datasets; provincial capitals for Chinese provinces)')
    .option('--power <p>', 'distance decay power in 1/d^p', numberOption('--power'), 1)
    .option('--cutoff <km>', 'only neighbours within this great-circle distance (km)', numberOption('--cutoff'))
    .option('--economic <column>', 'economic-distance weights 1/|x̄_i − x̄_j| on the entity means of this column over all periods (e.g. gdp_per_capita)')
    .option('--knn <k>', 'with --distance: k nearest neighbours instead of inverse distance', intOption('--knn'))
    .addOption(new Option('--style <style>', 'W row-standardised, B binary, raw general weights (spdep styles)').choices(['W', 'B', 'raw']).default('W'))
    .option('--permutations <n>', 'random permutations for pseudo p-values (0 = none)', intOption('--permutations'), 999)
    .option('--seed <n>', 'seed of the permutations', intOption('--seed'), 1)
    .addOption(new Option('--alternative <h>', 'alternative of the global test (spdep default greater)').choices(['greater', 'less', 'two.sided']).default('greater'))
    .option('--alpha <a>', 'significance level of the LISA cluster map', numberOption('--alpha'), 0.05)
    .addHelpText(
      'after',
      `
Examples:
  nqpf moran --data china-sim --value rd_intensity --json
  nqpf moran --data world-pwt --value y_per_worker --distance lat,lon --power 2 --year 2017
  nqpf moran --data provinces.csv --value score --neighbors borders.csv --permutations 9999 --seed 7

--json prints {"I","expected","variance","z","pValue","pPermutation","local":[{"entity","Ii","pValue","cluster"}],...}:
variance, z, pValue are spdep moran.test's randomisation moments; "normality" holds the other set.
Local p-values are two-sided (spdep localmoran); clusters HH/LL/HL/LH use the permutation p when
--permutations > 0, else the normal one, at --alpha. Islands (no neighbours) are kept with lag 0
(spdep zero.policy = TRUE). Formulas: docs/spatial-forecast.md.`,
    )
    .action(async (opts: MoranCliOptions) => {
      const panel = await loadData(opts, { crossSection: true });
      const section = crossSection(panel, opts.value, opts.year);
      const w = await weightsFromOptions(panel, section, opts);
      const g = moranTest(section.values, w, { alternative: opts.alternative, permutations: opts.permutations, seed: opts.seed });
      const geary = gearyTest(section.values, w, { alternative: opts.alternative });
      const local = localMoran(section.values, w, { permutations: opts.permutations, seed: opts.seed, alpha: opts.alpha });
      const notes: Note[] = [...notesFor(panel.notes, [opts.value]), ...section.notes, ...g.notes];
      const json = {
        value: opts.value,
        period: section.period,
        n: section.ids.length,
        weights: { kind: w.kind, style: w.style, isolates: w.isolates.map((i) => w.ids[i]) },
        I: g.I,
        expected: g.expected,
        variance: g.randomisation.variance,
        z: g.randomisation.z,
        pValue: g.randomisation.pValue,
        pPermutation: g.permutation?.pValue ?? null,
        alternative: g.alternative,
        normality: g.normality,
        permutations: opts.permutations,
        seed: opts.seed,
        geary: { C: geary.C, expected: geary.expected, variance: geary.variance, z: geary.z, pValue: geary.pValue },
        local: local.rows.map((r) => ({
          entity: r.entity,
          Ii: r.Ii,
          expected: r.expected,
          variance: r.variance,
          z: r.z,
          pValue: r.pValue,
          pPermutation: r.pPermutation,
          quadrant: r.quadrant,
          cluster: r.cluster,
        })),
        clusterBy: local.clusterBy,
        alpha: local.alpha,
        simulated: panel.meta.simulated,
        notes,
      };
      if (opts.json) {
        printJson(json);
        return;
      }
      printNotes(notes);
      const counts = ['HH', 'LL', 'HL', 'LH', 'NS'].map((c) => `${c} ${local.rows.filter((r) => r.cluster === c).length}`).join(', ');
      const lines = [
        `Moran's I of ${opts.value} ${panel.periodColumn === '(cross-section)' ? '(cross-section)' : `in ${section.period}`} on ${panel.meta.name}${panel.meta.simulated ? ' (SIMULATED data)' : ''}: n = ${section.ids.length}, ${w.kind} weights, style ${w.style}`,
        `  I = ${f(g.I)}, E(I) = ${f(g.expected)}, Var (randomisation) = ${g.randomisation.variance.toExponential(4)}, z = ${f(g.randomisation.z)}, p (${g.alternative}) = ${g.randomisation.pValue.toPrecision(4)}`,
        `  normality: Var = ${g.normality.variance.toExponential(4)}, z = ${f(g.normality.z)}, p = ${g.normality.pValue.toPrecision(4)}`,
        g.permutation ? `  permutation p = ${g.permutation.pValue.toPrecision(4)} (${g.permutation.permutations} permutations, seed ${g.permutation.seed})` : '',
        `Geary's C = ${f(geary.C)}, z = ${f(geary.z)}, p = ${geary.pValue.toPrecision(4)}`,
        `LISA clusters (alpha ${local.alpha}, ${local.clusterBy} p): ${counts}`,
        ...local.rows.filter((r) => r.cluster !== 'NS').map((r) => `  ${r.cluster}  ${r.entity}  Ii = ${f(r.Ii)}`),
      ].filter(Boolean);
      if (panel.meta.citation) lines.push('', `Data: ${panel.meta.citation}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
