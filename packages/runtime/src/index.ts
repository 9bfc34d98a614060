/**
 * `@chalice-ts/runtime`: the app object, routes, built-in authorizers and Lambda entry points.
 * This is what ships to Lambda: it depends on `@chalice-ts/core` only (never on its `/config`
 * subpath, which carries zod and yaml). The chalice.yaml binding is `@chalice-ts/runtime/binding`.
 */
export {
  type AnyAuthorizer,
  type AuthContext,
  type AuthContextValue,
  type AuthorizerFunction,
  type AuthorizerResult,
  AuthRequest,
  AuthResponse,
  AuthRoute,
  ChaliceTsError,
  CognitoUserPoolAuthorizer,
  type CognitoUserPoolAuthorizerOptions,
  CustomAuthorizer,
  type CustomAuthorizerOptions,
  IAMAuthorizer,
  type IamPolicy,
  isAuthorizer,
} from '@chalice-ts/core';
export { Chalice, type ChaliceOptions } from './app/chalice.js';
export type { HttpMethod, RouteEntry, RouteHandler, RouteOptions } from './app/route-entry.js';
export type { BuiltinAuthorizerOptions } from './authorizer/authorizer-options.js';
export { BuiltinAuthorizer } from './authorizer/builtin-authorizer.js';
export { CORSConfig, type CORSConfigOptions } from './cors/cors-config.js';
export { ChaliceRuntimeError, type RuntimeErrorCode } from './errors/runtime-error.js';
export {
  BadRequestError,
  ChaliceViewError,
  ConflictError,
  ForbiddenError,
  isUnauthorizedError,
  isViewError,
  MethodNotAllowedError,
  NotFoundError,
  RequestEntityTooLargeError,
  RequestTimeoutError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
} from './errors/view-errors.js';
export type {
  ApiGatewayProxyEvent,
  ApiGatewayProxyResult,
  ApiGatewayRequestContext,
  AuthorizerEvent,
  LambdaContext,
  RequestAuthorizerEvent,
  TokenAuthorizerEvent,
} from './lambda/events.js';
export type { ProxyHandler } from './lambda/proxy-handler.js';
export { MultiDict } from './request/multi-dict.js';
export { Request } from './request/request.js';
export { errorResult, jsonResult, toProxyResult } from './response/render.js';
export {
  DEFAULT_BINARY_TYPES,
  isResponse,
  Response,
  type ResponseHeaders,
  type ResponseInit,
} from './response/response.js';
export {
  type ParamNames,
  type ParsedRoutePath,
  type PathParams,
  type PathSegment,
  parseRoutePath,
} from './routing/route-path.js';
export {
  type MethodNotAllowed,
  matchRoute,
  type RoutableEntry,
  type RouteMatch,
  Router,
} from './routing/router.js';
