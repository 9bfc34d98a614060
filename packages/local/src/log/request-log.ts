/**
 * Where the gateway writes: one line per request (info), cache and configuration warnings (warn),
 * and failures of the app or an authorizer (error). A plain function receives every line.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * new LocalGateway(app, { logger: (line) => lines.push(line) });
 * ```
 */
export interface GatewayLogger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** A logger object or a single function that receives every line. */
export type LoggerInput = GatewayLogger | ((line: string) => void);

/** Turns a logger option into a {@link GatewayLogger}. */
export function toLogger(input: LoggerInput | undefined, fallback: GatewayLogger): GatewayLogger {
  if (input === undefined) return fallback;
  if (typeof input === 'function') return { info: input, warn: input, error: input };
  return input;
}

/** Writes request lines to stdout and warnings/errors to stderr. */
export const consoleLogger: GatewayLogger = {
  info: (line) => process.stdout.write(line + '\n'),
  warn: (line) => process.stderr.write(line + '\n'),
  error: (line) => process.stderr.write(line + '\n'),
};

/** Keeps quiet about requests but still reports warnings and errors (the in-process default). */
export const quietLogger: GatewayLogger = {
  info: () => {},
  warn: consoleLogger.warn,
  error: consoleLogger.error,
};

/** The facts of one request line. Deliberately has no field for headers, tokens or query strings. */
export interface RequestLogRecord {
  method: string;
  /** The path without its query string (a query may carry a token). */
  path: string;
  statusCode: number;
  authorizer: string | null;
  decision: string;
  cache: 'hit' | 'miss' | 'off' | null;
  ms: number;
}

/**
 * Formats the per-request line: `GET /other 403 demo_auth deny cache=hit 0.4ms`.
 *
 * @example
 * ```ts
 * formatRequestLine({ method: 'GET', path: '/', statusCode: 200, authorizer: null, decision: 'open', cache: null, ms: 1.2 });
 * // 'GET / 200 - open 1.2ms'
 * ```
 */
export function formatRequestLine(record: RequestLogRecord): string {
  const cache = record.cache === null ? '' : ` cache=${record.cache}`;
  return (
    `${record.method} ${record.path} ${record.statusCode} ${record.authorizer ?? '-'} ${record.decision}` +
    `${cache} ${record.ms.toFixed(1)}ms`
  );
}
