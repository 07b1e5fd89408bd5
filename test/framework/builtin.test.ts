import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { builtinFrameworkIds, getBuiltinFramework } from '../../src/framework/builtin.js';
import { frameworkNotes, loadFramework } from '../../src/framework/load.js';
import { systemIndicators } from '../../src/framework/tree.js';

// The 30 indicator columns of china-sim (team brief), system/dimension/column (direction).
const SEED: Record<string, Record<string, string[]>> = {
  innovation: {
    technological: ['rd_intensity', 'invention_patents_per10k', 'rd_fte_per10k', 'tech_market_gdp'],
    institutional: ['gov_st_spending_share', 'marketization_index'],
    model: ['digital_finance_index', 'ecommerce_firm_share'],
  },
  nqpf: {
    laborers: ['tertiary_edu_share', 'schooling_years', 'labor_productivity'],
    means_of_labor: ['broadband_ports_per100', 'robot_density', 'fiber_km_per_km2', 'energy_intensity'],
    objects_of_labor: ['forest_coverage', 'so2_intensity', 'nonfossil_power_share'],
  },
  industry: {
    upgrading: ['tertiary_secondary_ratio', 'hightech_revenue_share'],
    strategic_emerging: ['sei_value_added_share', 'nev_per10k'],
    future: ['digital_core_share', 'ai_firms_per_million'],
  },
  talent: {
    cultivation: ['edu_spending_gdp', 'postgrad_per10k'],
    evaluation: ['st_awards_per_million', 'research_wage_ratio'],
    aggregation: ['high_skill_emp_share', 'talent_net_inflow'],
  },
};
const COST = new Set(['energy_intensity', 'so2_intensity']);

describe('built-in frameworks', () => {
  it('lists seed and pwt', () => {
    expect(builtinFrameworkIds()).toEqual(['seed', 'pwt']);
    expect(() => getBuiltinFramework('nope')).toThrow(InputError);
  });

  it('seed has exactly the 30 china-sim columns in the brief’s systems, dimensions and directions', () => {
    const f = getBuiltinFramework('seed');
    const tree: Record<string, Record<string, string[]>> = {};
    for (const s of f.systems) {
      tree[s.id] = {};
      for (const p of systemIndicators(s)) {
        (tree[s.id][p.path[0]] ??= []).push(p.indicator.column);
        expect(p.indicator.direction).toBe(COST.has(p.indicator.column) ? '-' : '+');
        expect(p.indicator.unit, p.indicator.id).toBeTruthy();
        expect(p.indicator.name.zh, p.indicator.id).toBeTruthy();
        expect(p.indicator.description?.length ?? 0, p.indicator.id).toBeGreaterThan(30);
        expect(p.indicator.source, p.indicator.id).toBeTruthy();
      }
    }
    expect(tree).toEqual(SEED);
    expect(f.systems.flatMap((s) => systemIndicators(s)).length).toBe(30);
  });

  it('no built-in framework uses a column twice or in two systems', () => {
    for (const id of builtinFrameworkIds()) expect(frameworkNotes(getBuiltinFramework(id))).toEqual([]);
  });

  it('pwt is one system pf with the eight PWT columns, all benefit', () => {
    const f = getBuiltinFramework('pwt');
    expect(f.systems.map((s) => s.id)).toEqual(['pf']);
    const cols = Object.fromEntries(f.systems[0].dimensions.map((d) => [d.id, d.indicators?.map((i) => i.column)]));
    expect(cols).toEqual({
      laborers: ['hc', 'avh', 'emp_rate'],
      means_of_labor: ['k_per_worker', 'ck_per_worker', 'csh_i'],
      productivity: ['ctfp', 'y_per_worker'],
    });
    expect(systemIndicators(f.systems[0]).every((p) => p.indicator.direction === '+')).toBe(true);
  });

  it('built-ins pass through the file loader unchanged (they satisfy the schema)', () => {
    for (const id of builtinFrameworkIds()) {
      const f = getBuiltinFramework(id);
      const again = loadFramework(JSON.parse(JSON.stringify(f)), `${id}.json`);
      expect(again.systems).toEqual(f.systems);
    }
  });
});
