/**
 * Inline SVG figures in one HTML document: only plain chart SVG is accepted, and ids are renamed so
 * that several figures can share the page and the output is the same on every run.
 */

/**
 * Check that `svg` is one plain `<svg>` element: no scripts, foreignObject, event handlers or links
 * other than same-document `#id` references.
 *
 * @throws RangeError otherwise.
 */
export function checkSvg(svg: string): void {
  const s = svg.trim();
  if (
    !s.startsWith('<svg') ||
    !s.endsWith('</svg>') ||
    /<script|<foreignObject|\son[a-z]+\s*=|href\s*=\s*["']?(?!#)/i.test(s)
  ) {
    throw new RangeError(
      'renderReport: a figure must be a plain <svg> element without scripts, event handlers or external links',
    );
  }
}

/**
 * The SVG ready to inline under the id prefix `prefix` (e.g. `fig3`). ECharts names ids after a
 * process-wide renderer counter (zr0-, zr1-, …) and CSS classes after another, both depending on how
 * many charts the process drew before; inline SVGs share one document, so they are named after the
 * figure instead: unique and reproducible. ECharts' interaction metadata (ecmeta_*, pointer-events) does nothing in a static
 * page and is dropped.
 */
export function embedSvg(svg: string, prefix: string): string {
  // zrender numbers its CSS classes (zrN-cls-K) with a second process-wide counter; renumber them in
  // order of first appearance so that the same chart gives the same text in every run.
  const classes = new Map<string, number>();
  return svg
    .trim()
    .replace(/\bzr\d+-/g, `${prefix}-`)
    .replace(new RegExp(`\\b${prefix}-cls-(\\d+)\\b`, 'g'), (_, k: string) => {
      if (!classes.has(k)) classes.set(k, classes.size);
      return `${prefix}-cls-${classes.get(k)}`;
    })
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ pointer-events="visible"/g, '');
}
