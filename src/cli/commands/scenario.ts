import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { list, printJson, printNotes, withDataOptions, writeTables, type DataOptions } from '../common.js';
import { scenario, type ScenarioShock } from '../../api/spatial-regress.js';
import { formatScenario } from '../../report/spatial-regression.js';
import { writeFileAtomic } from '../../io/atomic.js';
import {
  loadSpatialPanel,
  spatialModelOptions,
  spatialModelWeights,
  withSpatialModelOptions,
  type SpatialModelCliOptions,
} from '../spatial-options.js';

interface ScenarioCliOptions extends DataOptions, SpatialModelCliOptions {
  shock: string;
  entities?: string;
  reachMean?: string;
  groupBy?: string;
  level: number;
}

/** Parse `innovation=+0.1` into the variable and the change. */
function parseShock(spec: string): { variable: string; delta: number } {
  const m = /^\s*([^=]+?)\s*=\s*([+-]?\d*\.?\d+(?:e[+-]?\d+)?)\s*$/i.exec(spec);
  if (!m) throw new InputError(`--shock takes VARIABLE=CHANGE, e.g. innovation=+0.1 (got "${spec}")`);
  return { variable: m[1], delta: Number(m[2]) };
}

/** `nqpf scenario`: the predicted change everywhere when a regressor changes in chosen entities. */
export function registerScenario(program: Command): void {
  const cmd = program.command('scenario');
  withSpatialModelOptions(withDataOptions(cmd))
    .requiredOption(
      '--shock <var=change>',
      'the regressor and its change, e.g. rd_intensity=+0.1 (with --reach-mean only the variable is used: rd_intensity=0)',
    )
    .option('--entities <list>', 'comma-separated entities that receive the shock (default: all)')
    .option(
      '--reach-mean <group>',
      'instead of a fixed change: every entity below the mean of this group in the last period rises to it (e.g. East)',
    )
    .option(
      '--group-by <column>',
      'text column holding the groups for --reach-mean (default: the entity group, e.g. region4 of china-sim)',
    )
    .option('--level <p>', 'interval level', Number, 0.95)
    .addHelpText(
      'after',
      `
Examples:
  nqpf scenario --data china-sim --formula "labor_productivity ~ rd_intensity + openness" --shock rd_intensity=+0.1 --entities Guangdong
  nqpf scenario --data china-sim --formula "labor_productivity ~ rd_intensity" --shock rd_intensity=0 --reach-mean East --out scen

Δy = (I − ρW)⁻¹(βI + θW)Δx, split into own (S_ii Δx_i) and spillover (Σ_j≠i S_ij Δx_j) parts; intervals are
quantiles over --draws parameter draws (seed --seed). --out writes scenario.csv and scenario-map.svg.
--json prints {"variable","shockText","rows":[{"entity","shock","total","own","spillover"}],"sum",...}.`,
    )
    .action(async (opts: ScenarioCliOptions) => {
      const panel = await loadSpatialPanel(opts);
      const weights = await spatialModelWeights(panel, opts);
      const { variable, delta } = parseShock(opts.shock);
      let shock: ScenarioShock;
      if (opts.reachMean) {
        const groupCol = opts.groupBy;
        const groupOf = new Map<string, string | undefined>();
        if (groupCol) {
          const col = panel.text[groupCol];
          if (!col)
            throw new InputError(`--group-by: no text column "${groupCol}"`, {
              hint: `text columns: ${Object.keys(panel.text).join(', ')}`,
            });
          panel.entity.forEach((id, r) => groupOf.set(id, col[r]));
        } else for (const e of panel.entities) groupOf.set(e.id, e.group);
        shock = { kind: 'reach-mean', variable, group: opts.reachMean, groupOf: (id) => groupOf.get(id) };
      } else shock = { kind: 'add', variable, delta, entities: opts.entities ? list(opts.entities) : undefined };
      const result = scenario(panel, {
        ...spatialModelOptions(opts, weights),
        shock,
        level: opts.level,
      });
      const files: string[] = [];
      if (opts.out) {
        await mkdir(opts.out, { recursive: true });
        files.push(
          ...(await writeTables(opts.out, {
            scenario: [
              [
                'entity',
                'shock',
                'total',
                'total_lower',
                'total_upper',
                'own',
                'own_lower',
                'own_upper',
                'spillover',
                'spillover_lower',
                'spillover_upper',
              ],
              ...result.rows.map((r) => [
                r.entity,
                r.shock,
                r.total.estimate,
                r.total.lower,
                r.total.upper,
                r.own.estimate,
                r.own.lower,
                r.own.upper,
                r.spillover.estimate,
                r.spillover.lower,
                r.spillover.upper,
              ]),
            ],
          })),
        );
        const { scenarioMapFigure } = await import('../../report/sections/spillover.js'); // maps (ECharts) load only with --out
        const fig = scenarioMapFigure(panel.entities, result, 'en').find((b) => b.kind === 'figure');
        if (fig && fig.kind === 'figure') {
          await writeFileAtomic(path.join(opts.out, 'scenario-map.svg'), fig.svg);
          files.push('scenario-map.svg');
        }
      }
      if (opts.json) {
        printJson({ ...result, data: panel.meta.name, ...(files.length ? { files } : {}) });
        return;
      }
      printNotes(result.notes);
      process.stdout.write(formatScenario(result) + '\n');
      if (files.length) process.stderr.write(`wrote ${files.map((f) => path.join(opts.out!, f)).join(', ')}\n`);
    });
}
