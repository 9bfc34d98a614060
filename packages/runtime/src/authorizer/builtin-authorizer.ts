import {
  type AuthContext,
  type AuthorizerFunction,
  AuthRequest,
  assertPrimitiveContext,
  type BuiltinAuthorizerSpec,
  builtinSwagger,
  type IamPolicy,
  packageTimeOnly,
  type SecurityDefinition,
} from '@chalice-ts/core';
import { describeValue } from '../app/suggest.js';
import { ChaliceRuntimeError } from '../errors/runtime-error.js';
import { isUnauthorizedError } from '../errors/view-errors.js';
import type { AuthorizerEvent, LambdaContext } from '../lambda/events.js';
import { type BuiltinAuthorizerOptions, normalizeAuthorizerOptions } from './authorizer-options.js';

function isAuthResponse(value: unknown): value is { toPolicy(request: AuthRequest): IamPolicy } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toPolicy?: unknown }).toPolicy === 'function'
  );
}

/**
 * An authorizer written in the app (Chalice's `@app.authorizer()`), deployed as its own Lambda
 * function. Create it with `app.authorizer(...)`; use it on routes, narrow it with `withScopes`,
 * and export `authorizer.handler` as the Lambda entry point.
 *
 * @example
 * ```ts
 * export const demoAuth = app.authorizer({ name: 'demo_auth', ttlSeconds: 300 }, (authRequest) =>
 *   new AuthResponse({ routes: authRequest.token === 'allow' ? ['/'] : [], principalId: 'user' }));
 * export const handler = demoAuth.handler; // the authorizer's Lambda entry point
 * ```
 */
export class BuiltinAuthorizer<Ctx extends AuthContext = AuthContext> implements BuiltinAuthorizerSpec {
  readonly kind = 'builtin' as const;
  declare readonly name: string;
  declare readonly ttlSeconds?: number;
  declare readonly header: string;
  declare readonly executionRole?: string;
  declare readonly type: 'token' | 'request';
  declare readonly identitySources: readonly string[];
  declare readonly scopes: readonly string[];
  /** The authorizer function. */
  declare readonly fn: AuthorizerFunction<Ctx>;
  #options: BuiltinAuthorizerOptions;

  constructor(
    fn: AuthorizerFunction<Ctx>,
    options: BuiltinAuthorizerOptions = {},
    scopes: readonly string[] = [],
  ) {
    if (!globalThis.__CHALICE_TS_PROD__ && typeof fn !== 'function') {
      throw new ChaliceRuntimeError(
        'INVALID_AUTHORIZER',
        `A built-in authorizer needs a function (authRequest) => AuthResponse, got ${describeValue(fn)}.`,
      );
    }
    this.fn = fn;
    // name, ttlSeconds and executionRole (when set), header, type, identitySources, scopes (empty).
    Object.assign(this, normalizeAuthorizerOptions(options, fn.name));
    Object.freeze(this.identitySources); // a fresh array
    this.#options = { ...options };
    if (
      !globalThis.__CHALICE_TS_PROD__ &&
      (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string' || s === ''))
    ) {
      throw new ChaliceRuntimeError(
        'INVALID_AUTHORIZER',
        `Authorizer "${this.name}": scopes must be non-empty strings.`,
      );
    }
    this.scopes = Object.freeze([...scopes]);
  }

  /** A copy requiring `scopes` on the routes that use it (same function, same name). */
  withScopes(scopes: readonly string[]): BuiltinAuthorizer<Ctx> {
    return new BuiltinAuthorizer(this.fn, this.#options, scopes);
  }

  /**
   * Runs the function for one request and returns the policy API Gateway would receive: an
   * `AuthResponse` goes through `toPolicy(authRequest)`, a raw policy object is passed through
   * unchanged. `UnauthorizedError` is rethrown (it means 401); a missing result or a context with
   * non-primitive values throws.
   */
  async invoke(authRequest: AuthRequest): Promise<IamPolicy> {
    const result: unknown = await this.fn(authRequest);
    let policy: IamPolicy;
    if (isAuthResponse(result)) policy = result.toPolicy(authRequest);
    else if (typeof result === 'object' && result !== null && !Array.isArray(result))
      policy = result as IamPolicy;
    else {
      // Fails closed in production bundles too; only the wording is shorter there.
      throw new ChaliceRuntimeError(
        'INVALID_AUTHORIZER_RESULT',
        globalThis.__CHALICE_TS_PROD__
          ? `Authorizer "${this.name}" returned no policy`
          : `Authorizer "${this.name}" returned ${describeValue(result)}: return an AuthResponse or an IAM policy object.`,
      );
    }
    assertPrimitiveContext(policy.context, `Authorizer "${this.name}"`);
    return policy;
  }

  /**
   * The Lambda entry point for TOKEN and REQUEST authorizer events. Throws `Error('Unauthorized')`,
   * the message API Gateway maps to a 401, when the function throws `UnauthorizedError`.
   */
  readonly handler = async (event: AuthorizerEvent, _context?: LambdaContext): Promise<IamPolicy> => {
    try {
      return await this.invoke(AuthRequest.fromEvent(event));
    } catch (err) {
      if (isUnauthorizedError(err)) throw new Error('Unauthorized');
      throw err;
    }
  };

  /** The `securityDefinitions` entry for this authorizer, given its function's invocation URI. */
  toSwagger(authorizerUri: string): SecurityDefinition {
    // Package-time only: compiled out of Lambda bundles (docs/decisions/0002-production-bundles.md).
    if (!globalThis.__CHALICE_TS_PROD__) {
      return builtinSwagger(this, authorizerUri);
    }
    throw packageTimeOnly('toSwagger');
  }
}
