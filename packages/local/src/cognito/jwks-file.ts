import { readFile } from 'node:fs/promises';
import type { JSONWebKeySet, JWK } from 'jose';
import { LocalError } from '../errors.js';

function fail(path: string, what: string, cause?: unknown): LocalError {
  return new LocalError(
    'COGNITO_KEYS',
    `local.cognito.jwks_file ${path}: ${what}. Expected a JWKS like {"keys":[{"kty":"RSA","kid":"…","n":"…","e":"AQAB"}]} (the user pool's /.well-known/jwks.json).`,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Reads the JWKS named by `local.cognito.jwks_file` (e.g. a copy of the user pool's
 * `https://cognito-idp.<region>.amazonaws.com/<poolId>/.well-known/jwks.json`). Only RSA keys with
 * a `kid` are accepted; any other content is a `LocalError` (`COGNITO_KEYS`) saying what is wrong.
 *
 * @example
 * ```ts
 * const jwks = await loadJwksFile(resolve(projectDir, config.local.cognito.jwks_file));
 * ```
 */
export async function loadJwksFile(path: string): Promise<JSONWebKeySet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw fail(
      path,
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read',
      err,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw fail(path, 'not valid JSON', err);
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw fail(path, 'no "keys" array');
  keys.forEach((key: unknown, i) => {
    const k = (key ?? {}) as Record<string, unknown>;
    if (k.kty !== 'RSA') throw fail(path, `keys[${i}] is not an RSA key (kty ${JSON.stringify(k.kty)})`);
    if (typeof k.kid !== 'string' || k.kid === '') throw fail(path, `keys[${i}] has no "kid"`);
    if (typeof k.n !== 'string' || typeof k.e !== 'string') throw fail(path, `keys[${i}] lacks "n" or "e"`);
    if (typeof k.d === 'string') throw fail(path, `keys[${i}] is a private key; give the public JWKS only`);
  });
  return { keys: keys as JWK[] };
}
