import type { Framework } from '../types.js';
import { dim, ind } from './build.js';

const PWT = 'Penn World Table 9.1 (Feenstra, Inklaar & Timmer 2015, AER 105(10); CC BY 4.0)';

/**
 * The `pwt` framework: productive forces of countries read from Penn World Table 9.1 variables,
 * in the three-part structure of the NQPF literature adapted to what PWT measures: the laborers
 * (their quality, hours and how many work), the means of labour (capital stock and capital
 * services per worker, investment), and productivity (TFP and output per worker) as the outcome of
 * how the two combine. Columns are those of the built-in `world-pwt` dataset (emp_rate = emp/pop,
 * k_per_worker = cn/emp, ck_per_worker = (ck/emp)/(ck_USA/emp_USA) in the same year,
 * y_per_worker = rgdpo/emp).
 *
 * Why `ctfp` and not `rtfpna`: rtfpna is TFP at constant national prices, set to 1 in 2017 for
 * every country, so it compares a country with itself over time but says nothing about levels
 * across countries (a country with rtfpna = 1.2 in 2000 is not more productive than one with 0.9).
 * A pooled composite index ranks countries, so it needs ctfp, TFP at current PPPs relative to the
 * USA (= 1), which is comparable across countries within a year.
 *
 * Why `ck_per_worker` and not `ck`: PWT's ck is the capital services level of the whole economy
 * (USA = 1), so it ranks countries by size. Its skewed distribution took 0.56 of the entropy weight
 * on world-pwt and made China (ck passes the USA's in 2012) the top country for productive forces
 * from 2016 (2015 with --impute linear), with 19% of US capital services per worker in 2012 and 27%
 * in 2017. Per person engaged and re-based on the USA each year, it measures the capital services
 * each worker has, a quality of the means of labour like the other indicators.
 */
export const pwtFramework: Framework = {
  id: 'pwt',
  name: { en: 'Productive forces (Penn World Table)', zh: '生产力（宾大世界表）' },
  description:
    'One system, pf, with laborers, means of labour and productivity measured by Penn World Table 9.1 variables; for cross-country comparison of productive forces.',
  systems: [
    {
      id: 'pf',
      name: { en: 'Productive forces', zh: '生产力' },
      description: 'Laborers, means of labour and productivity of national economies (PWT 9.1).',
      dimensions: [
        dim('laborers', 'Laborers', '劳动者', [
          ind(
            'hc',
            '+',
            'index (1 = no schooling)',
            'Human capital index',
            '人力资本指数',
            'PWT human capital index from years of schooling (Barro-Lee, Cohen-Soto-Leker) and returns to education (Psacharopoulos): the quality of the laborers, the closest PWT has to the literature’s education indicators.',
            PWT,
          ),
          ind(
            'avh',
            '+',
            'hours per worker per year',
            'Average hours worked',
            '人均年工作小时',
            'Annual hours worked per employed person: the quantity of labour each worker supplies. Treated as a benefit (more labour input); note that hours fall as countries get richer, so entropy weights may reward poorer economies here, and many countries lack avh, so it limits the sample.',
            PWT,
          ),
          ind(
            'emp_rate',
            '+',
            'share of population',
            'Employment rate',
            '就业率',
            'Persons engaged (emp) over population (pop): how much of the population takes part in production.',
            PWT,
          ),
        ]),
        dim('means_of_labor', 'Means of labour', '劳动资料', [
          ind(
            'k_per_worker',
            '+',
            '2011 US$ (PPP) per worker',
            'Capital stock per worker',
            '人均资本存量',
            'Capital stock at current PPPs (cn) per person engaged: the equipment and structures each worker works with.',
            PWT,
          ),
          ind(
            'ck_per_worker',
            '+',
            'index (USA = 1)',
            'Capital services per worker',
            '劳均资本服务',
            'Capital services at current PPPs per person engaged, relative to the USA in the same year: (ck/emp)/(ck_USA/emp_USA). The flow of services from the capital stock that each worker works with, comparable across countries in a year. Per worker because PWT’s ck is a whole-economy level: it grows with the size of the economy and would rank countries by size (China passes the USA in 2012) rather than by the quality of their means of labour.',
            PWT,
          ),
          ind(
            'csh_i',
            '+',
            'share of GDP',
            'Investment share',
            '资本形成占比',
            'Share of gross capital formation in GDP at current PPPs: how fast the means of labour are being renewed and extended.',
            PWT,
          ),
        ]),
        dim('productivity', 'Productivity', '生产效率', [
          ind(
            'ctfp',
            '+',
            'index (USA = 1)',
            'TFP level at current PPPs',
            '全要素生产率水平',
            'TFP at current PPPs relative to the USA: the efficiency with which labour and capital combine, comparable across countries (unlike rtfpna, which is normalised to 1 in 2017 for every country).',
            PWT,
          ),
          ind(
            'y_per_worker',
            '+',
            '2011 US$ (PPP) per worker',
            'Output per worker',
            '劳均产出',
            'Output-side real GDP at chained PPPs (rgdpo) per person engaged: labour productivity, the summary outcome of the productive forces.',
            PWT,
          ),
        ]),
      ],
    },
  ],
};
