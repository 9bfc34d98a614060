import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalError } from '../errors.js';
import { devKeys } from './dev-keys.js';
import { loadJwksFile } from './jwks-file.js';
import { mintCognitoToken } from './mint.js';
import { verifyCognitoToken } from './verify.js';

// RSA key generation is the slow part: one shared project for the read-side tests, fresh
// directories only where a test needs an empty project.
let project: string;
let dir: string;
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'chalice-ts-cognito-'));
});
afterAll(() => rm(project, { recursive: true, force: true }));
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chalice-ts-cognito-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('devKeys', () => {
  it('creates the private key (mode 0600) and the public JWKS on first need', async () => {
    const keys = await devKeys(project);
    const priv = JSON.parse(await readFile(join(project, '.chalice-ts/dev-cognito-private.json'), 'utf8'));
    const jwks = JSON.parse(await readFile(join(project, '.chalice-ts/dev-jwks.json'), 'utf8'));
    expect(priv).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: keys.kid, d: expect.any(String) });
    expect(jwks).toEqual(keys.jwks);
    expect(jwks.keys).toEqual([
      { kty: 'RSA', n: priv.n, e: 'AQAB', kid: keys.kid, alg: 'RS256', use: 'sig' },
    ]);
    expect(Buffer.from(priv.n, 'base64url').length * 8).toBe(2048);
    expect((await stat(keys.privateKeyPath)).mode & 0o777).toBe(0o600);
  });

  it('mints tokens that verify against the JWKS file another process would read', async () => {
    const providerArn = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc';
    const token = await mintCognitoToken({ keys: await devKeys(project), providerArn, username: 'jane' });
    const jwks = await loadJwksFile(join(project, '.chalice-ts/dev-jwks.json'));
    expect(await verifyCognitoToken(token, { jwks, providerArns: [providerArn] })).toMatchObject({
      ok: true,
    });
  });

  it('reads the same keys on later calls', async () => {
    const first = await devKeys(project);
    const second = await devKeys(project);
    expect(second.kid).toBe(first.kid);
    expect(second.privateKey).toEqual(first.privateKey);
  });

  it('ends with one key pair when callers race', async () => {
    const all = await Promise.all([devKeys(dir), devKeys(dir), devKeys(dir)]);
    const kids = new Set(all.map((k) => k.kid));
    expect(kids.size).toBe(1);
    const jwks = JSON.parse(await readFile(join(dir, '.chalice-ts/dev-jwks.json'), 'utf8'));
    expect(jwks.keys[0].kid).toBe(all[0]?.kid);
  });

  it('rewrites a missing or stale JWKS from the private key', async () => {
    const keys = await devKeys(project);
    await writeFile(keys.jwksPath, '{"keys":[]}');
    await devKeys(project);
    expect(JSON.parse(await readFile(keys.jwksPath, 'utf8'))).toEqual(keys.jwks);
  });

  it('refuses a corrupted private key file and says how to recover', async () => {
    await mkdir(join(dir, '.chalice-ts'));
    await writeFile(join(dir, '.chalice-ts/dev-cognito-private.json'), '{"kty":"oct"}');
    await expect(devKeys(dir)).rejects.toThrow(/delete it to generate a new dev key/);
    await expect(devKeys(dir)).rejects.toBeInstanceOf(LocalError);
  });
});

describe('loadJwksFile', () => {
  it('loads the dev JWKS', async () => {
    const keys = await devKeys(project);
    expect(await loadJwksFile(keys.jwksPath)).toEqual(keys.jwks);
  });

  it.each([
    ['a missing file', null, /file not found/],
    ['invalid JSON', '{', /not valid JSON/],
    ['no keys', '{"keys":[]}', /no "keys" array/],
    ['a non-RSA key', '{"keys":[{"kty":"EC","kid":"a"}]}', /keys\[0\] is not an RSA key/],
    ['a key without kid', '{"keys":[{"kty":"RSA","n":"x","e":"AQAB"}]}', /keys\[0\] has no "kid"/],
    ['a private key', '{"keys":[{"kty":"RSA","kid":"a","n":"x","e":"AQAB","d":"y"}]}', /private key/],
  ])('rejects %s with a message naming the file', async (_name, content, message) => {
    const path = join(dir, 'jwks.json');
    if (content !== null) await writeFile(path, content);
    const attempt = loadJwksFile(path);
    await expect(attempt).rejects.toThrow(message);
    await expect(loadJwksFile(path)).rejects.toThrow(path);
  });
});
