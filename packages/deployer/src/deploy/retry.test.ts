import { describe, expect, it } from 'vitest';
import { defaultStackName } from './deploy-app.js';
import { isThrottling, realSleep, withRetry } from './retry.js';

const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });

describe('isThrottling', () => {
  it.each([
    [throttled(), true],
    [Object.assign(new Error('x'), { name: 'TooManyRequestsException' }), true],
    [Object.assign(new Error('slow'), { name: 'SlowDown' }), true],
    [Object.assign(new Error('Stack does not exist'), { name: 'ValidationError' }), false],
    [null, false],
  ])('classifies %o as throttling: %s', (error, expected) => {
    expect(isThrottling(error)).toBe(expected);
  });
});

describe('withRetry', () => {
  it('throws any other error at once', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw new Error('AccessDenied');
      },
      { sleep: async () => {} },
    );
    await expect(failing).rejects.toThrow('AccessDenied');
    expect(calls).toBe(1);
  });

  it('gives up after maxAttempts, doubling the delay up to the cap', async () => {
    const delays: number[] = [];
    const failing = withRetry(
      async () => {
        throw throttled();
      },
      { sleep: async (ms) => void delays.push(ms), maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 500 },
    );
    await expect(failing).rejects.toThrow('Rate exceeded');
    expect(delays).toEqual([100, 200, 400, 500]);
  });
});

describe('realSleep', () => {
  it('rejects with ABORTED when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(realSleep(10_000, controller.signal)).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('defaultStackName', () => {
  it.each([
    ['demoauth1', 'dev', 'demoauth1-dev'],
    ['demo_auth', 'prod', 'demo-auth-prod'],
    ['1app', 'dev', 'app-1app-dev'],
  ])('names the stack of %s/%s %s', (app, stage, expected) => {
    expect(defaultStackName(app, stage)).toBe(expected);
  });
});
