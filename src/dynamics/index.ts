export * from './fft.js';
export * from './bandwidth.js';
export * from './kernel-density.js';
