import type { Command } from 'commander';
import { registerDemo } from './demo.js';
import { registerDatasets } from './datasets.js';
import { registerFrameworks } from './frameworks.js';
import { registerMeasure } from './measure.js';
import { registerRegress } from './regress.js';

/** Every CLI command registers itself on the program; one line per command file. */
export const commands: Array<(program: Command) => void> = [registerDemo, registerDatasets, registerFrameworks, registerMeasure, registerRegress];
