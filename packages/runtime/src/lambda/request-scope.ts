import type { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from '../request/request.js';

/** Where `app.currentRequest` comes from: the request of the invocation in progress. */
export interface RequestScope {
  current(): Request | undefined;
  run<T>(request: Request, fn: () => Promise<T>): Promise<T>;
}

/**
 * Lambda runs one invocation at a time per process, so while no other invocation of the app is in
 * flight the request sits in a plain slot. AsyncLocalStorage turns on Node's promise hooks, which
 * costs ~0.7 ms on the first invocation (a cold start) and a little on every later promise; it is
 * only created the first time an invocation starts while another is still running (a test, the
 * local server), and from then on every invocation runs inside it. An invocation that started in
 * the slot keeps it until it ends: a store, when there is one, always wins, and the slot holds the
 * one invocation that runs outside the storage (nothing runs outside it once it exists).
 */
export function createRequestScope(): RequestScope {
  let storage: AsyncLocalStorage<Request> | undefined;
  let loading: Promise<AsyncLocalStorage<Request>> | undefined;
  let slot: Request | undefined;
  let inFlight = 0;
  return {
    current: () => storage?.getStore() ?? slot,
    async run(request, fn) {
      inFlight++;
      try {
        if (inFlight === 1 && !loading) {
          slot = request;
          try {
            return await fn();
          } finally {
            slot = undefined;
          }
        }
        loading ??= import('node:async_hooks').then((m) => new m.AsyncLocalStorage<Request>());
        storage ??= await loading;
        return await storage.run(request, fn);
      } finally {
        inFlight--;
      }
    },
  };
}
