import { readFileSync } from 'node:fs';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './errors.js';
import { HELP } from './help.js';
import type { CliIo } from './io.js';

/** One CLI command: parses its own arguments and returns the exit status. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;

// Commands are imported on demand, so `chalice-ts schema` does not load esbuild or the AWS SDK.
const COMMANDS: Record<string, () => Promise<Command>> = {
  new: async () => (await import('./commands/new.js')).newCommand,
  local: async () => (await import('./commands/local.js')).localCommand,
  routes: async () => (await import('./commands/routes.js')).routesCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  token: async () => (await import('./commands/token.js')).tokenCommand,
  package: async () => (await import('./commands/package.js')).packageCommand,
  deploy: async () => (await import('./commands/deploy.js')).deployCommand,
  delete: async () => (await import('./commands/delete.js')).deleteCommand,
  schema: async () => (await import('./commands/schema.js')).schemaCommand,
};

/** The package version, read from package.json next to dist/. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * Runs `chalice-ts` with the given arguments and returns its exit status.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['routes', '--json'], processIo());
 * ```
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP['main'] ?? '');
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version()}\n`);
    return EXIT_OK;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(
      `chalice-ts: unknown command '${name}'.\n${await suggest(name)}Run 'chalice-ts --help' for the list.\n`,
    );
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(HELP[name] ?? '');
    return EXIT_OK;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`chalice-ts ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    // Not a user mistake: keep the stack, it is what a bug report needs.
    io.err(
      `chalice-ts ${name}: unexpected error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_FAILURE;
  }
}

// By edit distance, as chalice.yaml keys are: a shared prefix alone picked `deploy` for `delet`.
async function suggest(name: string): Promise<string> {
  const { didYouMean } = await import('@chalice-ts/core/config');
  const close = didYouMean(name, Object.keys(COMMANDS));
  return close ? `Did you mean '${close}'?\n` : '';
}
