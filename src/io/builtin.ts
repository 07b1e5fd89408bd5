// STUB: replaced by the built-in datasets work (issue 2).
import type { Panel } from '../data/panel.js';

export function isBuiltinDataset(name: string): boolean {
  return name === 'world-pwt' || name === 'china-sim';
}

export async function loadBuiltinDataset(name: string): Promise<Panel> {
  throw new Error(`loadBuiltinDataset(${name}): not implemented yet`);
}
