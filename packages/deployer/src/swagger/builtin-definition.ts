import { builtinSwagger } from '@chalice-ts/core';
import type { ApiAuthorizerModel, BuiltinAuthorizerModel } from '../model/resource-model.js';
import type { FnSub } from './uri.js';

/**
 * The `securityDefinitions` entry of a function-backed authorizer: core's `builtinSwagger` (Chalice's
 * `ChaliceAuthorizer` shape, plus API Gateway's REQUEST form), pointed at the authorizer's own
 * function with an `Fn::Sub` URI as Chalice's `CFNSwaggerGenerator._auth_uri` does.
 */
export function builtinSecurityDefinition(
  name: string,
  authorizer: BuiltinAuthorizerModel,
  authorizerUri: FnSub,
): object {
  return builtinSwagger(
    {
      name,
      header: authorizer.header,
      type: authorizer.type,
      identitySources: authorizer.identitySources,
      scopes: [],
      ...(authorizer.ttlSeconds !== undefined && { ttlSeconds: authorizer.ttlSeconds }),
      ...(authorizer.executionRole !== undefined && { executionRole: authorizer.executionRole }),
    },
    authorizerUri,
  );
}

/** The entry for any authorizer referenced by a route. */
export function securityDefinition(
  authorizer: ApiAuthorizerModel,
  uriFor: (cfnName: string) => FnSub,
): object {
  if (authorizer.builtin) {
    return builtinSecurityDefinition(authorizer.name, authorizer.builtin, uriFor(authorizer.builtin.cfnName));
  }
  return authorizer.definition ?? {};
}
