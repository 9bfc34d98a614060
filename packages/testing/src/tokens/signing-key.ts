import type { LocalGatewayOptions } from '@chalice-ts/local';
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';

/** An RS256 signing key the gateway trusts: the private half and its `kid`. */
/** Public keys as the gateway takes them in memory. */
type CognitoJwks = NonNullable<LocalGatewayOptions['cognitoJwks']>;

export interface SigningKey {
  readonly kid: string;
  readonly key: KeyObject;
}

/** A signing key from a private RSA JWK (e.g. the project's dev key). */
export function signingKeyFromJwk(jwk: object & { kid: string }): SigningKey {
  return { kid: jwk.kid, key: createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' }) };
}

interface TestKey extends SigningKey {
  readonly jwks: CognitoJwks;
}

let testKey: TestKey | null = null;

/**
 * The in-memory key for clients without a project directory: one RSA pair per process (making one
 * takes tens of milliseconds), its public half handed to the gateway in memory (`cognitoJwks`).
 */
export function inMemoryTestKey(): TestKey {
  if (testKey !== null) return testKey;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pub = publicKey.export({ format: 'jwk' });
  const kid = createHash('sha256').update(`${pub.n}.${pub.e}`).digest('base64url').slice(0, 22);
  const jwks = { keys: [{ ...pub, kid, alg: 'RS256', use: 'sig' }] } as CognitoJwks;
  testKey = { kid, key: privateKey, jwks };
  return testKey;
}
