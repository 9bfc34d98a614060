import { type ParseArgsConfig, parseArgs } from 'node:util';
import { usageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command accepts. */
export const commonOptions = {
  'project-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/**
 * Parses one command's arguments strictly; a mistake becomes a usage error (exit 2) that names
 * the command and points at its `--help`.
 */
/** The parsed values: booleans for flags, strings for options with a value. */
export type ParsedValues<O extends Options> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : string;
};

export function parseCommandArgs<const O extends Options>(
  command: string,
  argv: string[],
  options: O,
): { values: ParsedValues<O & typeof commonOptions>; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...commonOptions, ...options },
      allowPositionals: true,
      strict: true,
    });
    return {
      values: parsed.values as ParsedValues<O & typeof commonOptions>,
      positionals: parsed.positionals,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw usageError(`chalice-ts ${command}: ${message}\nRun 'chalice-ts ${command} --help' for usage.`);
  }
}

/** Parses a whole-number option such as `--port`, rejecting anything else with a clear message. */
export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw usageError(`--port must be a whole number from 0 to 65535, got '${value}'`);
  }
  return port;
}
