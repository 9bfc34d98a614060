export { identityFor } from './identity.js';
export { type SigV4Headers, type SignRequestOptions, signRequest } from './sign.js';
export type {
  SigV4Credential,
  SigV4ErrorType,
  SigV4Failure,
  SigV4Identity,
  SigV4Request,
  SigV4Result,
} from './types.js';
export { type VerifySigV4Options, verifySigV4 } from './verify.js';
