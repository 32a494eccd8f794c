import { BarChart, GaugeChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// The chart types the dashboard draws beside the bars EChart registers: the gauge of the
// projected index and the area × unit heatmap (ECharts keeps one registry for the app).
echarts.use([
  BarChart,
  GaugeChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { EChart } from '../../components/EChart';
