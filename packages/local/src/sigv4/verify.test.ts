import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { Sha256 } from './sha256.js';
import { signRequest } from './sign.js';
import type { SigV4Credential, SigV4Request } from './types.js';
import { verifySigV4 } from './verify.js';

const NOW = Date.parse('2026-12-02T06:43:23Z');
const dev: SigV4Credential = {
  accessKeyId: 'AKIDLOCAL',
  secretAccessKey: 'local-secret-key',
  userArn: 'arn:aws:iam::123456789012:user/dev',
};
const credentials = [dev];

async function signed(request: SigV4Request, credential = dev, now = NOW): Promise<SigV4Request> {
  const added = await signRequest(request, credential, { now });
  return { ...request, headers: { ...request.headers, ...added } };
}

const get: SigV4Request = {
  method: 'GET',
  path: '/api/iam-auth',
  query: '',
  headers: { host: '127.0.0.1:8000' },
};
const post: SigV4Request = {
  method: 'POST',
  path: '/api/items',
  query: 'dry=true',
  headers: { host: 'localhost:8000', 'content-type': 'application/json', 'User-Agent': 'test/1' },
  body: '{"name":"x"}',
};

describe('verifySigV4 accepts', () => {
  it.each([
    ['a signed GET', get],
    ['a signed POST with a body and a query', post],
    ['a binary body', { ...post, body: new Uint8Array([0, 1, 2, 255]) }],
    ['repeated and encoded query parameters', { ...get, query: 'b=2&a=1&a=0&c=x%2Fy&flag' }],
    ['a path with percent-encoded characters', { ...get, path: '/api/a%20b/c%2Fd' }],
  ])('%s', async (_name, request) => {
    const result = await verifySigV4(await signed(request), { credentials, now: NOW });
    expect(result).toMatchObject({ ok: true });
  });

  it('fills the identity API Gateway puts in requestContext.identity', async () => {
    const result = await verifySigV4(await signed(get), { credentials, now: NOW });
    if (!result.ok) throw new Error(result.reason);
    expect(result.identity).toMatchObject({
      accessKey: 'AKIDLOCAL',
      accountId: '123456789012',
      userArn: dev.userArn,
    });
    expect(result.identity.caller).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(result.identity.user).toBe(result.identity.caller);
  });

  it('accepts the query reordered and re-encoded, since the canonical query is sorted and decoded first', async () => {
    const request = await signed({ ...get, query: 'b=2&a=1&c=x%2Fy' });
    const result = await verifySigV4({ ...request, query: 'c=x/y&a=1&b=2' }, { credentials, now: NOW });
    expect(result.ok).toBe(true);
  });

  it('ignores changes to headers that were not signed', async () => {
    const request = await signed(post);
    const result = await verifySigV4(
      { ...request, headers: { ...request.headers, 'User-Agent': 'other/2', 'x-extra': '1' } },
      { credentials, now: NOW },
    );
    expect(result.ok).toBe(true);
  });

  it("accepts a signature 4 minutes old and one 4 minutes ahead (API Gateway's window is 5 minutes)", async () => {
    for (const offset of [-4, 4]) {
      const request = await signed(get, dev, NOW + offset * 60_000);
      expect((await verifySigV4(request, { credentials, now: NOW })).ok).toBe(true);
    }
  });

  it('takes a wider window from maxSkewSeconds', async () => {
    const request = await signed(get, dev, NOW - 14 * 60_000);
    expect((await verifySigV4(request, { credentials, now: NOW })).ok).toBe(false);
    expect((await verifySigV4(request, { credentials, now: NOW, maxSkewSeconds: 900 })).ok).toBe(true);
  });

  it('accepts temporary credentials that send their session token', async () => {
    const temp = { ...dev, accessKeyId: 'ASIATEMP', sessionToken: 'session-token-value' };
    const result = await verifySigV4(await signed(get, temp), { credentials: [temp], now: NOW });
    expect(result.ok).toBe(true);
  });

  it('accepts a presigned URL (X-Amz-Signature in the query)', async () => {
    const signer = new SignatureV4({
      service: 'execute-api',
      region: 'us-east-1',
      credentials: dev,
      sha256: Sha256,
    });
    const presigned = await signer.presign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname: 'localhost',
        path: '/api/x',
        query: { q: 'a b' },
        headers: { host: 'localhost' },
      },
      { signingDate: new Date(NOW), expiresIn: 60 },
    );
    const query = Object.entries(presigned.query ?? {})
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    const request = { method: 'GET', path: '/api/x', query, headers: { host: 'localhost' } };
    expect((await verifySigV4(request, { credentials, now: NOW + 30_000 })).ok).toBe(true);
    const late = await verifySigV4(request, { credentials, now: NOW + 61_000 });
    expect(late).toMatchObject({ ok: false, errorType: 'InvalidSignatureException' });
  });
});
