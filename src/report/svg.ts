// ECharts rendered to an SVG string on the server side (no DOM), cleaned so the same option gives the same bytes.
import * as echarts from 'echarts/core';
import { CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([CustomChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

/** The option object ECharts takes (plain data plus render functions of custom series). */
export type ChartOption = echarts.EChartsCoreOption;

/**
 * Renders an ECharts option to an inline SVG string: server-side rendering with the SVG renderer, animation off,
 * then {@link cleanSvg} with `id` as the prefix of the SVG's internal ids (clip paths), so figures in one page never
 * share an id and two renders of the same option are byte-identical. Width and height in CSS pixels.
 * Example: `chartSvg('fig-war', { xAxis: {...}, series: [...] }, 720, 320)`.
 */
export function chartSvg(id: string, option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif' }, ...option });
    return cleanSvg(chart.renderToSVGString(), id);
  } finally {
    chart.dispose();
  }
}

/**
 * Makes an SSR SVG deterministic and static. ZRender names ids and classes after a process-wide instance counter
 * (`zr3-c0`), which differs between two renders of the same chart: those prefixes become `id`. The hover style
 * sheet, its classes and the `ecmeta_*` attributes serve only interactive charts and are dropped.
 */
export function cleanSvg(svg: string, id: string): string {
  return svg
    .replace(/<style\s*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/\bzr\d+-/g, `${id}-`)
    .replace(/<svg /, `<svg id="${id}" role="img" `)
    .trim();
}
