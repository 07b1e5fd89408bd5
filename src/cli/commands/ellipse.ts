import type { Command } from 'commander';
import { Option } from 'commander';
import { ellipseJson, runEllipse } from '../../api/ellipse.js';
import {
  intOption,
  loadData,
  printJson,
  printNotes,
  reportLang,
  withDataOptions,
  type DataOptions,
} from '../common.js';

interface EllipseCliOptions extends DataOptions {
  value: string;
  sqrt2: boolean;
  denominator: 'n' | 'n-2';
  vertices: number;
  coordinates?: string;
}

/** `nqpf ellipse`: the standard deviational ellipse of entity locations weighted by a variable, per period. */
export function registerEllipse(program: Command): void {
  const cmd = program.command('ellipse');
  withDataOptions(cmd)
    .requiredOption('--value <column>', 'the weight of each location (non-negative, e.g. an index score)')
    .option('--no-sqrt2', 'do not apply the √2 correction of ArcGIS')
    .addOption(
      new Option('--denominator <d>', 'Σw (ArcGIS) or the n−2 small-sample form (CrimeStat)')
        .choices(['n', 'n-2'])
        .default('n'),
    )
    .option('--vertices <k>', 'vertices of the polygon returned for maps', intOption('--vertices'), 72)
    .option(
      '--coordinates <lat,lon>',
      'latitude and longitude columns of the data (as moran --distance); default: the entity coordinates of a built-in dataset',
    )
    .addHelpText(
      'after',
      `
Examples:
  nqpf ellipse --data china-sim --value rd_intensity --json
  nqpf ellipse --data world-pwt --value rgdpo
  nqpf ellipse --data examples/provinces.csv --value rd    # Chinese provinces: at their capitals
  nqpf ellipse --data china-sim --value rd_intensity --coordinates lat,lon

Locations are the columns named by --coordinates LAT,LON (each entity's first row with both), else the
entity coordinates of a built-in dataset (capitals for china-sim, points inside each country for
world-pwt), or for Chinese provinces in your own file the provincial capitals. --json prints {"periods":[{"period","centre":{"lat","lon"},"angle",
"sigmaMajor","sigmaMinor","areaKm2","n","polygon":[[lon,lat],...]}]}. The angle is the major axis,
degrees clockwise from north; distances in km on a local equirectangular projection.`,
    )
    .action(async (opts: EllipseCliOptions) => {
      const panel = await loadData(opts);
      const run = runEllipse(panel, {
        value: opts.value,
        sqrt2: opts.sqrt2,
        denominator: opts.denominator,
        vertices: opts.vertices,
        coordinates: opts.coordinates,
      });
      const { periods, notes } = run;
      if (opts.out) {
        // the report, charts and XLSX load only with --out (start-up)
        const [{ writeCommandOutputs }, { ellipseSection }] = await Promise.all([
          import('../outputs.js'),
          import('../../report/sections/spatial.js'),
        ]);
        const lang = reportLang(opts);
        const cross = panel.meta.crossSection;
        const last = periods[periods.length - 1]?.period;
        const latest = new Map<string, number>();
        const col = panel.columns[opts.value];
        for (let r = 0; r < col.length; r++) if (panel.period[r] === last) latest.set(panel.entity[r], col[r]);
        await writeCommandOutputs(opts.out, 'ellipse', {
          panel,
          notes,
          lang,
          title: { en: `standard deviational ellipse of ${opts.value}`, zh: `${opts.value} 的标准差椭圆` },
          tables: {
            ellipse: [
              [
                'period',
                'centre_lat',
                'centre_lon',
                'angle',
                'sigma_major_km',
                'sigma_minor_km',
                'area_km2',
                'flattening',
                'n',
              ],
              ...periods.map((e) => [
                cross ? '' : e.period,
                e.centre.lat,
                e.centre.lon,
                e.angle,
                e.sigmaMajor,
                e.sigmaMinor,
                e.areaKm2,
                e.flattening,
                e.n,
              ]),
            ],
          },
          sections: [
            ellipseSection(
              panel,
              periods.map((e) => ({ period: e.period, ellipse: { ...e, totalWeight: NaN, notes: [] } })),
              {
                value: opts.value,
                mapPeriods: [periods[0]?.period, last].filter((p): p is number => p !== undefined),
                values: latest,
              },
              { lang },
            ),
          ],
        });
      }
      if (opts.json) {
        printJson(ellipseJson(run));
        return;
      }
      printNotes(notes);
      const lines = [
        `Standard deviational ellipse of ${opts.value} on ${panel.meta.name}${panel.meta.simulated ? ' (SIMULATED data)' : ''}`,
      ];
      lines.push('  period  centre (lat, lon)     angle   σmajor km  σminor km');
      for (const e of periods) {
        lines.push(
          `  ${run.panel.meta.crossSection ? '—' : e.period}  (${e.centre.lat.toFixed(3)}, ${e.centre.lon.toFixed(3)})  ${e.angle.toFixed(1).padStart(6)}  ${e.sigmaMajor.toFixed(1).padStart(9)}  ${e.sigmaMinor.toFixed(1).padStart(9)}`,
        );
      }
      if (panel.meta.citation) lines.push('', `Data: ${panel.meta.citation}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
