/** Where a command writes; injected so tests can capture output without a child process. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is an interactive terminal (colours, live progress). */
  readonly isTty: boolean;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
  };
}
