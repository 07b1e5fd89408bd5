/**
 * Made-up example files for the help and README examples (not real statistics; a fixed seed):
 *   examples/panel.csv          20 provinces × 2014–2023: innov → layout, talent → nqpf with a threshold in lngdp,
 *                               controls urban, open, and x, y, z for the regress examples.
 *   examples/system-scores.csv  10 provinces × 2016–2023: scores U1, U2, U3 of three systems in (0, 1).
 *   examples/borders.csv        neighbour pairs of the 10 provinces of examples/provinces.csv.
 *   examples/firms.csv          60 firms × 2015–2022: tfp, rd, size, lev, 5 industries, a 0/1 soe column.
 * Run: npx tsx scripts/gen-examples.ts
 */
import { writeFileSync } from 'node:fs';
import { Rng } from '../src/core/rng.js';

const rng = new Rng(20240501);
const r4 = (x: number) => x.toFixed(4);

const provinces = [
  'Beijing',
  'Tianjin',
  'Hebei',
  'Shanxi',
  'Liaoning',
  'Shanghai',
  'Jiangsu',
  'Zhejiang',
  'Anhui',
  'Fujian',
  'Jiangxi',
  'Shandong',
  'Henan',
  'Hubei',
  'Hunan',
  'Guangdong',
  'Chongqing',
  'Sichuan',
  'Shaanxi',
  'Gansu',
];
const panel = ['id,year,innov,layout,talent,nqpf,urban,open,lngdp,x,y,z'];
for (const p of provinces) {
  const level = rng.normal(0, 0.6);
  const gdp0 = 10.2 + 0.5 * level + rng.normal(0, 0.15);
  const fe = rng.normal(0, 0.3);
  for (let t = 0; t < 10; t++) {
    const innov = level + 0.12 * t + rng.normal(0, 0.25);
    const layout = 0.5 * innov + 0.3 * fe + rng.normal(0, 0.2);
    const talent = 0.3 * innov + rng.normal(0, 0.2);
    const lngdp = gdp0 + 0.07 * t + rng.normal(0, 0.03);
    const urban = 0.45 + 0.08 * level + 0.01 * t + rng.normal(0, 0.02);
    const open = 0.3 + 0.05 * level + rng.normal(0, 0.05);
    // the effect of innovation doubles above lngdp = 10.6 (a made-up threshold)
    const nqpf =
      (lngdp > 10.6 ? 0.6 : 0.3) * innov +
      0.3 * layout +
      0.2 * talent +
      0.5 * urban +
      fe +
      0.02 * t +
      rng.normal(0, 0.15);
    const x = innov + rng.normal(0, 0.1);
    const z = open + rng.normal(0, 0.05);
    const y = Math.exp(1 + 0.2 * x + 0.3 * z + 0.5 * fe + rng.normal(0, 0.05));
    panel.push(
      [
        p,
        2014 + t,
        r4(innov),
        r4(layout),
        r4(talent),
        r4(nqpf),
        r4(urban),
        r4(open),
        r4(lngdp),
        r4(x),
        r4(y),
        r4(z),
      ].join(','),
    );
  }
}
writeFileSync('examples/panel.csv', panel.join('\n') + '\n');

const ten = [
  'Beijing',
  'Tianjin',
  'Hebei',
  'Shanghai',
  'Jiangsu',
  'Zhejiang',
  'Guangdong',
  'Sichuan',
  'Shaanxi',
  'Gansu',
];
const scores = ['province,year,U1,U2,U3'];
for (const p of ten) {
  const base = [0.2, 0.25, 0.15].map((b) => b + rng.uniform() * 0.2);
  const growth = [0.06, 0.05, 0.07].map((g) => g + rng.uniform() * 0.02);
  for (let t = 0; t < 8; t++) {
    const u = base.map((b, k) => Math.min(0.95, b * Math.exp(growth[k] * t) * (1 + rng.normal(0, 0.005))));
    scores.push([p, 2016 + t, ...u.map(r4)].join(','));
  }
}
writeFileSync('examples/system-scores.csv', scores.join('\n') + '\n');

// Shared borders among the 10 provinces of examples/provinces.csv, spelled in Chinese to show that a
// neighbour file may spell provinces differently from the data (北京 joins Beijing).
const borders = [
  'a,b',
  '北京,天津',
  '北京,河北',
  '天津,河北',
  '河北,河南',
  '河南,安徽',
  '安徽,江苏',
  '安徽,浙江',
  '江苏,上海',
  '江苏,浙江',
  '上海,浙江',
  '甘肃,四川',
];
writeFileSync('examples/borders.csv', borders.join('\n') + '\n');

// examples/firms.csv — made-up listed firms (60 firms × 2015–2022, 5 industries, a state-owned dummy)
// for the regression examples: combined fixed effects industry^year, a heterogeneity split by the 0/1
// column soe and the test of the difference between the groups. Its own seed, so the files above
// do not change when it is edited.
const frng = new Rng(20250308);
const firms = ['firm,year,industry,soe,tfp,rd,size,lev'];
const industries = ['C26', 'C27', 'C35', 'C39', 'I65'];
const indYear = industries.map(() => Array.from({ length: 8 }, () => frng.normal(0, 0.1)));
for (let f = 0; f < 60; f++) {
  const k = f % industries.length;
  const soe = frng.uniform() < 0.4 ? 1 : 0;
  const fe = frng.normal(0, 0.4);
  const rd0 = Math.max(0.2, 2 + frng.normal(0, 1));
  const size0 = 21.5 + frng.normal(0, 1.2) + 0.5 * soe;
  for (let t = 0; t < 8; t++) {
    const rd = Math.max(0.05, rd0 + 0.1 * t + frng.normal(0, 0.4));
    const size = size0 + 0.05 * t + frng.normal(0, 0.1);
    const lev = Math.min(0.95, Math.max(0.05, 0.45 + 0.1 * soe + frng.normal(0, 0.12)));
    // the effect of R&D on TFP is smaller in state-owned firms (a made-up difference)
    const tfp =
      6 + fe + indYear[k][t] + (soe ? 0.05 : 0.15) * rd + 0.1 * (size - 21.5) - 0.3 * lev + frng.normal(0, 0.1);
    firms.push(
      [`F${String(f + 1).padStart(3, '0')}`, 2015 + t, industries[k], soe, r4(tfp), r4(rd), r4(size), r4(lev)].join(
        ',',
      ),
    );
  }
}
writeFileSync('examples/firms.csv', firms.join('\n') + '\n');
