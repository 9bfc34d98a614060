import { type BuiltinAuthorizerSpec, parseIdentitySource } from '@chalice-ts/core';
import { ChaliceRuntimeError } from '../errors/runtime-error.js';
import { describeValue, rejectUnknownKeys } from '../app/suggest.js';

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

const OPTION_NAMES = ['name', 'ttlSeconds', 'header', 'executionRole', 'type', 'identitySources'] as const;

function fail(message: string): never {
  throw new ChaliceRuntimeError('INVALID_AUTHORIZER', message);
}

/**
 * Validates authorizer options into the plain `BuiltinAuthorizerSpec` (scopes start empty).
 * `fallbackName` is the function's name.
 */
export function normalizeAuthorizerOptions(options: unknown, fallbackName: string): BuiltinAuthorizerSpec {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    fail(`Authorizer options must be an object, got ${describeValue(options)}.`);
  }
  const o = options as BuiltinAuthorizerOptions;
  const name = o.name ?? fallbackName;
  const where = `Authorizer ${name ? JSON.stringify(name) : '(unnamed)'}`;
  rejectUnknownKeys(o, OPTION_NAMES, where, fail);
  if (typeof name !== 'string' || name === '') {
    fail(
      `An authorizer needs a name: pass { name: '...' } or use a named function (got an anonymous function).`,
    );
  }
  if (!/^[A-Za-z0-9_-]+$/.test(name)) fail(`${where}: a name may use letters, digits, "_" and "-" only.`);
  // `none` is the chalice.yaml keyword that opts a route out of authorization.
  if (name === 'none') fail(`${where}: "none" is reserved (it means "no authorizer" in chalice.yaml).`);
  const type = o.type ?? 'token';
  if (type !== 'token' && type !== 'request')
    fail(`${where}: type must be 'token' or 'request', got ${describeValue(type)}.`);
  const ttl = o.ttlSeconds;
  if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0 || ttl > 3600)) {
    fail(
      `${where}: ttlSeconds must be an integer from 0 to 3600 (API Gateway's limits), got ${describeValue(ttl)}.`,
    );
  }
  const header = o.header ?? 'Authorization';
  if (typeof header !== 'string' || header === '') fail(`${where}: header must be a non-empty string.`);
  if (o.executionRole !== undefined && (typeof o.executionRole !== 'string' || o.executionRole === '')) {
    fail(`${where}: executionRole must be a role ARN string.`);
  }
  const sources = o.identitySources ?? [];
  if (!Array.isArray(sources))
    fail(`${where}: identitySources must be an array such as ['header:X-Api-Key'].`);
  for (const source of sources) {
    try {
      parseIdentitySource(source);
    } catch (cause) {
      throw new ChaliceRuntimeError('INVALID_AUTHORIZER', `${where}: ${(cause as Error).message}`, { cause });
    }
  }
  if (type === 'token' && o.identitySources !== undefined) {
    fail(
      `${where}: identitySources are for type: 'request' authorizers; a token authorizer reads \`header\`.`,
    );
  }
  // API Gateway requires an identity source on a REQUEST authorizer unless caching is off (TTL 0).
  if (type === 'request' && sources.length === 0 && ttl !== 0) {
    fail(
      `${where}: a request authorizer needs identitySources (e.g. ['header:X-Api-Key']) unless ttlSeconds is 0.`,
    );
  }
  return {
    name,
    ...(ttl !== undefined && { ttlSeconds: ttl }),
    header,
    ...(o.executionRole !== undefined && { executionRole: o.executionRole }),
    type,
    identitySources: type === 'token' ? [`header:${header}`] : [...sources],
    scopes: [],
  };
}
