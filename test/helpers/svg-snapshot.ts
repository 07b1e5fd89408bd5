import { embedSvg } from '../../src/report/svg-embed.js';

/**
 * A chart SVG in the form the snapshot files keep: ids renamed as the report renames them when it
 * inlines a figure ({@link embedSvg}: ECharts' process-wide `zrN-` counter becomes `chart-`, so the
 * snapshot does not depend on how many charts the process drew before), numbers with more than three
 * decimals rounded to three (sub-pixel noise is not a change; Observable Plot's snapshot tests do the
 * same), and one element per line so that a diff shows which element changed.
 */
export function snapshotSvg(svg: string): string {
  return (
    embedSvg(svg, 'chart')
      .replace(/-?\d+\.\d{4,}/g, (d) => String(Number(Number(d).toFixed(3))))
      .replace(/>\s*</g, '>\n<')
      .trim() + '\n'
  );
}
