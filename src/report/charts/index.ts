export {
  PALETTE,
  SEQUENTIAL,
  NO_DATA_FILL,
  FONT_FAMILY,
  renderSvg,
  svgOf,
  chartOption,
  baseOption,
  txt,
  type ChartBase,
  type ChartOption,
  type Text,
} from './theme.js';
export { lineChart, lineOption, type LineChartSpec, type LineSeries } from './line.js';
export { barChart, barOption, type BarChartSpec, type BarSeries } from './bar.js';
export { radarChart, radarOption, type RadarSpec } from './radar.js';
export { heatmapChart, heatmapOption, type HeatmapSpec } from './heatmap.js';
export { scatterChart, scatterOption, type ScatterSpec } from './scatter.js';
export { fanChart, fanOption, type FanChartSpec, type FanBand } from './fan.js';
export { ridgelineChart, ridgelineOption, type RidgelineSpec } from './ridgeline.js';
export {
  worldMap,
  chinaMap,
  worldMapOption,
  chinaMapOption,
  joinWorld,
  joinChina,
  LISA_CATEGORIES,
  type MapSpec,
  type MapJoin,
  type MapOverlay,
  type EllipseOverlay,
  type PointsOverlay,
  type ContinuousScale,
  type CategoricalScale,
} from './map.js';
export { CHINA_PROVINCES as CHINA_MAP_PROVINCES, chinaProvince, type ChinaProvince } from './china-provinces.js';
export { registerMaps, worldMapCodes, WORLD_MAP, CHINA_MAP } from './geodata.js';
export {
  rankUncertaintyChart,
  rankUncertaintyOption,
  type RankUncertaintySpec,
  type RankInterval,
} from './uncertainty.js';
export { coefPlotChart, coefPlotOption, type CoefPlotSpec, type CoefPoint } from './coefplot.js';
