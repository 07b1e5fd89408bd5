import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import type { EntityInfo, Panel } from '../../data/panel.js';
import { loadChinaProvinceBorders } from '../../io/builtin.js';
import { resolveFramework } from '../../io/framework-file.js';
import { caseSections, runCase } from '../../pipeline/demo.js';
import { REGION_LABELS } from '../../disparity/group-labels.js';
import { entityProvinces } from '../../spatial/resolve-weights.js';
import {
  list,
  loadData,
  printJson,
  printNotes,
  progress,
  reportLang,
  withDataOptions,
  type DataOptions,
} from '../common.js';
import { writeCommandOutputs } from '../outputs.js';

interface ReportCliOptions extends DataOptions {
  framework: string;
  couple?: string;
  headline?: string;
}

/**
 * Chinese provinces without a group or coordinates get nqpf's: the NBS four regions as the group
 * (disparity decomposition) and the capitals as locations (ellipse, maps).
 */
function withProvinceGeography(panel: Panel): Panel {
  const provinces = entityProvinces(panel.entities);
  if (!provinces) return panel;
  const entities: EntityInfo[] = panel.entities.map((e, i) => ({
    ...e,
    group: e.group ?? (provinces[i].mainland ? REGION_LABELS[provinces[i].region4] : undefined),
    lat: Number.isFinite(e.lat) ? e.lat : provinces[i].capital.lat,
    lon: Number.isFinite(e.lon) ? e.lon : provinces[i].capital.lon,
  }));
  return { ...panel, entities };
}

/** `nqpf report`: the demo's stages on the user's data, into one HTML report with tables and charts. */
export function registerReport(program: Command): void {
  const cmd = program
    .command('report')
    .description(
      'run the stages on your data into one report: measure, coverage, coupling, disparity, densities, LISA, ellipse, forecasts and the diagnosis (as nqpf demo does for the built-in data)',
    );
  withDataOptions(cmd)
    .requiredOption('--framework <file|builtin>', 'indicator framework: a YAML/JSON file, or a built-in (seed, pwt)')
    .option(
      '--couple <ids>',
      'systems (or dimensions) to couple, comma-separated (default: the systems, or the dimensions of a one-system framework)',
    )
    .option(
      '--headline <system>',
      'the index analysed for disparity, density, spatial pattern and forecasts (default: the first system)',
    )
    .addHelpText(
      'after',
      `
Examples:
  nqpf report --data examples/provinces.csv --framework examples/framework.yaml --out report
  nqpf report --data china-sim --framework seed --lang zh --out report-zh

Missing indicator cells are imputed by linear interpolation within entity (recorded in the report).
Chinese provinces need nothing else: the NBS regions group the disparity decomposition, the built-in
borders give the spatial weights and the capitals locate the ellipse. Writes DIR/index.html, the
charts (SVG, PNG) and the tables (CSV, XLSX).`,
    )
    .action(async (opts: ReportCliOptions) => {
      if (!opts.out)
        throw new InputError('nqpf report needs --out DIR (the folder of the report)', { hint: 'e.g. --out report' });
      const lang = reportLang(opts);
      const framework = await resolveFramework(opts.framework);
      const panel = withProvinceGeography(await loadData(opts));
      const systems = framework.systems.map((s) => s.id);
      const couple = opts.couple
        ? list(opts.couple)
        : systems.length > 1
          ? systems
          : framework.systems[0].dimensions.map((d) => d.id);
      const headline = opts.headline ?? systems[0];
      if (!systems.includes(headline))
        throw new InputError(`--headline ${headline} is not a system of the framework (${systems.join(', ')})`);
      const neighbours = entityProvinces(panel.entities) ? await loadChinaProvinceBorders() : undefined;
      if (!neighbours && panel.entities.some((e) => !Number.isFinite(e.lat) || !Number.isFinite(e.lon))) {
        throw new InputError("nqpf report needs the entities' locations for the spatial stages", {
          hint: 'use Chinese province names (北京, 北京市, Beijing or 110000), or a built-in dataset; or run the stage commands one by one',
        });
      }
      if (!opts.json)
        progress(`${panel.meta.name}: measure, coupling, disparity, densities, spatial pattern, forecasts`);
      const c = runCase(panel, framework, {
        data: panel.meta.name,
        framework: framework.id,
        couple,
        headline,
        neighbours,
      });
      const scores = c.measured.scores;
      const written = await writeCommandOutputs(opts.out, 'report', {
        panel: c.panel,
        notes: c.notes,
        lang,
        title: framework.name,
        tables: {
          scores: [
            [c.panel.entityColumn, c.panel.periodColumn, 'system', 'index', 'rank'],
            ...scores.map((s) => [s.entity, s.period, s.system, s.index, s.rank]),
          ],
          coupling: [
            [c.panel.entityColumn, c.panel.periodColumn, 'C', 'T', 'D', 'level'],
            ...c.coupling.rows.map((r) => [r.entity, r.period, r.C, r.T, r.D, r.level ?? '']),
          ],
        },
        sections: caseSections(c, lang),
      });
      if (opts.json) {
        printJson({ report: path.join(opts.out, 'index.html'), files: written, notes: c.notes });
        return;
      }
      printNotes(c.notes.filter((n) => n.level === 'warning').slice(0, 5));
      process.stderr.write(`wrote ${path.join(opts.out, 'index.html')} and ${written.length - 1} other files\n`);
    });
}
