/**
 * `@chalice-ts/local`: API Gateway (REST API) emulation for chalice-ts apps — the `LocalGateway`
 * engine shared by `chalice-ts local` and the test kit, and the node:http dev server.
 */
export { AuthorizerCache, type AuthorizerCacheOptions, type CacheLookup } from './cache/authorizer-cache.js';
export { type Clock, systemClock } from './cache/clock.js';
export { LocalError, type LocalErrorCode } from './errors.js';
export {
  type RequestAuthorizerEvent,
  requestAuthorizerEvent,
  type TokenAuthorizerEvent,
  tokenAuthorizerEvent,
} from './gateway/authorizer-event.js';
export { GATEWAY_ERRORS, type GatewayErrorSpec } from './gateway/error-responses.js';
export {
  type GatewayDiagnostics,
  type GatewayRequest,
  type GatewayResponse,
  LocalGateway,
  type LocalGatewayOptions,
} from './gateway/local-gateway.js';
export type { GatewayApp, GatewayModel } from './gateway/model.js';
export type { ProxyEvent, ProxyIdentity, ProxyRequestContext } from './gateway/proxy-event.js';
export {
  consoleLogger,
  formatRequestLine,
  type GatewayLogger,
  type LoggerInput,
  type RequestLogRecord,
} from './log/request-log.js';
export { type LocalServer, type ServeOptions, serve } from './server/serve.js';
export {
  type CognitoClaimsOptions,
  type CognitoVerdict,
  claimsAsStrings,
  cognitoClaims,
  type DevKeys,
  devKeys,
  issuerFromProviderArn,
  loadJwksFile,
  type MintCognitoTokenOptions,
  mintCognitoToken,
  type VerifyCognitoTokenOptions,
  verifyCognitoToken,
} from './cognito/index.js';
export {
  identityFor,
  type SigV4Credential,
  type SigV4Failure,
  type SigV4Headers,
  type SigV4Identity,
  type SigV4Request,
  type SigV4Result,
  type SignRequestOptions,
  signRequest,
  type VerifySigV4Options,
  verifySigV4,
} from './sigv4/index.js';
