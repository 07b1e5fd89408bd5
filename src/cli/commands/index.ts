import type { Command } from 'commander';
import { registerDemo } from './demo.js';
import { registerDatasets } from './datasets.js';
import { registerFrameworks } from './frameworks.js';
import { registerMeasure } from './measure.js';
import { registerMoran } from './moran.js';
import { registerEllipse } from './ellipse.js';
import { registerForecast } from './forecast.js';
import { registerRegress } from './regress.js';
import { registerCouple } from './couple.js';
import { registerObstacle } from './obstacle.js';
import { registerDisparity } from './disparity.js';
import { registerDensity } from './density.js';
import { registerMarkov } from './markov.js';
import { registerConvergence } from './convergence.js';
import { registerMediate } from './mediate.js';
import { registerThreshold } from './threshold.js';
import { registerReport } from './report.js';

/** Every CLI command registers itself on the program; one line per command file. */
export const commands: Array<(program: Command) => void> = [registerDemo, registerDatasets, registerFrameworks, registerMeasure, registerRegress, registerMoran, registerEllipse, registerForecast, registerCouple, registerObstacle, registerDisparity, registerDensity, registerMarkov, registerConvergence, registerMediate, registerThreshold, registerReport];
