import { DEFAULT_BINARY_TYPES } from '@chalice-ts/runtime';
import { type CliOverrides, functionSettings, type ResolvedConfig } from '@chalice-ts/core/config';
import { DeployerError } from '../errors.js';
import { toCfnName } from './cfn-name.js';
import { authorizerSource, checkFunctionName, compare, normalizeCors } from './parts.js';
import type { EffectiveAuthorizerInput, EffectiveModelInput, FunctionSettingsLookup } from './input.js';
import type {
  ApiAuthorizerModel,
  ApiRouteModel,
  AuthorizerSourceModel,
  FunctionModel,
  ResourceModel,
  RoleModel,
} from './resource-model.js';

/** Logical ids the template uses for itself; an authorizer CfnName must not collide with them. */
const RESERVED_NAMES = new Set(['APIHandler', 'RestAPI', 'DefaultRole', 'APIHandlerInvokePermission']);

export interface BuildResourceModelOptions {
  /** The chalice stage (`dev`, `prod`, ...); names the functions. */
  readonly stage: string;
  /** CLI flags (`--lambda-timeout` ...) in Chalice's precedence. */
  readonly cli?: CliOverrides;
  /** Replaces `functionSettings(resolved, fn, cli)`; keys are `api_handler` or an authorizer's name. */
  readonly settings?: FunctionSettingsLookup;
  /** Version written into each function's `chalice-ts` tag. */
  readonly toolVersion?: string;
}

/** True for authorizers whose Lambda function the stack creates (built-in, TOKEN or REQUEST). */
export function isFunctionBacked(authorizer: Pick<EffectiveAuthorizerInput, 'kind'>): boolean {
  return authorizer.kind === 'builtin';
}

/**
 * App + resolved config -> the stack's resources (pure). One function for the API handler and one
 * per built-in authorizer referenced by a route, as Chalice does.
 *
 * @example
 * ```ts
 * const resources = buildResourceModel(model, resolveStage(config, { stage: 'dev' }), { stage: 'dev' });
 * resources.authorizerFunctions.map((f) => f.functionName); // ['demoauth-dev-demo_auth']
 * ```
 */
export function buildResourceModel(
  model: EffectiveModelInput,
  resolved: ResolvedConfig,
  options: BuildResourceModelOptions,
): ResourceModel {
  const settings: FunctionSettingsLookup =
    options.settings ?? ((fn) => functionSettings(resolved, fn, options.cli ?? resolved.cli));
  const manageRole = options.cli?.manage_iam_role ?? resolved.manage_iam_role;
  const runtime = resolved.runtime;
  const baseName = `${model.appName}-${options.stage}`;
  const chaliceTag = `version=${options.toolVersion ?? '0.1.0'}:stage=${options.stage}:app=${model.appName}`;

  const makeFunction = (
    key: string,
    fields: Pick<FunctionModel, 'cfnName' | 'functionName' | 'exportName'>,
    authorizer?: AuthorizerSourceModel,
  ): FunctionModel => {
    checkFunctionName(fields.functionName);
    const s = settings(key);
    // As in Chalice, `iam_role_arn` is used only when `manage_iam_role: false`.
    const role: RoleModel =
      s.iam_role_arn !== undefined && manageRole === false
        ? { kind: 'existing', arn: s.iam_role_arn }
        : { kind: 'managed', cfnName: 'DefaultRole' };
    return {
      ...fields,
      handler: `index.${fields.exportName}`,
      runtime,
      timeout: s.lambda_timeout,
      memorySize: s.lambda_memory_size,
      environment: { ...s.environment_variables },
      tags: { 'chalice-ts': chaliceTag, ...s.tags },
      role,
      ...(authorizer ? { authorizer } : {}),
    };
  };

  const usedAuthorizers = new Map<string, EffectiveAuthorizerInput>();
  const routes: ApiRouteModel[] = model.routes.map((route) => {
    if (route.authorizer) usedAuthorizers.set(route.authorizer.name, route.authorizer);
    return {
      path: route.path,
      method: route.method.toUpperCase(),
      contentTypes: route.entry.contentTypes ?? ['application/json'],
      apiKeyRequired: route.entry.apiKeyRequired === true,
      cors: normalizeCors(route.entry.cors),
      authorizer: route.authorizer
        ? { name: route.authorizer.name, scopes: route.scopes ?? route.authorizer.scopes ?? [] }
        : null,
    };
  });

  const seen = new Map<string, string>();
  const authorizers = new Map<string, ApiAuthorizerModel>();
  const authorizerFunctions: FunctionModel[] = [];
  for (const authorizer of [...usedAuthorizers.values()].sort((a, b) => compare(a.name, b.name))) {
    if (!isFunctionBacked(authorizer)) {
      authorizers.set(authorizer.name, {
        name: authorizer.name,
        kind: authorizer.kind,
        definition: authorizer.swagger(),
      });
      continue;
    }
    const cfnName = toCfnName(authorizer.name);
    const clash = seen.get(cfnName);
    if (cfnName === '' || RESERVED_NAMES.has(cfnName) || clash !== undefined) {
      throw new DeployerError(
        'DUPLICATE_RESOURCE_NAME',
        `Authorizer '${authorizer.name}' becomes the CloudFormation logical id '${cfnName}', which ` +
          (clash !== undefined ? `authorizer '${clash}' already uses` : 'the template reserves') +
          '. Rename the authorizer.',
      );
    }
    seen.set(cfnName, authorizer.name);
    const type = (authorizer.type ?? authorizer.builtin?.type) === 'request' ? 'request' : 'token';
    // The user's own TTL (or none, so API Gateway applies its default) as Chalice writes it.
    const ttlSeconds = authorizer.builtin ? authorizer.builtin.ttlSeconds : authorizer.ttlSeconds;
    const header = authorizer.header ?? 'Authorization';
    const identitySources = authorizer.identitySources ?? [];
    authorizers.set(authorizer.name, {
      name: authorizer.name,
      kind: authorizer.kind,
      builtin: {
        cfnName,
        type,
        header,
        identitySources,
        ttlSeconds,
        executionRole: authorizer.executionRole,
      },
    });
    authorizerFunctions.push(
      makeFunction(
        authorizer.name,
        { cfnName, functionName: `${baseName}-${authorizer.name}`, exportName: `authorizer${cfnName}` },
        authorizerSource(authorizer, { type, header, identitySources, ttlSeconds }),
      ),
    );
  }

  const apiHandler = makeFunction('api_handler', {
    cfnName: 'APIHandler',
    functionName: baseName,
    exportName: 'handler',
  });
  return {
    appName: model.appName,
    stage: options.stage,
    apiGatewayStage: model.apiGatewayStage,
    apiHandler,
    authorizerFunctions,
    managedRole: [apiHandler, ...authorizerFunctions].some((f) => f.role.kind === 'managed'),
    api: { routes, authorizers, binaryTypes: model.binaryTypes ?? DEFAULT_BINARY_TYPES },
  };
}
