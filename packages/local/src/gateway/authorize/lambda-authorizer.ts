import type { AuthorizerCache } from '../../cache/authorizer-cache.js';
import type { GatewayLogger } from '../../log/request-log.js';
import { requestAuthorizerEvent, tokenAuthorizerEvent } from '../authorizer-event.js';
import { GATEWAY_ERRORS } from '../error-responses.js';
import { type CompiledIdentitySource, readIdentitySources } from '../identity-source.js';
import type { LambdaHandler } from '../model.js';
import { type ArnDecision, CachedPolicy } from './cached-policy.js';
import type { AuthInput, AuthOutcome, CacheState, RequestAuthorizer } from './outcome.js';

/** Settings of one Lambda (TOKEN or REQUEST) authorizer. */
export interface LambdaAuthorizerOptions {
  name: string;
  kind: string;
  type: 'token' | 'request';
  /** TOKEN: the header holding the token. */
  header: string;
  /** REQUEST: every source must be present. */
  identitySources: readonly CompiledIdentitySource[];
  /** Seconds the returned policy is cached; 0 disables. */
  ttlSeconds: number;
  handler: LambdaHandler;
  /** `null` when caching is off for the whole gateway. */
  cache: AuthorizerCache<CachedPolicy> | null;
  logger: GatewayLogger;
  /** Called once per real invocation (for `authorizerCalls`). */
  onInvoke: () => void;
  /** Builds the Lambda context for one invocation. */
  context: (requestId: string) => { getRemainingTimeInMillis(): number };
}

/**
 * A Lambda authorizer (built-in, YAML `builtin`/`request`, or a custom one's local handler) run the
 * way API Gateway runs it: identity sources checked first (401 without invoking when missing),
 * the returned policy cached per identity value for the TTL and evaluated against each request's
 * method ARN.
 */
export class LambdaAuthorizer implements RequestAuthorizer {
  readonly name: string;
  readonly kind: string;
  readonly #o: LambdaAuthorizerOptions;
  readonly #headerKey: string;
  readonly #cacheable: boolean;

  constructor(options: LambdaAuthorizerOptions) {
    this.#o = options;
    this.name = options.name;
    this.kind = options.kind;
    this.#headerKey = options.header.toLowerCase();
    // API Gateway caches a REQUEST authorizer only by its identity sources; without any there is no key.
    this.#cacheable =
      options.cache !== null &&
      options.ttlSeconds > 0 &&
      (options.type === 'token' || options.identitySources.length > 0);
  }

  authorize(input: AuthInput): AuthOutcome | Promise<AuthOutcome> {
    const o = this.#o;
    let identity: string;
    if (o.type === 'token') {
      const token = input.facts.headers.lower.get(this.#headerKey);
      if (token === undefined || token === '') return missing(`no ${o.header} header`);
      identity = token;
    } else {
      const values = readIdentitySources(o.identitySources, input.facts);
      if (values === null) return missing('an identity source is missing or empty');
      identity = values.join('\u0000');
    }

    const cacheState: CacheState = this.#cacheable ? 'miss' : 'off';
    if (this.#cacheable) {
      const found = o.cache!.get(o.name, identity);
      if (found.hit) return this.#fromCache(found.value, input);
    }

    return this.#invoke(input, identity, cacheState);
  }

  async #invoke(input: AuthInput, identity: string, cacheState: CacheState): Promise<AuthOutcome> {
    const o = this.#o;
    o.onInvoke();
    const event =
      o.type === 'token'
        ? tokenAuthorizerEvent(identity, input.methodArn)
        : requestAuthorizerEvent(input.facts, input.methodArn);
    let policy: unknown;
    try {
      policy = await callHandler(o.handler, event, o.context(input.requestId));
    } catch (error) {
      if (error instanceof NoAnswer) return configurationError(cacheState, error.message);
      if (isUnauthorized(error)) {
        return {
          ok: false,
          decision: 'unauthorized',
          cache: cacheState,
          reason: 'the authorizer said Unauthorized',
          error: GATEWAY_ERRORS.unauthorized,
        };
      }
      o.logger.error(`authorizer ${o.name} failed: ${describeError(error)}`);
      return configurationError(cacheState, `the authorizer threw: ${describeError(error)}`);
    }
    const entry = new CachedPolicy(policy);
    const decision = entry.decide(input.methodArn);
    if (decision.outcome === 'invalid') {
      o.logger.error(`authorizer ${o.name} returned an invalid policy: ${decision.reason}`);
      return configurationError(cacheState, decision.reason);
    }
    if (this.#cacheable) o.cache!.set(o.name, identity, entry, o.ttlSeconds);
    return toOutcome(decision, cacheState);
  }

  #fromCache(entry: CachedPolicy, input: AuthInput): AuthOutcome {
    const decision = entry.decide(input.methodArn);
    if (decision.outcome === 'deny') {
      const route = `${input.facts.method} ${input.facts.path}`;
      if (!entry.warned.has(route)) {
        entry.warned.add(route);
        this.#o.logger.warn(
          `cached policy for ${this.name} does not cover ${route}; a policy must cover every route the token ` +
            `may call when caching is on (ttl_seconds: ${this.#o.ttlSeconds}; set ttl_seconds: 0 or run with ` +
            `--no-authorizer-cache to see each route decided on its own)`,
        );
      }
    }
    return toOutcome(decision, 'hit');
  }
}

