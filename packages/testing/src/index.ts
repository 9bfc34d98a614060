/**
 * `@chalice-ts/testing`: an in-process test client for chalice-ts apps on the same `LocalGateway`
 * as `chalice-ts local` — every authorizer, Cognito tokens, SigV4 signing and a virtual clock.
 */
export { VirtualClock } from './clock/virtual-clock.js';
export { TestClient, type TestClientOptions } from './client/test-client.js';
export { TEST_IAM_CREDENTIAL } from './client/test-setup.js';
export { TestingError, type TestingErrorCode } from './errors.js';
export {
  events,
  type RequestAuthorizerOverrides,
  type RestProxyOverrides,
} from './events/events.js';
export { HttpClient, type RequestOptions } from './http/http-client.js';
export type { RequestBody, RequestHeaders } from './http/request-body.js';
export type { ResponseHeaders } from './http/response-headers.js';
export { TestResponse } from './http/test-response.js';
export {
  type CredentialInput,
  IamSigner,
  type SignableRequest,
  type SignedHeaders,
} from './iam/iam-signer.js';
export type { AuthorizerInput, RequestInput, TokenInput } from './lambda/authorizer-input.js';
export { LambdaClient } from './lambda/lambda-client.js';
export { type CognitoTokenOptions, TokenIssuer } from './tokens/cognito-tokens.js';
