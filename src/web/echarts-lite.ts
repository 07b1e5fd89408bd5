/**
 * ECharts as the workbench bundles it: `echarts/core` with only the charts, components and renderers
 * nqpf's chart module uses (tree-shaken; the full build is 1.3 MB). The Vite config aliases the
 * bare `echarts` import of src/report/charts to this module, so the report's chart definitions and
 * its SVG renderer run unchanged in the browser and in the worker.
 */
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, LinesChart, MapChart, RadarChart, ScatterChart } from 'echarts/charts';
import {
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  LinesChart,
  MapChart,
  RadarChart,
  ScatterChart,
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export * from 'echarts/core';
