import { describe, expect, expectTypeOf, it } from 'vitest';
import { InputError, renderOptions } from '../../src/core/errors.js';
import { COMMAND_OPTIONS, REGRESS_OPTIONS } from '../../src/options/commands.js';
import { checkOption, fromText, resolveOptions } from '../../src/options/check.js';
import { labelFace, optionControls } from '../../src/options/describe.js';
import { MEASURE_OPTIONS, NORMALIZE, WEIGHTS } from '../../src/options/measure.js';
import { LEVEL } from '../../src/options/models.js';
import { flagName, type OptionValues } from '../../src/options/option.js';
import { optionsSchema } from '../../src/options/schema.js';
import { cliFace } from '../../src/cli/options.js';
import type { RegressStageOptions } from '../../src/api/regress.js';
import { regress } from '../../src/api/regress.js';
import { loadBuiltinDataset } from '../../src/io/builtin.js';
import { inputError } from '../helpers/expect.js';
import { runInProcess } from '../helpers/cli.js';

describe('the option catalog', () => {
  it('describes every option of every command: camelCase key, unique flag, en/zh label and help, its choices', () => {
    expect(Object.keys(COMMAND_OPTIONS).length).toBeGreaterThan(1);
    for (const [command, defs] of Object.entries(COMMAND_OPTIONS)) {
      const keys = defs.map((d) => d.key);
      expect(new Set(keys).size, `${command}: a key twice`).toBe(keys.length);
      const flags = defs.map(flagName);
      expect(new Set(flags).size, `${command}: a flag twice`).toBe(flags.length);
      for (const d of defs) {
        const where = `${command} ${d.key}`;
        expect(d.key, where).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(d.label.en.length, where).toBeGreaterThan(0);
        expect(d.label.zh?.length, where).toBeGreaterThan(0);
        expect(d.help.en.length, where).toBeGreaterThan(5);
        expect(d.help.zh?.length, where).toBeGreaterThan(2);
        if (d.kind === 'choice') expect(d.choices?.().length, where).toBeGreaterThan(0);
        // a default passes the option's own check
        if (d.default !== undefined) expect(checkOption(d, d.default), where).toEqual(d.default);
      }
    }
  });

  it('checks values in one place: defaults, aliases from the registries, bounds, unknown and missing options', () => {
    const o = resolveOptions(MEASURE_OPTIONS, { normalize: 'z-score', weights: 'EWM+critic' });
    expect(o).toMatchObject({
      normalize: 'zscore',
      weights: 'entropy+critic',
      aggregate: 'arithmetic',
      impute: 'none',
    });
    expect(resolveOptions([LEVEL], {}).level).toBe(0.95);
    expect(fromText(LEVEL, '0.9')).toBe(0.9);
    inputError(() => fromText(LEVEL, 'high'), /^level takes a number \(got "high"\)$/);
    inputError(() => resolveOptions([LEVEL], { level: 1 }), /^level must be between 0 and 1 \(got 1\)$/);
    inputError(() => resolveOptions([NORMALIZE], { normalize: 'rank' }), /normalize must be one of minmax, .*zscore/);
    inputError(() => resolveOptions(REGRESS_OPTIONS, {}), /^formula is required$/);
    const e = inputError(() =>
      resolveOptions(REGRESS_OPTIONS, { formula: 'y ~ x', levle: 0.9 }, { unknown: 'error', where: 'analysis 1' }),
    );
    expect(e.message).toBe('analysis 1: unknown option "levle"');
    expect(e.hint).toContain('level');
    inputError(() => resolveOptions([WEIGHTS], { weights: 'magic' }), /unknown weights "magic"/);
  });

  it('names options by key; each face writes them in its own syntax', () => {
    const e = new InputError('{{level}} must be between 0 and 1 (got 2)', { hint: 'e.g. {{level=0.95}}' });
    expect(e.option).toBe('level');
    expect(e.message).toBe('level must be between 0 and 1 (got 2)');
    expect(e.hint).toBe('e.g. level: 0.95');
    expect(e.format('en', cliFace(REGRESS_OPTIONS))).toBe(
      '--level must be between 0 and 1 (got 2)\n  Fix: e.g. --level 0.95',
    );
    expect(e.format('zh', labelFace(REGRESS_OPTIONS, 'zh'))).toBe(
      '“置信水平” must be between 0 and 1 (got 2)\n  解决办法：e.g. “置信水平” = 0.95',
    );
    expect(renderOptions('{{perPeriod}} and {{keepSingletons=true}}', cliFace(COMMAND_OPTIONS.regress))).toBe(
      '--per-period and --keep-singletons',
    );
  });

  it('gives the library, the CLI and the project file the same check (regress --level 2)', async () => {
    const panel = await loadBuiltinDataset('china-sim');
    inputError(
      () => regress(panel, { formula: 'labor_productivity ~ rd_intensity', level: 2 }),
      /^level must be between 0 and 1 \(got 2\)$/,
    );
    const r = await runInProcess([
      'regress',
      '--data',
      'china-sim',
      '--formula',
      'labor_productivity ~ rd_intensity',
      '--level',
      '2',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--level must be between 0 and 1 (got 2)');
    expect(r.stderr).toContain('Fix: e.g. --level 0.95');
  });

  it('types the checked values as the stage function takes them', () => {
    expectTypeOf<OptionValues<typeof REGRESS_OPTIONS>>().toExtend<RegressStageOptions>();
    expectTypeOf<OptionValues<typeof REGRESS_OPTIONS>['level']>().toEqualTypeOf<number>();
    expectTypeOf<OptionValues<typeof REGRESS_OPTIONS>['vcov']>().toEqualTypeOf<string | undefined>();
  });

  it('gives the workbench its controls and the project file its schema', () => {
    const controls = optionControls(COMMAND_OPTIONS.measure, 'zh');
    const weights = controls.find((c) => c.key === 'weights')!;
    expect(weights).toMatchObject({ label: '权重', flag: '--weights', default: 'entropy', open: true });
    expect(weights.choices?.map((c) => c.value)).toEqual(['entropy', 'critic', 'cv', 'equal', 'fixed']);
    expect(controls.some((c) => c.key === 'out' || c.key === 'json')).toBe(false);
    const schema = optionsSchema(REGRESS_OPTIONS) as {
      required: string[];
      properties: Record<string, Record<string, unknown>>;
    };
    expect(schema.required).toEqual(['formula']);
    expect(schema.properties.level).toMatchObject({
      type: 'number',
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
      default: 0.95,
    });
  });
});
