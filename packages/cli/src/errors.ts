/** Exit statuses of `chalice-ts` (ARCHITECTURE §6): 0 ok, 1 failure, 2 usage or config error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * An error meant for the person at the terminal: printed as its message alone, never with a
 * stack trace, and mapped to an exit status.
 */
export class CliError extends Error {
  readonly code: string;
  readonly exitCode: number;

  constructor(code: string, message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CliError';
    this.code = code;
    this.exitCode = options.exitCode ?? EXIT_FAILURE;
  }
}

/** A usage or configuration mistake: exit status 2. */
export function usageError(message: string, code = 'usage'): CliError {
  return new CliError(code, message, { exitCode: EXIT_USAGE });
}
