import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';
import { LocalError } from '../errors.js';

/** The project's dev Cognito signing key, as {@link devKeys} returns it. */
export interface DevKeys {
  /** Private RSA JWK (with `kid`, `alg: RS256`): mints tokens. */
  readonly privateKey: JWK;
  /** Public half, in a JWKS: verifies them. */
  readonly jwks: JSONWebKeySet;
  readonly kid: string;
  readonly privateKeyPath: string;
  readonly jwksPath: string;
}

const PUBLIC_MEMBERS = ['kty', 'n', 'e', 'kid', 'alg', 'use'] as const;

function publicPart(privateKey: JWK): JWK {
  const pub: JWK = {};
  for (const k of PUBLIC_MEMBERS) if (privateKey[k] !== undefined) pub[k] = privateKey[k];
  return pub;
}

function isPrivateRsa(value: unknown): value is JWK & { kid: string } {
  if (typeof value !== 'object' || value === null) return false;
  const k = value as Record<string, unknown>;
  return (
    k.kty === 'RSA' &&
    typeof k.kid === 'string' &&
    ['n', 'e', 'd', 'p', 'q'].every((m) => typeof k[m] === 'string')
  );
}

async function writeAtomically(path: string, text: string, mode: number): Promise<string> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, text, { mode, flag: 'wx' });
  await chmod(temp, mode);
  return temp;
}

async function readPrivateKey(path: string): Promise<(JWK & { kid: string }) | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LocalError('COGNITO_KEYS', `Cannot read the dev Cognito key ${path}.`, { cause: err });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new LocalError('COGNITO_KEYS', `${path} is not JSON; delete it to generate a new dev key.`, {
      cause: err,
    });
  }
  if (!isPrivateRsa(parsed)) {
    throw new LocalError(
      'COGNITO_KEYS',
      `${path} is not a private RSA JWK with a kid; delete it to generate a new dev key.`,
    );
  }
  return parsed;
}

async function createPrivateKey(path: string): Promise<void> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  jwk.kid = await calculateJwkThumbprint(jwk);
  jwk.alg = 'RS256';
  jwk.use = 'sig';
  const temp = await writeAtomically(path, `${JSON.stringify(jwk, null, 2)}\n`, 0o600);
  try {
    // link() fails if another process created the key first: theirs wins and everyone reads it.
    await link(temp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * The project's dev Cognito key pair: created on first need (RSA 2048, RS256, `kid` = JWK
 * thumbprint) as `.chalice-ts/dev-cognito-private.json` (mode 0600) and
 * `.chalice-ts/dev-jwks.json`, then read from there by every command — so a token from
 * `chalice-ts token` verifies in a running `chalice-ts local`. Safe when processes race.
 *
 * @example
 * ```ts
 * const keys = await devKeys(process.cwd());
 * const token = await mintCognitoToken({ keys, providerArn, username: 'jane' });
 * await verifyCognitoToken(token, { jwks: keys.jwks, providerArns: [providerArn], scopes: [] });
 * ```
 */
export async function devKeys(projectDir: string): Promise<DevKeys> {
  const dir = join(projectDir, '.chalice-ts');
  const privateKeyPath = join(dir, 'dev-cognito-private.json');
  const jwksPath = join(dir, 'dev-jwks.json');
  await mkdir(dir, { recursive: true });
  let privateKey = await readPrivateKey(privateKeyPath);
  if (privateKey === null) {
    await createPrivateKey(privateKeyPath);
    privateKey = await readPrivateKey(privateKeyPath);
    if (privateKey === null) throw new LocalError('COGNITO_KEYS', `Could not create ${privateKeyPath}.`);
  }
  const jwks: JSONWebKeySet = { keys: [publicPart(privateKey)] };
  const jwksText = `${JSON.stringify(jwks, null, 2)}\n`;
  const current = await readFile(jwksPath, 'utf8').catch(() => null);
  if (current !== jwksText) {
    // Always derived from the winning private key, so concurrent rewrites write the same bytes.
    const temp = await writeAtomically(jwksPath, jwksText, 0o644);
    await rename(temp, jwksPath);
  }
  return { privateKey, jwks, kid: privateKey.kid, privateKeyPath, jwksPath };
}