function toOutcome(decision: ArnDecision, cache: CacheState): AuthOutcome {
  switch (decision.outcome) {
    case 'allow':
      return {
        ok: true,
        decision: 'allow',
        cache,
        reason: decision.reason,
        authorizer: { ...decision.authorizer },
      };
    case 'deny':
      return {
        ok: false,
        decision: 'deny',
        cache,
        reason: decision.reason,
        error: GATEWAY_ERRORS.accessDenied,
      };
    case 'explicit-deny':
      return {
        ok: false,
        decision: 'explicit-deny',
        cache,
        reason: decision.reason,
        error: GATEWAY_ERRORS.explicitDeny,
      };
    default:
      return configurationError(cache, decision.reason);
  }
}

function missing(reason: string): AuthOutcome {
  return { ok: false, decision: 'unauthorized', cache: null, reason, error: GATEWAY_ERRORS.unauthorized };
}

function configurationError(cache: CacheState, reason: string): AuthOutcome {
  return { ok: false, decision: 'error', cache, reason, error: GATEWAY_ERRORS.authorizerConfiguration };
}

// A Lambda authorizer signals 401 by failing with the message "Unauthorized" (AWS docs, "Lambda
// authorizer output"). Lambda's Node.js runtime reports an error object by its message and anything
// else thrown (e.g. `callback('Unauthorized')`) as its string; the runtime's UnauthorizedError is
// accepted too, for local handlers.
function isUnauthorized(error: unknown): boolean {
  if (error instanceof Error) {
    return error.message === 'Unauthorized' || (error as { code?: unknown }).code === 'UnauthorizedError';
  }
  return typeof error === 'string' && error === 'Unauthorized';
}

/** The handler gave no answer Lambda would return (API Gateway answers 500). */
class NoAnswer extends Error {}

type CallbackHandler = (
  event: unknown,
  context: unknown,
  callback: (error?: unknown, result?: unknown) => void,
) => unknown;

// As Lambda's Node.js runtime: the result is what the returned promise settles to or, for a
// `(event, context, callback)` handler that returns no promise, what it passes to the callback
// (a value such a handler returns is ignored there: no answer, a 500). A handler that never
// answers fails when its function's timeout (lambda_timeout) runs out.
function callHandler(
  handler: LambdaHandler,
  event: unknown,
  context: { getRemainingTimeInMillis(): number },
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timeoutMs = context.getRemainingTimeInMillis();
    const timer = setTimeout(
      () => reject(new NoAnswer(`the authorizer did not answer within its ${timeoutMs / 1000} s timeout`)),
      timeoutMs,
    );
    timer.unref();
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    const callback = (error?: unknown, result?: unknown) =>
      settle(() => (error == null ? resolve(result) : reject(error)));
    const returned = (handler as unknown as CallbackHandler)(event, context, callback);
    const thenable =
      typeof returned === 'object' &&
      returned !== null &&
      typeof (returned as PromiseLike<unknown>).then === 'function';
    if (thenable || handler.length < 3) {
      Promise.resolve(returned).then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      );
    } else if (returned !== undefined) {
      settle(() =>
        reject(
          new NoAnswer(
            'the handler takes a callback but returned a value without calling it; Lambda ignores that value ' +
              '(return a promise, use an async function, or call callback(null, policy))',
          ),
        ),
      );
    }
  });
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
