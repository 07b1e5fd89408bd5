/** Small helpers to inspect chart SVG strings in tests. */

/** Number of occurrences of `needle` in `s`. */
export function count(s: string, needle: string | RegExp): number {
  if (typeof needle === 'string') return s.split(needle).length - 1;
  return (s.match(new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : `${needle.flags}g`)) ?? [])
    .length;
}

/** Fill colours of all <path> elements, with how many paths have each. */
export function pathFills(svg: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of svg.matchAll(/<path\b[^>]*?\sfill="([^"]*)"/g)) out.set(m[1], (out.get(m[1]) ?? 0) + 1);
  return out;
}

/** Map regions coloured by a visual map (ECharts writes their fills as rgb(...)), black excluded. */
export function colouredRegions(svg: string): number {
  let n = 0;
  for (const [fill, k] of pathFills(svg)) if (fill.startsWith('rgb(') && fill !== 'rgb(0,0,0)') n += k;
  return n;
}

/** Text content of all <text> elements. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}
