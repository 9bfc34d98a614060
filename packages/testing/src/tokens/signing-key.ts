import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An RS256 signing key the gateway trusts: the private half and its `kid`. */
export interface SigningKey {
  readonly kid: string;
  readonly key: KeyObject;
}

/** A signing key from a private RSA JWK (e.g. the project's dev key). */
export function signingKeyFromJwk(jwk: object & { kid: string }): SigningKey {
  return { kid: jwk.kid, key: createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' }) };
}

interface TestKey extends SigningKey {
  readonly jwksFile: string;
}

let testKey: TestKey | null = null;

/**
 * The in-memory key for clients without a project directory: one RSA pair per process (making one
 * takes tens of milliseconds), its public half written to a temporary JWKS file that the gateway
 * reads through `local.cognito.jwks_file` — the gateway has no option for an in-memory JWKS. The
 * folder is removed when the process exits.
 */
export function inMemoryTestKey(): TestKey {
  if (testKey !== null) return testKey;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pub = publicKey.export({ format: 'jwk' });
  const kid = createHash('sha256').update(`${pub.n}.${pub.e}`).digest('base64url').slice(0, 22);
  const dir = mkdtempSync(join(tmpdir(), 'chalice-ts-testing-'));
  const jwksFile = join(dir, 'test-jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...pub, kid, alg: 'RS256', use: 'sig' }] }));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  testKey = { kid, key: privateKey, jwksFile };
  return testKey;
}
