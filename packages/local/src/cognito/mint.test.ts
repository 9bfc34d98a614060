import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { mintCognitoToken } from './mint.js';

const POOL = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc';
const NOW = Date.parse('2026-12-02T06:00:00Z');
let privateKey: Awaited<ReturnType<typeof exportJWK>>;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = { ...(await exportJWK(pair.privateKey)), kid: 'test-kid' };
});

describe('mintCognitoToken', () => {
  it('mints an ID token shaped like Cognito’s when no scopes are given', async () => {
    const token = await mintCognitoToken({ privateKey, providerArn: POOL, username: 'jane', now: NOW });
    expect(decodeProtectedHeader(token)).toEqual({ kid: 'test-kid', alg: 'RS256' });
    const claims = decodeJwt(token);
    expect(claims).toEqual({
      sub: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/),
      email_verified: true,
      'cognito:username': 'jane',
      aud: expect.stringMatching(/^[a-z0-9]{26}$/),
      token_use: 'id',
      event_id: expect.any(String),
      origin_jti: expect.any(String),
      auth_time: NOW / 1000,
      iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_abc',
      exp: NOW / 1000 + 3600,
      iat: NOW / 1000,
      jti: expect.any(String),
    });
  });

  it('mints an access token with the scopes space-separated when scopes are given', async () => {
    const token = await mintCognitoToken({
      privateKey,
      providerArn: POOL,
      username: 'jane',
      scopes: ['api/read', 'api/write'],
      groups: ['admins'],
      clientId: 'client123',
      expiresIn: 300,
      now: NOW,
    });
    expect(decodeJwt(token)).toMatchObject({
      token_use: 'access',
      scope: 'api/read api/write',
      client_id: 'client123',
      username: 'jane',
      version: 2,
      'cognito:groups': ['admins'],
      exp: NOW / 1000 + 300,
    });
    expect(decodeJwt(token)).not.toHaveProperty('aud');
  });

  it('gives the same user the same sub on every mint, and lets claims override', async () => {
    const a = decodeJwt(await mintCognitoToken({ privateKey, providerArn: POOL, username: 'jane' }));
    const b = decodeJwt(
      await mintCognitoToken({
        privateKey,
        providerArn: POOL,
        username: 'jane',
        claims: { email: 'j@example.com' },
      }),
    );
    expect(b.sub).toBe(a.sub);
    expect(b.jti).not.toBe(a.jti);
    expect(b.email).toBe('j@example.com');
  });

  it('honours an explicit tokenUse', async () => {
    const token = await mintCognitoToken({
      privateKey,
      providerArn: POOL,
      username: 'jane',
      tokenUse: 'access',
    });
    expect(decodeJwt(token)).toMatchObject({ token_use: 'access', scope: '' });
  });

  it('refuses to mint without a key or with an invalid provider ARN', async () => {
    await expect(mintCognitoToken({ providerArn: POOL, username: 'x' })).rejects.toThrow(
      /needs `keys` or `privateKey`/,
    );
    await expect(mintCognitoToken({ privateKey, providerArn: 'arn:nope', username: 'x' })).rejects.toThrow(
      /Invalid Cognito provider ARN/,
    );
  });
});
