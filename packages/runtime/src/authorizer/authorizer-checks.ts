import { parseIdentitySource } from '@chalice-ts/core';
import { describeValue, rejectUnknownKeys } from '../app/suggest.js';
import { ChaliceRuntimeError } from '../errors/runtime-error.js';
import type { BuiltinAuthorizerOptions } from './authorizer-options.js';

const OPTION_NAMES = ['name', 'ttlSeconds', 'header', 'executionRole', 'type', 'identitySources'] as const;

function fail(message: string): never {
  throw new ChaliceRuntimeError('INVALID_AUTHORIZER', message);
}

/**
 * Throws `INVALID_AUTHORIZER` for any mistake in built-in authorizer options. Registration-time only:
 * production bundles drop it (docs/decisions/0002-production-bundles.md).
 */
export function checkAuthorizerOptions(options: unknown, fallbackName: string): void {
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
}
