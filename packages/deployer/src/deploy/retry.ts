import { DeployerError } from '../errors.js';

/** Waits `ms` or until `signal` aborts (then rejects with `ABORTED`). Injectable for tests. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real `Sleep`, on timers. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function abortError(signal: AbortSignal | undefined): DeployerError {
  return new DeployerError('ABORTED', 'Stopped waiting (aborted).', { cause: signal?.reason });
}

/** Error names and messages AWS uses when it throttles a caller. */
const THROTTLING =
  /^(Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded|SlowDown)$/;

/** True when an AWS error means "slow down and try again". */
export function isThrottling(error: unknown): boolean {
  const e = error as { name?: unknown; Code?: unknown; message?: unknown } | null;
  if (e === null || typeof e !== 'object') return false;
  return (
    THROTTLING.test(String(e.name ?? '')) ||
    THROTTLING.test(String(e.Code ?? '')) ||
    /rate exceeded/i.test(String(e.message ?? ''))
  );
}

export interface RetryOptions {
  readonly sleep: Sleep;
  readonly signal?: AbortSignal | undefined;
  /** Attempts in all, first included; default 8. */
  readonly maxAttempts?: number;
  /** First delay; doubled per attempt up to `maxDelayMs`. Defaults 500 / 20,000. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Told before each retry (progress output). */
  readonly onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

/**
 * Calls `fn`, retrying with exponential backoff while AWS throttles; any other error is thrown
 * at once.
 *
 * @example
 * ```ts
 * const out = await withRetry(() => cfn.describeStacks({ StackName }), { sleep: realSleep });
 * ```
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const max = options.maxAttempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isThrottling(error) || attempt >= max) throw error;
      const delay = Math.min((options.baseDelayMs ?? 500) * 2 ** (attempt - 1), options.maxDelayMs ?? 20_000);
      options.onRetry?.(attempt, delay, error);
      await options.sleep(delay, options.signal);
    }
  }
}
