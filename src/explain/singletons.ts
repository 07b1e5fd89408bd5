/**
 * Iteratively remove singleton observations: rows whose level of some fixed effect occurs only once
 * among the kept rows. Removing one can create another (its other FE level may drop to one row), so
 * passes repeat until none is left — reghdfe's default (Correia 2015, "Singletons, cluster-robust
 * standard errors and fixed effects: a bad mix"). A singleton's FE absorbs it perfectly, so keeping
 * it changes no coefficient but inflates the degrees of freedom and biases cluster-robust SEs down.
 *
 * @param codes one Int32Array of level codes per FE dimension (0-based)
 * @param nLevels number of levels of each dimension
 * @param keep 1 = row in the sample; modified in place (singletons set to 0)
 * @returns number of rows removed
 */
export function removeSingletons(codes: readonly Int32Array[], nLevels: readonly number[], keep: Uint8Array): number {
  let removed = 0;
  const counts = nLevels.map((L) => new Int32Array(L));
  for (;;) {
    for (let k = 0; k < codes.length; k++) {
      const c = counts[k];
      c.fill(0);
      const code = codes[k];
      for (let i = 0; i < keep.length; i++) if (keep[i]) c[code[i]]++;
    }
    // Common case first: no level occurs exactly once, nothing to scan.
    if (counts.every((c) => !c.includes(1))) return removed;
    let changed = 0;
    for (let i = 0; i < keep.length; i++) {
      if (!keep[i]) continue;
      for (let k = 0; k < codes.length; k++) {
        if (counts[k][codes[k][i]] === 1) {
          keep[i] = 0;
          changed++;
          break;
        }
      }
    }
    removed += changed;
    if (changed === 0) return removed;
  }
}
