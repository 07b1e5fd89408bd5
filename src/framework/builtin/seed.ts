import type { Framework } from '../types.js';
import { dim, ind } from './build.js';

/**
 * The `seed` framework: the mechanism of Zhao & Chen, "Research on the Fundamental Logic and
 * Mechanism of Scientific and Technological Innovation Empowering the Development of New Quality
 * Productive Forces", as four systems. Innovation (technological,
 * institutional and model innovation, the paper's §2) drives NQPF itself, read through Marx's three
 * elements of the productive forces (laborers, means of labour, objects of labour, §3), through the
 * industrial layout (upgrading, strategic emerging and future industries, §4) and talent
 * (cultivation, evaluation, aggregation, §5).
 *
 * Indicators are the usual provincial ones of NQPF measurement papers: R&D, patents and
 * digital finance for innovation; schooling, broadband, robots and energy/emission intensity for the
 * three elements; high-tech and strategic-emerging shares for industry; education spending,
 * postgraduates and research wages for talent. No column appears in two systems, so coupling and
 * regressions between the systems are not mechanical (a shared indicator would correlate the two
 * scores by construction). The column names are
 * those of the built-in `china-sim` dataset; with real yearbook data, name the columns the same or
 * copy this framework to a YAML file and change `column`.
 */

const CSY = 'China Statistical Yearbook (NBS)';
const CSTSY = 'China Science and Technology Statistical Yearbook (NBS & MOST)';

