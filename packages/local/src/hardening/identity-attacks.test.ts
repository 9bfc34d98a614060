import { createHmac, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoUserPoolAuthorizer, Chalice, IAMAuthorizer } from '@chalice-ts/runtime';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevKeys, devKeys, mintCognitoToken } from '../cognito/index.js';
import { LocalGateway } from '../gateway/local-gateway.js';
import { signRequest } from '../sigv4/index.js';

// Issue 7's JWT and SigV4 attack list, end to end through LocalGateway: each forged identity must
// be refused with the status, x-amzn-ErrorType and body API Gateway (REST API) sends. The unit
// suites (cognito/verify.test.ts, sigv4/verify-refusals.test.ts) check the reasons; this checks
// that the gateway turns every one into a refusal and never reaches the handler.
const POOL = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc';
const OTHER_POOL = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_other';
const NOW = Date.parse('2026-12-02T06:00:00Z');
const credential = {
  accessKeyId: 'AKIDLOCAL',
  secretAccessKey: 'local-secret-key',
  userArn: 'arn:aws:iam::123456789012:user/dev',
};
const UNAUTHORIZED = [401, 'UnauthorizedException', '{"message":"Unauthorized"}'];

let clockMs = NOW;
const reached: string[] = [];
function attackApp(): Chalice {
  const app = new Chalice({ appName: 'attacks' });
  const handler = (name: string) => () => {
    reached.push(name);
    return { ok: true };
  };
  const pool = new CognitoUserPoolAuthorizer('MyPool', { providerArns: [POOL] });
  app.route('/pool', { authorizer: pool }, handler('pool'));
  app.route('/scoped', { authorizer: pool.withScopes(['api/read']) }, handler('scoped'));
  app.route('/iam', { methods: ['GET', 'POST'], authorizer: new IAMAuthorizer() }, handler('iam'));
  return app;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
let projectDir: string;
let keys: DevKeys;
let stranger: JWK;
let gateway: LocalGateway;
const mint = (o: Partial<Parameters<typeof mintCognitoToken>[0]> = {}) =>
  mintCognitoToken({ keys, providerArn: POOL, username: 'jane', now: NOW, ...o });
/** Signed by the attacker's key (mint prefers `keys` when given, so this path leaves it out). */
const forge = (kid: string) =>
  mintCognitoToken({ privateKey: stranger, kid, providerArn: POOL, username: 'jane', now: NOW });
const payloadOf = async (o: Partial<Parameters<typeof mintCognitoToken>[0]> = {}) =>
  (await mint(o)).split('.')[1] ?? '';

beforeAll(async () => {
  projectDir = mkdtempSync(join(tmpdir(), 'chalice-ts-attacks-'));
  keys = await devKeys(projectDir);
  stranger = {
    ...(await exportJWK((await generateKeyPair('RS256', { extractable: true })).privateKey)),
    alg: 'RS256',
  };
  gateway = new LocalGateway(attackApp(), {
    projectDir,
    config: {
      version: 1,
      app_name: 'attacks',
      local: {
        iam: {
          credentials: [
            {
              access_key_id: credential.accessKeyId,
              secret_access_key: credential.secretAccessKey,
              user_arn: credential.userArn,
            },
          ],
        },
      },
    },
    clock: { now: () => clockMs },
    logger: () => {},
  });
});
afterAll(() => rmSync(projectDir, { recursive: true, force: true }));

async function call(method: string, path: string, headers: Record<string, string>, body?: string) {
  reached.length = 0;
  const res = await gateway.handleRequest({ method, path, headers, ...(body === undefined ? {} : { body }) });
  return { res, handlerRan: reached.length > 0 };
}

describe('JWT attacks on a Cognito user pool route', () => {
  it('accepts the genuine token (the attacks below differ from it in one thing)', async () => {
    const { res } = await call('GET', '/pool', { Authorization: await mint() });
    expect(res.statusCode).toBe(200);
  });

  it.each<[string, string, () => Promise<string>]>([
    [
      'alg: none',
      '/pool',
      async () => `${b64({ alg: 'none', typ: 'JWT', kid: keys.kid })}.${await payloadOf()}.`,
    ],
    [
      'alg: none behind a Bearer prefix',
      '/pool',
      async () => `Bearer ${b64({ alg: 'none' })}.${await payloadOf()}.`,
    ],
    [
      'HS256 signed with the public key as the HMAC secret',
      '/pool',
      async () => {
        const head = b64({ alg: 'HS256', typ: 'JWT', kid: keys.kid });
        const payload = await payloadOf();
        const publicJwk = keys.jwks.keys[0] as JWK;
        const pem = createPublicKey({
          key: publicJwk as import('node:crypto').JsonWebKey,
          format: 'jwk',
        }).export({ type: 'spki', format: 'pem' });
        return `${head}.${payload}.${createHmac('sha256', pem).update(`${head}.${payload}`).digest('base64url')}`;
      },
    ],
    ['an unknown kid', '/pool', () => forge('stranger-kid')],
    ['the known kid, signed by another key', '/pool', () => forge(keys.kid)],
    [
      'an attacker key embedded in the header (jwk)',
      '/pool',
      async () => {
        const claims = JSON.parse(Buffer.from(await payloadOf(), 'base64url').toString());
        const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicPart } = stranger;
        return new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: keys.kid, jwk: publicPart })
          .sign(await import('jose').then((j) => j.importJWK(stranger, 'RS256')));
      },
    ],
    ['expired one second ago', '/pool', () => mint({ now: NOW - 3_601_000 })],
    ['not yet valid (nbf a minute ahead)', '/pool', () => mint({ claims: { nbf: NOW / 1000 + 60 } })],
    ['issued by another user pool (wrong issuer)', '/pool', () => mint({ providerArn: OTHER_POOL })],
    [
      'issued by a lookalike issuer URL',
      '/pool',
      () => mint({ claims: { iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_abc/' } }),
    ],
    [
      "for another pool's app client (wrong audience and issuer)",
      '/pool',
      () => mint({ providerArn: OTHER_POOL, clientId: 'otherclient123' }),
    ],
    [
      'an access token where an ID token is required',
      '/pool',
      () => mint({ tokenUse: 'access', scopes: ['api/read'] }),
    ],
    ['an ID token where an access token is required', '/scoped', () => mint()],
    ['an access token without the route scope', '/scoped', () => mint({ scopes: ['api/write'] })],
    ['a token_use other than id/access', '/pool', () => mint({ claims: { token_use: 'refresh' } })],
    [
      'a payload edited after signing (username -> admin)',
      '/pool',
      async () => {
        const [head, payload, sig] = (await mint()).split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
        return `${head}.${b64({ ...claims, 'cognito:username': 'admin' })}.${sig}`;
      },
    ],
    ['a very long garbage token', '/pool', async () => `${'a'.repeat(4000)}.${'b'.repeat(4000)}.c`],
  ])('refuses %s with 401 Unauthorized', async (_name, path, token) => {
    const { res, handlerRan } = await call('GET', path, { Authorization: await token() });
    expect([res.statusCode, res.headers['x-amzn-ErrorType'], res.body]).toEqual(UNAUTHORIZED);
    expect(handlerRan).toBe(false);
  });

  // API Gateway's Cognito authorizer (REST API) checks signature, issuer, expiry and token_use,
  // not the app client: any client of a configured pool is accepted. chalice.yaml has no client
  // list, so a different `aud`/`client_id` from the SAME pool is (faithfully) not a refusal.
  it('accepts a token from another app client of the same pool, as API Gateway does', async () => {
    const { res } = await call('GET', '/pool', {
      Authorization: await mint({ clientId: 'anotherclient99' }),
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('SigV4 attacks on an IAM route', () => {
  const base = {
    method: 'POST',
    path: '/iam',
    headers: { host: 'localhost', 'content-type': 'application/json', 'x-amz-meta-role': 'reader' },
    body: '{"a":1}',
  };
  const sign = (at = NOW, cred = credential) => signRequest({ ...base, query: '' }, cred, { now: at });

  it('accepts the genuine request, and a replay inside the 5-minute window (SigV4 has no nonce)', async () => {
    const signed = await sign();
    clockMs = NOW + 4 * 60_000;
    const { res } = await call('POST', '/iam', { ...base.headers, ...signed }, base.body);
    clockMs = NOW;
    expect(res.statusCode).toBe(200);
  });

  it.each<
    [
      string,
      () => Promise<{ method: string; path: string; headers: Record<string, string>; body: string }>,
      string,
      RegExp,
      number?,
    ]
  >([
    [
      'a replay 6 minutes later (API Gateway allows 5)',
      async () => ({ ...base, headers: { ...base.headers, ...(await sign()) } }),
      'InvalidSignatureException',
      /Signature expired: .* - 5 min\.\)$/,
      NOW + 6 * 60_000,
    ],
    [
      'a signature dated 6 minutes ahead',
      async () => ({ ...base, headers: { ...base.headers, ...(await sign(NOW + 6 * 60_000)) } }),
      'InvalidSignatureException',
      /Signature not yet current/,
    ],
    [
      'a tampered body',
      async () => ({ ...base, body: '{"a":2}', headers: { ...base.headers, ...(await sign()) } }),
      'InvalidSignatureException',
      /signature/i,
    ],
    [
      'a tampered signed header',
      async () => ({ ...base, headers: { ...base.headers, ...(await sign()), 'x-amz-meta-role': 'admin' } }),
      'InvalidSignatureException',
      /signature/i,
    ],
    [
      'a tampered content-type (signed)',
      async () => ({
        ...base,
        headers: { ...base.headers, ...(await sign()), 'content-type': 'text/plain' },
      }),
      'InvalidSignatureException',
      /signature/i,
    ],
    [
      'the signed method changed (POST -> GET)',
      async () => ({ ...base, method: 'GET', headers: { ...base.headers, ...(await sign()) } }),
      'InvalidSignatureException',
      /signature/i,
    ],
    [
      'a query added after signing',
      async () => ({ ...base, path: '/iam?admin=true', headers: { ...base.headers, ...(await sign()) } }),
      'InvalidSignatureException',
      /signature/i,
    ],
    [
      'a wrong secret',
      async () => ({
        ...base,
        headers: { ...base.headers, ...(await sign(NOW, { ...credential, secretAccessKey: 'guess' })) },
      }),
      'InvalidSignatureException',
      /signature/i,
    ],
    [
      'an unknown access key',
      async () => ({
        ...base,
        headers: { ...base.headers, ...(await sign(NOW, { ...credential, accessKeyId: 'AKIDOTHER' })) },
      }),
      'UnrecognizedClientException',
      /security token/i,
    ],
    [
      'the signature stripped',
      async () => {
        const signed = await sign();
        return {
          ...base,
          headers: {
            ...base.headers,
            ...signed,
            authorization: (signed['authorization'] ?? '').replace(/, Signature=\w+/, ''),
          },
        };
      },
      'IncompleteSignatureException',
      /Signature/,
    ],
  ])('refuses %s with 403', async (_name, make, errorType, message, at) => {
    const request = await make();
    clockMs = at ?? NOW;
    try {
      const { res, handlerRan } = await call(request.method, request.path, request.headers, request.body);
      expect([res.statusCode, res.headers['x-amzn-ErrorType']]).toEqual([403, errorType]);
      expect(JSON.parse(res.body).message ?? JSON.parse(res.body).Message).toMatch(message);
      expect(handlerRan).toBe(false);
    } finally {
      clockMs = NOW;
    }
  });
});
