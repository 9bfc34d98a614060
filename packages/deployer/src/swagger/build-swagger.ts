import type { ApiRouteModel, CorsInput, ResourceModel } from '../model/index.js';
import { securityDefinition } from './builtin-definition.js';
import { preflightOperation } from './cors.js';
import { lambdaInvocationUri } from './uri.js';

/** A Swagger 2.0 document with API Gateway's `x-amazon-apigateway-*` extensions. */
export interface SwaggerDocument {
  swagger: '2.0';
  info: { version: string; title: string };
  schemes: string[];
  paths: Record<string, Record<string, object>>;
  definitions: Record<string, object>;
  'x-amazon-apigateway-binary-media-types': string[];
  securityDefinitions?: Record<string, object>;
}

/** Chalice's `x-api-key` definition, added when any route sets `apiKeyRequired`. */
const API_KEY_DEFINITION = { type: 'apiKey', name: 'x-api-key', in: 'header' };

/**
 * Resource model -> the REST API's Swagger 2.0 document, shaped exactly like Chalice's
 * `CFNSwaggerGenerator` output (pure).
 *
 * @example
 * ```ts
 * const swagger = buildSwagger(buildResourceModel(model, resolved, { stage: 'dev' }));
 * swagger.paths['/']?.get; // { consumes, produces, responses, 'x-amazon-apigateway-integration', security }
 * ```
 */
export function buildSwagger(resources: ResourceModel): SwaggerDocument {
  const api: SwaggerDocument = {
    swagger: '2.0',
    info: { version: '1.0', title: resources.appName },
    schemes: ['https'],
    paths: {},
    definitions: { Empty: { type: 'object', title: 'Empty Schema' } },
    'x-amazon-apigateway-binary-media-types': [...resources.api.binaryTypes],
  };
  const integrationUri = lambdaInvocationUri(resources.apiHandler.cfnName);

  for (const [path, routes] of groupByPath(resources.api.routes)) {
    const forPath: Record<string, object> = {};
    api.paths[path] = forPath;
    let cors: CorsInput | null = null;
    const methodsWithCors: string[] = [];
    for (const route of routes) {
      forPath[route.method.toLowerCase()] = routeOperation(route, integrationUri);
      addSecurityDefinitions(api, route, resources);
      if (route.cors !== null) {
        cors = route.cors;
        methodsWithCors.push(route.method);
      }
    }
    // As in Chalice, one preflight per path, built from the methods that enabled CORS. Unlike
    // Chalice it declares the path parameters too: Swagger 2.0 requires every operation of a
    // templated path to declare them (API Gateway accepts both).
    if (cors !== null) {
      const preflight = preflightOperation(cors, methodsWithCors);
      const params = pathParameters(path);
      forPath['options'] =
        params.length > 0 ? { ...preflight, parameters: parameterList(params) } : preflight;
    }
  }
  return api;
}

function routeOperation(route: ApiRouteModel, uri: object): object {
  const operation: Record<string, unknown> = {
    consumes: [...route.contentTypes],
    produces: ['application/json'],
    responses: { '200': { description: '200 response', schema: { $ref: '#/definitions/Empty' } } },
    'x-amazon-apigateway-integration': {
      responses: { default: { statusCode: '200' } },
      uri,
      passthroughBehavior: 'when_no_match',
      httpMethod: 'POST',
      contentHandling: 'CONVERT_TO_TEXT',
      type: 'aws_proxy',
    },
  };
  const security: Record<string, string[]>[] = [];
  if (route.apiKeyRequired) security.push({ api_key: [] });
  if (route.authorizer) security.push({ [route.authorizer.name]: [...route.authorizer.scopes] });
  if (security.length > 0) operation['security'] = security;
  const params = pathParameters(route.path);
  if (params.length > 0) {
    operation['parameters'] = parameterList(params);
  }
  return operation;
}

function addSecurityDefinitions(api: SwaggerDocument, route: ApiRouteModel, resources: ResourceModel): void {
  const authorizer = route.authorizer ? resources.api.authorizers.get(route.authorizer.name) : undefined;
  if (!authorizer && !route.apiKeyRequired) return;
  const definitions = api.securityDefinitions ?? {};
  api.securityDefinitions = definitions;
  if (authorizer) definitions[authorizer.name] = securityDefinition(authorizer, lambdaInvocationUri);
  if (route.apiKeyRequired) definitions['api_key'] = { ...API_KEY_DEFINITION };
}

/** `{name}` segments, and `{proxy+}` as `proxy` (the name API Gateway gives a greedy parameter). */
function pathParameters(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment.startsWith('{') && segment.endsWith('}'))
    .map((segment) => segment.slice(1, -1).replace(/\+$/, ''));
}

function parameterList(names: readonly string[]): object[] {
  return names.map((name) => ({ name, in: 'path', required: true, type: 'string' }));
}

function groupByPath(routes: readonly ApiRouteModel[]): Map<string, ApiRouteModel[]> {
  const grouped = new Map<string, ApiRouteModel[]>();
  for (const route of routes) {
    const list = grouped.get(route.path);
    if (list) list.push(route);
    else grouped.set(route.path, [route]);
  }
  return grouped;
}
