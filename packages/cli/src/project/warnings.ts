import type { EffectiveModel } from '@chalice-ts/runtime/binding';

/**
 * Things that are valid but will not do what they look like on AWS, said before they matter.
 *
 * API Gateway checks OAuth scopes only for Cognito user pool authorizers (`AuthorizationScopes`
 * "are used with a COGNITO_USER_POOLS authorizer"); on a Lambda authorizer they are accepted,
 * written to the template, and never enforced. Chalice emits them silently; we warn.
 */
export function modelWarnings(model: Pick<EffectiveModel, 'routes'>): string[] {
  const warnings: string[] = [];
  for (const route of model.routes) {
    const auth = route.authorizer;
    if (!auth || route.scopes.length === 0 || auth.kind === 'cognito_user_pools') continue;
    warnings.push(
      `${route.method} ${route.path}: scopes [${route.scopes.join(', ')}] on ${auth.kind} authorizer ` +
        `'${auth.name}' are not enforced by API Gateway (only Cognito user pool authorizers check scopes); ` +
        'check them in the authorizer function instead',
    );
  }
  return warnings;
}
