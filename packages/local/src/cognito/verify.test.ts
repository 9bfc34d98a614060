import { createHmac, createPublicKey } from 'node:crypto';
import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { type MintCognitoTokenOptions, mintCognitoToken } from './mint.js';
import { verifyCognitoToken } from './verify.js';

const POOL = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc';
const OTHER_POOL = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_other';
const NOW = Date.parse('2026-12-02T06:00:00Z');
let privateKey: JWK;
let publicKey: JWK;
let strangerKey: JWK;
let jwks: JSONWebKeySet;

beforeAll(async () => {
  const [pair, stranger] = await Promise.all([
    generateKeyPair('RS256', { extractable: true }),
    generateKeyPair('RS256', { extractable: true }),
  ]);
  privateKey = { ...(await exportJWK(pair.privateKey)), kid: 'dev-kid', alg: 'RS256' };
  publicKey = { ...(await exportJWK(pair.publicKey)), kid: 'dev-kid', alg: 'RS256' };
  strangerKey = { ...(await exportJWK(stranger.privateKey)), alg: 'RS256' };
  jwks = { keys: [publicKey] };
});

const mint = (o: Partial<MintCognitoTokenOptions> = {}) =>
  mintCognitoToken({ privateKey, providerArn: POOL, username: 'jane', now: NOW, ...o });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const verify = (token: string | undefined, scopes: string[] = [], providerArns = [POOL]) =>
  verifyCognitoToken(token, { jwks, providerArns, scopes, now: NOW });

describe('verifyCognitoToken accepts', () => {
  it('a valid ID token on a route without scopes', async () => {
    const result = await verify(await mint());
    expect(result).toMatchObject({ ok: true, claims: { 'cognito:username': 'jane', token_use: 'id' } });
  });

  it('the token behind a Bearer prefix', async () => {
    expect((await verify(`Bearer ${await mint()}`)).ok).toBe(true);
  });

  it('an access token holding any one of the route scopes', async () => {
    const token = await mint({ scopes: ['api/write', 'openid'] });
    expect((await verify(token, ['api/read', 'api/write'])).ok).toBe(true);
  });

  it('a token from any of the authorizer’s pools', async () => {
    expect((await verify(await mint({ providerArn: OTHER_POOL }), [], [POOL, OTHER_POOL])).ok).toBe(true);
  });

  it('a token one second before it expires', async () => {
    const token = await mint({ now: NOW - 3599_000 });
    expect((await verify(token)).ok).toBe(true);
  });
});

describe('verifyCognitoToken refuses', () => {
  it.each<[string, () => Promise<string | undefined>, string[], RegExp]>([
    ['a missing token', async () => undefined, [], /^no token$/],
    ['an empty token', async () => '', [], /^no token$/],
    ['a bare Bearer prefix', async () => 'Bearer ', [], /^no token$/],
    ['garbage', async () => 'not-a-jwt', [], /not a JWT/],
    ['three garbage segments', async () => 'a.b.c', [], /not a JWT/],
    [
      'alg none',
      async () => {
        const [, payload] = (await mint()).split('.');
        return `${b64({ alg: 'none', kid: 'dev-kid' })}.${payload}.`;
      },
      [],
      /algorithm none is not RS256/,
    ],
    [
      'HS256 signed with the public key as the secret',
      async () => {
        const [, payload] = (await mint()).split('.');
        const head = b64({ alg: 'HS256', kid: 'dev-kid' });
        const pem = createPublicKey({ key: publicKey, format: 'jwk' }).export({
          type: 'spki',
          format: 'pem',
        });
        const sig = createHmac('sha256', pem).update(`${head}.${payload}`).digest('base64url');
        return `${head}.${payload}.${sig}`;
      },
      [],
      /algorithm HS256 is not RS256/,
    ],
    [
      'an unknown kid',
      () => mint({ privateKey: strangerKey, kid: 'stranger' }),
      [],
      /key id stranger is not in the JWKS/,
    ],
    [
      'a known kid signed by another key',
      () => mint({ privateKey: strangerKey, kid: 'dev-kid' }),
      [],
      /signature does not verify/,
    ],
    [
      'a tampered payload',
      async () => {
        const [head, payload, sig] = (await mint()).split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
        return `${head}.${b64({ ...claims, 'cognito:username': 'admin' })}.${sig}`;
      },
      [],
      /signature does not verify/,
    ],
    [
      'an expired token',
      () => mint({ now: NOW - 3600_000 }),
      [],
      /^token expired at 2026-12-02T06:00:00.000Z$/,
    ],
    [
      'a token not yet valid (nbf)',
      () => mint({ claims: { nbf: NOW / 1000 + 60 } }),
      [],
      /^token not valid before 2026-12-02T06:01:00.000Z$/,
    ],
    [
      'a token from another pool',
      () => mint({ providerArn: OTHER_POOL }),
      [],
      /issuer .* is not one of the authorizer's user pools/,
    ],
    [
      'an access token where an ID token is required',
      () => mint({ tokenUse: 'access' }),
      [],
      /needs an ID token/,
    ],
    ['an ID token on a route with scopes', () => mint(), ['api/read'], /needs an access token/],
    [
      'an access token without the route scope',
      () => mint({ scopes: ['api/write'] }),
      ['api/read'],
      /none of the scopes api\/read/,
    ],
    [
      'a scope that is only a prefix of the route scope',
      () => mint({ scopes: ['api/rea'] }),
      ['api/read'],
      /none of the scopes/,
    ],
    [
      'a token without token_use',
      () => mint({ claims: { token_use: undefined } }),
      [],
      /invalid token|token_use/,
    ],
  ])('%s', async (_name, make, scopes, reason) => {
    const token = await make();
    const result = await verify(token, scopes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(reason);
    if (token !== undefined && token.length > 20)
      expect(result.reason).not.toContain(token.split('.')[2] || token);
  });

  it('fails closed when a provider ARN is invalid', async () => {
    const result = await verify(await mint(), [], ['arn:aws:nope']);
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Invalid Cognito provider ARN/),
    });
  });

  it('fails closed when the authorizer has no provider ARNs', async () => {
    expect(await verify(await mint(), [], [])).toEqual({
      ok: false,
      reason: 'the authorizer has no provider ARNs',
    });
  });
});
