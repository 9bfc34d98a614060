import type { CognitoUserPoolAuthorizer, CustomAuthorizer, IAMAuthorizer } from './authorizers.js';
import type { BuiltinAuthorizerSpec } from './builtin.js';
import type { AuthorizerKind } from './types.js';

/** What core knows of a built-in authorizer (the runtime's `BuiltinAuthorizer` is one). */
export interface BuiltinAuthorizerLike extends BuiltinAuthorizerSpec {
  readonly kind: 'builtin';
  withScopes(scopes: readonly string[]): BuiltinAuthorizerLike;
}

/** Any authorizer a route can use. */
export type AnyAuthorizer =
  | IAMAuthorizer
  | CognitoUserPoolAuthorizer
  | CustomAuthorizer
  | BuiltinAuthorizerLike;

const KINDS: readonly unknown[] = [
  'iam',
  'cognito_user_pools',
  'custom',
  'builtin',
] satisfies AuthorizerKind[];

/**
 * True for an authorizer object. Checked by shape (`kind`, `name`, `scopes`, `withScopes`) rather
 * than `instanceof`, so two copies of the package in one install still recognise each other.
 *
 * @example
 * ```ts
 * isAuthorizer(new IAMAuthorizer()); // true
 * isAuthorizer('MyPool'); // false: a declared name, resolved later from chalice.yaml
 * ```
 */
export function isAuthorizer(value: unknown): value is AnyAuthorizer {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { kind?: unknown; name?: unknown; scopes?: unknown; withScopes?: unknown };
  return (
    KINDS.includes(candidate.kind) &&
    typeof candidate.name === 'string' &&
    Array.isArray(candidate.scopes) &&
    typeof candidate.withScopes === 'function'
  );
}
