export { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './errors.js';
export type { CliIo } from './io.js';
export { processIo } from './io.js';
export { type Command, main, version } from './main.js';
