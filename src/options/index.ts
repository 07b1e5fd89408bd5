// The option catalog: one description of every option, read by the CLI (src/cli/options.ts), the
// checks of the stage functions, the project file and its JSON Schema, the workbench and the docs.
export * from './option.js';
export * from './check.js';
export * from './describe.js';
export * from './schema.js';
export * from './data.js';
export * from './measure.js';
export * from './models.js';
export * from './commands.js';
export * from './descriptive.js';
