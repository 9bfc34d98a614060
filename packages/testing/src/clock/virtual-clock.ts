import type { Clock } from '@chalice-ts/local';
import { TestingError } from '../errors.js';

/**
 * The test client's time source: starts at the real time and only moves when told to. The gateway
 * reads it for the authorizer cache TTL, Cognito `exp` and the SigV4 clock skew, and the client
 * mints tokens and signs requests with it, so a test can step over a TTL without waiting.
 *
 * @example
 * ```ts
 * const clock = new VirtualClock();
 * clock.advance(301); // five minutes and a second later
 * ```
 */
export class VirtualClock implements Clock {
  #now: number;

  constructor(start: number = Date.now()) {
    this.#now = start;
  }

  /** Milliseconds since the epoch, as the gateway reads them. */
  now(): number {
    return this.#now;
  }

  /** Moves time forward (or back, with a negative value) by `seconds`. Returns the new time (ms). */
  advance(seconds: number): number {
    if (!Number.isFinite(seconds)) {
      throw new TestingError(
        'INVALID_ARGUMENT',
        `clock.advance(seconds) needs a finite number, got ${seconds}`,
      );
    }
    this.#now += seconds * 1000;
    return this.#now;
  }

  /** Sets the time (epoch ms or a Date). */
  set(time: number | Date): void {
    const ms = Number(time);
    if (!Number.isFinite(ms))
      throw new TestingError('INVALID_ARGUMENT', `clock.set needs a time, got ${String(time)}`);
    this.#now = ms;
  }
}
