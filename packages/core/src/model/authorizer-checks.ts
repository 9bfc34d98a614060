/**
 * Registration-time checks of the authorizer constructors, kept apart from the classes so that a
 * production Lambda bundle drops them: they guard programmer mistakes that already surfaced when
 * `chalice-ts package`/`deploy` loaded the app (docs/decisions/0002-production-bundles.md).
 */
import type { CognitoUserPoolAuthorizerOptions, CustomAuthorizerOptions } from './authorizers.js';
import { optionalString, requireString, show, stringList, ttl } from './validate.js';

/** Throws a `TypeError` naming the first bad argument of `new CognitoUserPoolAuthorizer(name, options)`. */
export function checkCognitoOptions(name: unknown, options: CognitoUserPoolAuthorizerOptions): void {
  const where = `CognitoUserPoolAuthorizer "${requireString(name, 'CognitoUserPoolAuthorizer name')}"`;
  const arns: unknown = options?.providerArns;
  if (!Array.isArray(arns) || arns.length === 0 || arns.some((a) => typeof a !== 'string' || a === '')) {
    throw new TypeError(`${where}: providerArns should be a non-empty list of ARNs, received: ${show(arns)}`);
  }
  optionalString(options.header, `${where} header`);
  stringList(options.scopes, `${where} scopes`);
}

/** Throws a `TypeError` naming the first bad argument of `new CustomAuthorizer(name, options)`. */
export function checkCustomOptions(name: unknown, options: CustomAuthorizerOptions): void {
  const where = `CustomAuthorizer "${requireString(name, 'CustomAuthorizer name')}"`;
  requireString(options?.authorizerUri, `${where} authorizerUri`);
  if (options.ttlSeconds !== undefined) ttl(options.ttlSeconds, `${where} ttlSeconds`);
  optionalString(options.header, `${where} header`);
  optionalString(options.invokeRoleArn, `${where} invokeRoleArn`);
  stringList(options.scopes, `${where} scopes`);
  if (options.localHandler !== undefined && typeof options.localHandler !== 'function') {
    throw new TypeError(`${where} localHandler must be a function, received: ${show(options.localHandler)}`);
  }
}