export const seedFramework: Framework = {
  id: 'seed',
  name: { en: 'Innovation-driven NQPF (after Zhao & Chen)', zh: '科技创新赋能新质生产力（依 Zhao 与 Chen）' },
  description:
    'Four systems after Zhao & Chen (Dalian University of Technology), "Research on the Fundamental Logic and Mechanism of Scientific and Technological Innovation Empowering the Development of New Quality Productive Forces": innovation drives new quality productive forces through industrial layout and talent. Column names match the built-in china-sim dataset.',
  systems: [
    {
      id: 'innovation',
      name: { en: 'Scientific and technological innovation', zh: '科技创新' },
      description: 'Technological, institutional and model innovation (seed §2).',
      dimensions: [
        dim('technological', 'Technological innovation', '技术创新', [
          ind(
            'rd_intensity',
            '+',
            '% of GDP',
            'R&D intensity',
            '研发投入强度',
            'R&D expenditure divided by GDP: the standard input measure of innovation effort.',
            CSTSY,
          ),
          ind(
            'invention_patents_per10k',
            '+',
            'valid invention patents per 10,000 people',
            'Invention patents per 10,000 people',
            '每万人发明专利拥有量',
            'Valid (in force) invention patents per 10,000 residents: the usual output measure of innovation, a national target indicator (utility models excluded as less novel).',
            `${CSTSY}; CNIPA annual report`,
          ),
          ind(
            'rd_fte_per10k',
            '+',
            'person-years per 10,000 people',
            'R&D personnel (FTE) per 10,000 people',
            '每万人R&D人员全时当量',
            'Full-time-equivalent R&D personnel per 10,000 residents: the human input of innovation.',
            CSTSY,
          ),
          ind(
            'tech_market_gdp',
            '+',
            '% of GDP',
            'Technology market turnover to GDP',
            '技术市场成交额占GDP比重',
            'Contract value of the technology market relative to GDP: how much new technology is traded and transferred.',
            CSTSY,
          ),
        ]),
        dim('institutional', 'Institutional innovation', '制度创新', [
          ind(
            'gov_st_spending_share',
            '+',
            '% of budget expenditure',
            'Government S&T spending share',
            '财政科技支出占比',
            'Science and technology spending in the general public budget: the state’s institutional commitment to innovation.',
            CSY,
          ),
          ind(
            'marketization_index',
            '+',
            'index score',
            'Marketization index',
            '市场化指数',
            'Fan Gang / Wang Xiaolu provincial marketization index: market-oriented allocation of factors (seed §2.2).',
            'Wang, Fan & Hu, Marketization Index of China’s Provinces (NERI report)',
          ),
        ]),
        dim('model', 'Model innovation', '模式创新', [
          ind(
            'digital_finance_index',
            '+',
            'index score',
            'Digital financial inclusion index',
            '数字普惠金融指数',
            'Peking University Digital Financial Inclusion Index: new business models built on digital technology (seed §2.3).',
            'Peking University Digital Finance Research Center (PKU-DFIIC)',
          ),
          ind(
            'ecommerce_firm_share',
            '+',
            '% of enterprises',
            'Share of firms trading online',
            '有电子商务交易活动的企业比重',
            'Share of enterprises with e-commerce transactions: diffusion of platform-based business models.',
            `${CSY}, informatization and e-commerce tables`,
          ),
        ]),
      ],
    },
    {
      id: 'nqpf',
      name: { en: 'New quality productive forces', zh: '新质生产力' },
      description:
        'The productive forces themselves, by Marx’s three elements: laborers, means of labour, objects of labour (seed §3).',
      dimensions: [
        dim('laborers', 'Laborers', '劳动者', [
          ind(
            'tertiary_edu_share',
            '+',
            '% of population aged 6+',
            'Population with tertiary education',
            '大专及以上学历人口占比',
            'Share of the population with college education or above: the quality of the labour force.',
            'China Population and Employment Statistics Yearbook',
          ),
          ind(
            'schooling_years',
            '+',
            'years',
            'Average years of schooling',
            '人均受教育年限',
            'Average years of schooling of the population aged 6 and over, from the educational attainment shares.',
            'China Population and Employment Statistics Yearbook',
          ),
          ind(
            'labor_productivity',
            '+',
            '10,000 yuan per worker',
            'Labour productivity',
            '劳动生产率',
            'GDP divided by employment: what a worker produces.',
            CSY,
          ),
        ]),
        dim('means_of_labor', 'Means of labour', '劳动资料', [
          ind(
            'broadband_ports_per100',
            '+',
            'ports per 100 people',
            'Broadband ports per 100 people',
            '每百人互联网宽带接入端口数',
            'Internet broadband access ports per 100 residents: digital infrastructure, the new means of labour.',
            `${CSY}; MIIT`,
          ),
          ind(
            'robot_density',
            '+',
            'robots per 10,000 manufacturing workers',
            'Industrial robot density',
            '工业机器人安装密度',
            'Operational industrial robots per 10,000 manufacturing workers (IFR national stock allocated to provinces by industry employment): intelligent equipment.',
            'International Federation of Robotics; China Labour Statistical Yearbook',
          ),
          ind(
            'fiber_km_per_km2',
            '+',
            'km per km²',
            'Optical cable density',
            '长途光缆线路密度',
            'Length of optical cable lines per square kilometre of land: network infrastructure.',
            `${CSY}; MIIT`,
          ),
          ind(
            'energy_intensity',
            '-',
            'tce per 10,000 yuan of GDP',
            'Energy intensity',
            '单位GDP能耗',
            'Energy consumption per unit of GDP, a cost indicator: new means of labour use less energy per unit of output.',
            'China Energy Statistical Yearbook',
          ),
        ]),
        dim('objects_of_labor', 'Objects of labour', '劳动对象', [
          ind(
            'forest_coverage',
            '+',
            '% of land area',
            'Forest coverage',
            '森林覆盖率',
            'Forest area over land area: the ecological base that green productive forces work on.',
            `${CSY}; China Forestry and Grassland Statistical Yearbook`,
          ),
          ind(
            'so2_intensity',
            '-',
            'kg per 10,000 yuan of GDP',
            'SO₂ emission intensity',
            '单位GDP二氧化硫排放量',
            'Sulphur dioxide emissions per unit of GDP, a cost indicator: pollution embodied in production.',
            'China Environmental Statistical Yearbook',
          ),
          ind(
            'nonfossil_power_share',
            '+',
            '% of electricity generated',
            'Non-fossil electricity share',
            '非化石能源发电占比',
            'Share of electricity generated from hydro, nuclear, wind and solar: new energy as a new object of labour.',
            'China Electric Power Yearbook; China Energy Statistical Yearbook',
          ),
        ]),
      ],
    },
    {
      id: 'industry',
      name: { en: 'Industrial layout', zh: '产业布局' },
      description: 'Industrial upgrading, strategic emerging industries and future industries (seed §4).',
      dimensions: [
        dim('upgrading', 'Industrial upgrading', '产业升级', [
          ind(
            'tertiary_secondary_ratio',
            '+',
            'ratio',
            'Tertiary to secondary value added',
            '第三产业与第二产业增加值之比',
            'Value added of services over industry: the usual measure of structural upgrading (产业结构高级化).',
            CSY,
          ),
          ind(
            'hightech_revenue_share',
            '+',
            '% of industrial revenue',
            'High-tech industry revenue share',
            '高技术产业营业收入占比',
            'Operating revenue of high-technology manufacturing over that of all industrial enterprises above designated size.',
            'China High Technology Industry Statistics Yearbook',
          ),
        ]),
        dim('strategic_emerging', 'Strategic emerging industries', '战略性新兴产业', [
          ind(
            'sei_value_added_share',
            '+',
            '% of GDP',
            'Strategic emerging industries value added',
            '战略性新兴产业增加值占GDP比重',
            'Value added of the nine strategic emerging industries relative to GDP.',
            'Provincial statistical communiqués; NBS',
          ),
          ind(
            'nev_per10k',
            '+',
            'vehicles per 10,000 people',
            'New energy vehicles per 10,000 people',
            '每万人新能源汽车保有量',
            'Stock of new energy vehicles per 10,000 residents: uptake of a flagship emerging industry.',
            'Ministry of Public Security vehicle registrations; CAAM',
          ),
        ]),
        dim('future', 'Future industries', '未来产业', [
          ind(
            'digital_core_share',
            '+',
            '% of GDP',
            'Digital economy core industries share',
            '数字经济核心产业增加值占比',
            'Value added of the core digital economy industries relative to GDP (NBS 2021 classification).',
            'Provincial statistical communiqués; CAICT',
          ),
          ind(
            'ai_firms_per_million',
            '+',
            'firms per million people',
            'AI firms per million people',
            '每百万人人工智能企业数',
            'Registered artificial-intelligence firms per million residents: seeds of future industries.',
            'Business registration data (e.g. Qichacha/Tianyancha)',
          ),
        ]),
      ],
    },
    {
      id: 'talent',
      name: { en: 'Sci-tech talent', zh: '科技人才' },
      description: 'Cultivation, evaluation (incentives) and aggregation of sci-tech talent (seed §5).',
      dimensions: [
        dim('cultivation', 'Talent cultivation', '人才培养', [
          ind(
            'edu_spending_gdp',
            '+',
            '% of GDP',
            'Public education spending to GDP',
            '教育经费占GDP比重',
            'Public expenditure on education relative to GDP: investment in cultivating talent.',
            'China Educational Finance Statistical Yearbook',
          ),
          ind(
            'postgrad_per10k',
            '+',
            'students per 10,000 people',
            'Postgraduate students per 10,000 people',
            '每万人在校研究生数',
            'Postgraduate enrolment per 10,000 residents: the flow of high-level talent being trained.',
            'China Education Statistical Yearbook',
          ),
        ]),
        dim('evaluation', 'Talent evaluation and incentives', '人才评价', [
          ind(
            'st_awards_per_million',
            '+',
            'awards per million people',
            'S&T awards per million people',
            '每百万人科技奖励数',
            'Provincial science and technology awards per million residents: recognition of research achievements.',
            'Provincial S&T departments; China S&T Statistical Yearbook',
          ),
          ind(
            'research_wage_ratio',
            '+',
            'ratio',
            'Relative wage in research',
            '科研行业相对工资',
            'Average wage in scientific research and technical services over the average urban wage: the incentive to do research.',
            'China Labour Statistical Yearbook',
          ),
        ]),
        dim('aggregation', 'Talent aggregation', '人才集聚', [
          ind(
            'high_skill_emp_share',
            '+',
            '% of employment',
            'High-skill employment share',
            '专业技术人员就业占比',
            'Employed persons in professional and technical occupations over all employment: where skilled people end up working.',
            'China Labour Statistical Yearbook',
          ),
          ind(
            'talent_net_inflow',
            '+',
            'graduates per 10,000 people (negative = outflow)',
            'Net inflow of talent',
            '人才净流入',
            'Net inflow of university graduates per 10,000 residents (negative = net outflow): whether a province attracts talent.',
            'Population census and 1% sample surveys; recruitment platform data',
          ),
        ]),
      ],
    },
  ],
};
