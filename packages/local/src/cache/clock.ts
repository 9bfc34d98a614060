/**
 * Where the gateway reads the time: milliseconds since the epoch. Inject a fake to test the
 * authorizer cache TTL, Cognito `exp` and the SigV4 clock skew without waiting.
 *
 * @example
 * ```ts
 * let t = Date.parse('2024-01-01T00:00:00Z');
 * const clock: Clock = { now: () => t };
 * t += 301_000; // five minutes and a second later
 * ```
 */
export interface Clock {
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };
