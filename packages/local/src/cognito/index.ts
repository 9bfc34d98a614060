export { claimsAsStrings } from './claims.js';
export { type DevKeys, devKeys } from './dev-keys.js';
export { issuerFromProviderArn, parseUserPoolArn, type UserPoolArn } from './issuer.js';
export { loadJwksFile } from './jwks-file.js';
export {
  type CognitoClaimsOptions,
  cognitoClaims,
  type MintCognitoTokenOptions,
  mintCognitoToken,
} from './mint.js';
export { type CognitoVerdict, type VerifyCognitoTokenOptions, verifyCognitoToken } from './verify.js';
