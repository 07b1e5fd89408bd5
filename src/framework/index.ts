export type { Framework, System, Dimension, Indicator, Direction } from './types.js';
export { loadFramework, frameworkNotes } from './load.js';
export { validateAgainstPanel } from './validate-panel.js';
export {
  frameworkColumns,
  systemIndicators,
  systemDimensions,
  type PlacedIndicator,
  type PlacedDimension,
} from './tree.js';
export { builtinFrameworkIds, getBuiltinFramework, isBuiltinFramework } from './builtin.js';
export { seedFramework } from './builtin/seed.js';
export { pwtFramework } from './builtin/pwt.js';
export { expandFlatFramework, flatFrameworkSpec, normaliseDirection } from './flat.js';
