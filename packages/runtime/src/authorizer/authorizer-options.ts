import type { BuiltinAuthorizerSpec } from '@chalice-ts/core';
import { checkAuthorizerOptions } from './authorizer-checks.js';

/** Options of `app.authorizer(options, fn)` and `new BuiltinAuthorizer(fn, options)`. */
export interface BuiltinAuthorizerOptions {
  /** Defaults to the function's name. */
  name?: string;
  /** How long API Gateway caches the policy per identity (0-3600; API Gateway's default is 300). */
  ttlSeconds?: number;
  /** Header holding the token of a TOKEN authorizer; default `Authorization`. */
  header?: string;
  /** ARN of the role API Gateway assumes to invoke the authorizer function. */
  executionRole?: string;
  /** `'token'` (default) or `'request'`. */
  type?: 'token' | 'request';
  /** REQUEST authorizers: `header:X-Api-Key`, `query:token`, `stage:var`, `context:sourceIp`. */
  identitySources?: readonly string[];
}

/**
 * Normalizes authorizer options into the plain `BuiltinAuthorizerSpec` (scopes start empty);
 * `fallbackName` is the function's name. Outside production bundles mistakes first throw
 * `INVALID_AUTHORIZER` (see `checkAuthorizerOptions`).
 */
export function normalizeAuthorizerOptions(options: unknown, fallbackName: string): BuiltinAuthorizerSpec {
  if (!globalThis.__CHALICE_TS_PROD__) checkAuthorizerOptions(options, fallbackName);
  const o = options as BuiltinAuthorizerOptions;
  const header = o.header ?? 'Authorization';
  const type = o.type ?? 'token';
  return {
    name: o.name ?? fallbackName,
    ...(o.ttlSeconds !== undefined && { ttlSeconds: o.ttlSeconds }),
    header,
    ...(o.executionRole !== undefined && { executionRole: o.executionRole }),
    type,
    identitySources: type === 'token' ? [`header:${header}`] : [...(o.identitySources ?? [])],
    scopes: [],
  };
}
