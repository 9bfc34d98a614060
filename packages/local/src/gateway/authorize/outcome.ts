import type { GatewayErrorSpec } from '../error-responses.js';
import type { ProxyIdentity, RequestFacts } from '../proxy-event.js';
import type { HeaderInput } from '../request-parts.js';

/** How the authorizer cache took part in a decision. */
export type CacheState = 'hit' | 'miss' | 'off' | null;

/** The request as the client sent it, for checks that need the raw bytes (SigV4). */
export interface RawRequest {
  readonly method: string;
  /** Path as sent, without the query string. */
  readonly path: string;
  /** Raw query string without `?` (may be empty). */
  readonly query: string;
  readonly headers: HeaderInput;
  readonly body: string | Uint8Array | null | undefined;
}

/** What an authorizer gets to decide on one request. */
export interface AuthInput {
  readonly facts: RequestFacts;
  readonly methodArn: string;
  /** OAuth scopes the route requires. */
  readonly scopes: readonly string[];
  readonly raw: RawRequest;
  readonly requestId: string;
}

/** An allowed request, with what API Gateway adds to `requestContext`. */
export interface AuthAllow {
  readonly ok: true;
  readonly decision: 'allow';
  readonly cache: CacheState;
  readonly reason: string;
  /** `requestContext.authorizer` (strings plus `principalId`; Cognito: `claims`). */
  readonly authorizer?: Record<string, unknown>;
  /** Fields of `requestContext.identity` (IAM). */
  readonly identity?: Partial<ProxyIdentity>;
}

/** A refused request and the gateway response that says so. */
export interface AuthReject {
  readonly ok: false;
  readonly decision: 'unauthorized' | 'deny' | 'explicit-deny' | 'error';
  readonly cache: CacheState;
  readonly reason: string;
  readonly error: GatewayErrorSpec;
}

/** The result of authorizing one request. */
export type AuthOutcome = AuthAllow | AuthReject;

/** One authorizer of the emulated API, whatever its kind. */
export interface RequestAuthorizer {
  readonly name: string;
  readonly kind: string;
  /** May answer synchronously (e.g. from the cache); otherwise a promise. */
  authorize(input: AuthInput): AuthOutcome | Promise<AuthOutcome>;
}
