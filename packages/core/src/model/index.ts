export type {
  AuthorizerEvent,
  AuthRequestInit,
  LocalAuthorizerHandler,
  RequestAuthorizerEvent,
  TokenAuthorizerEvent,
} from './auth-request.js';
export { AuthRequest } from './auth-request.js';
export type { AuthorizerFunction, AuthorizerResult, AuthResponseInit } from './auth-response.js';
export { AuthResponse, AuthRoute } from './auth-response.js';
export type {
  CognitoUserPoolAuthorizerOptions,
  CustomAuthorizerOptions,
} from './authorizers.js';
export { CognitoUserPoolAuthorizer, CustomAuthorizer, IAMAuthorizer } from './authorizers.js';
export type { BuiltinAuthorizerSpec, IdentitySource, IdentitySourceKind } from './builtin.js';
export { builtinSwagger, identitySourceExpression, parseIdentitySource } from './builtin.js';
export type { AnyAuthorizer, BuiltinAuthorizerLike } from './is-authorizer.js';
export { isAuthorizer } from './is-authorizer.js';
export type {
  ApiGatewayAuthorizerObject,
  AuthContext,
  AuthContextValue,
  AuthorizerKind,
  FnSub,
  AuthResponsePolicy,
  IamPolicy,
  IamStatement,
  SecurityDefinition,
} from './types.js';
