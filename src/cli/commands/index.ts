import type { Command } from 'commander';
import { registerDatasets } from './datasets.js';
import { registerFrameworks } from './frameworks.js';
import { registerMeasure } from './measure.js';

/** Every CLI command registers itself on the program; one line per command file. */
export const commands: Array<(program: Command) => void> = [registerDatasets, registerFrameworks, registerMeasure];
