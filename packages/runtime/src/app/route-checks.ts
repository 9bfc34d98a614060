import { isAuthorizer } from '@chalice-ts/core';
import { CORSConfig } from '../cors/cors-config.js';
import { ChaliceRuntimeError } from '../errors/runtime-error.js';
import type { HttpMethod, RouteOptions } from './route-entry.js';
import { describeValue, rejectUnknownKeys } from './suggest.js';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

const OPTION_NAMES = ['methods', 'authorizer', 'apiKeyRequired', 'cors', 'contentTypes', 'name'] as const;

/**
 * Throws `INVALID_ROUTE_OPTION` naming the route for any mistake in `app.route` options.
 * Registration-time only: production bundles drop it (docs/decisions/0002-production-bundles.md).
 */
export function checkRouteOptions(path: string, options: unknown): void {
  const fail = (message: string): never => {
    throw new ChaliceRuntimeError('INVALID_ROUTE_OPTION', message);
  };
  const where = `Route ${JSON.stringify(path)}`;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    fail(`${where}: options must be an object, got ${describeValue(options)}.`);
  }
  const o = options as RouteOptions;
  rejectUnknownKeys(o, OPTION_NAMES, where, fail);
  const rawMethods: unknown = o.methods ?? ['GET'];
  if (!Array.isArray(rawMethods) || rawMethods.length === 0) {
    fail(`${where}: methods must be a non-empty array such as ['GET', 'POST'].`);
  }
  const methods: HttpMethod[] = [];
  for (const raw of rawMethods as unknown[]) {
    const method = typeof raw === 'string' ? raw.toUpperCase() : '';
    if (!METHODS.includes(method as HttpMethod)) {
      fail(`${where}: unsupported method ${describeValue(raw)}; use one of ${METHODS.join(', ')}.`);
    }
    if (methods.includes(method as HttpMethod)) fail(`${where}: method ${method} is listed twice.`);
    methods.push(method as HttpMethod);
  }
  const { authorizer } = o;
  if (
    authorizer !== undefined &&
    !(typeof authorizer === 'string' && authorizer !== '') &&
    !isAuthorizer(authorizer)
  ) {
    const hint =
      typeof authorizer === 'function'
        ? ' Wrap the function with app.authorizer(fn) and pass what it returns.'
        : ' Pass an IAMAuthorizer, CognitoUserPoolAuthorizer, CustomAuthorizer, the result of app.authorizer(), or the name of an authorizer declared in chalice.yaml.';
    fail(`${where}: authorizer is not an authorizer (got ${describeValue(authorizer)}).${hint}`);
  }
  if (o.apiKeyRequired !== undefined && typeof o.apiKeyRequired !== 'boolean') {
    fail(`${where}: apiKeyRequired must be a boolean.`);
  }
  if (o.cors !== undefined && typeof o.cors !== 'boolean' && !(o.cors instanceof CORSConfig))
    fail(`${where}: cors must be true, false or a CORSConfig.`);
  const contentTypes = o.contentTypes ?? ['application/json'];
  if (
    !Array.isArray(contentTypes) ||
    contentTypes.length === 0 ||
    contentTypes.some((t) => typeof t !== 'string')
  ) {
    fail(`${where}: contentTypes must be a non-empty array of media types.`);
  }
  if (o.name !== undefined && (typeof o.name !== 'string' || o.name === ''))
    fail(`${where}: name must be a non-empty string.`);
}
