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
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const post: SigV4Request = {
  method: 'POST',
  path: '/api/items',
  query: 'a=1',
  headers: { host: 'localhost:8000', 'content-type': 'application/json' },
  body: '{"name":"x"}',
};

async function signed(request: SigV4Request, credential = dev, now = NOW): Promise<SigV4Request> {
  const added = await signRequest(request, credential, { now });
  return { ...request, headers: { ...request.headers, ...added } };
}

function withHeaders(request: SigV4Request, headers: Record<string, string | undefined>): SigV4Request {
  return { ...request, headers: { ...request.headers, ...headers } };
}

async function signedFor(service: string, region = 'us-east-1'): Promise<SigV4Request> {
  const signer = new SignatureV4({ service, region, credentials: dev, sha256: Sha256 });
  const out = await signer.sign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: 'localhost',
      path: '/x',
      query: {},
      headers: { host: 'localhost' },
    },
    { signingDate: new Date(NOW) },
  );
  return { method: 'GET', path: '/x', query: '', headers: out.headers };
}

describe('verifySigV4 refuses', () => {
  it.each<[string, () => Promise<SigV4Request>, string, RegExp]>([
    [
      'an unsigned request',
      async () => post,
      'MissingAuthenticationTokenException',
      /^Missing Authentication Token$/,
    ],
    [
      'a bearer token on an IAM route',
      async () => withHeaders(post, { authorization: 'Bearer abc.def.ghi' }),
      'IncompleteSignatureException',
      /^Authorization header requires 'Credential' parameter\. Authorization header requires 'Signature' parameter\. Authorization header requires 'SignedHeaders' parameter\. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header\.$/,
    ],
    [
      'a tampered body',
      async () => ({ ...(await signed(post)), body: '{"name":"y"}' }),
      'InvalidSignatureException',
      /^The request signature we calculated/,
    ],
    [
      'a tampered body without x-amz-content-sha256',
      async () => ({
        ...withHeaders(await signed(post), { 'x-amz-content-sha256': undefined }),
        body: '{"name":"y"}',
      }),
      'InvalidSignatureException',
      /^The request signature we calculated/,
    ],
    [
      'a tampered signed header',
      async () => withHeaders(await signed(post), { 'content-type': 'text/plain' }),
      'InvalidSignatureException',
      /^The request signature we calculated/,
    ],
    [
      'a tampered query',
      async () => ({ ...(await signed(post)), query: 'a=2' }),
      'InvalidSignatureException',
      /^The request signature we calculated/,
    ],
    [
      'a different path',
      async () => ({ ...(await signed(post)), path: '/api/other' }),
      'InvalidSignatureException',
      /^The request signature we calculated/,
    ],
    [
      'a different method',
      async () => ({ ...(await signed(post)), method: 'PUT' }),
      'InvalidSignatureException',
      /^The request signature we calculated/,
    ],
    [
      'a signature from the wrong secret',
      () => signed(post, { ...dev, secretAccessKey: 'wrong' }),
      'InvalidSignatureException',
      /^The request signature we calculated[\s\S]*The Canonical String for this request should have been\n'POST\n\/api\/items\na=1\n/,
    ],
    [
      'a replay 6 minutes later (API Gateway allows 5)',
      () => signed(post, dev, NOW - 6 * 60_000),
      'InvalidSignatureException',
      /^Signature expired: 20261202T063723Z is now earlier than 20261202T063823Z \(20261202T064323Z - 5 min\.\)$/,
    ],
    [
      'a signature dated 6 minutes ahead',
      () => signed(post, dev, NOW + 6 * 60_000),
      'InvalidSignatureException',
      /^Signature not yet current: 20261202T064923Z is still later than 20261202T064823Z \(20261202T064323Z \+ 5 min\.\)$/,
    ],
    [
      'a credential scoped to another service',
      () => signedFor('es'),
      'InvalidSignatureException',
      /^Credential should be scoped to correct service: 'execute-api'\. $/,
    ],
    [
      'an unknown access key',
      () => signed(post, { ...dev, accessKeyId: 'AKIDUNKNOWN' }),
      'UnrecognizedClientException',
      /^The security token included in the request is invalid\.$/,
    ],
    [
      'temporary credentials without their session token',
      () => signed(post, { ...dev, accessKeyId: 'ASIATEMP' }),
      'UnrecognizedClientException',
      /^The security token included in the request is invalid\.$/,
    ],
    [
      'a scope date that is not the x-amz-date day',
      async () => {
        const request = await signed(post);
        const auth = String(request.headers.authorization).replace('/20261202/', '/20261201/');
        return withHeaders(request, { authorization: auth });
      },
      'InvalidSignatureException',
      /^Date in Credential scope does not match/,
    ],
    [
      'a signature that does not cover host',
      async () => {
        const request = await signed(post);
        const auth = String(request.headers.authorization).replace(
          /SignedHeaders=[^,]+/,
          'SignedHeaders=x-amz-date',
        );
        return withHeaders(request, { authorization: auth });
      },
      'InvalidSignatureException',
      /must be a 'SignedHeader'/,
    ],
    [
      'a malformed x-amz-date',
      async () => withHeaders(await signed(post), { 'x-amz-date': '2026-12-02' }),
      'IncompleteSignatureException',
      /X-Amz-Date/,
    ],
    [
      'an empty signature',
      async () => {
        const request = await signed(post);
        return withHeaders(request, {
          authorization: String(request.headers.authorization).replace(/Signature=\w+/, 'Signature='),
        });
      },
      'InvalidSignatureException',
      /^The request signature we calculated/,
    ],
  ])('%s', async (_name, make, errorType, message) => {
    const temp = { ...dev, accessKeyId: 'ASIATEMP', sessionToken: 'tok' };
    const result = await verifySigV4(await make(), { credentials: [...credentials, temp], now: NOW });
    expect(result).toMatchObject({ ok: false, status: 403, errorType });
    if (result.ok) return;
    expect(result.message).toMatch(message);
  });

  it('refuses a credential scoped to another region when the gateway region is set', async () => {
    const result = await verifySigV4(await signedFor('execute-api', 'eu-west-1'), {
      credentials,
      now: NOW,
      region: 'us-east-1',
    });
    expect(result).toMatchObject({
      ok: false,
      message: "Credential should be scoped to a valid region, not 'eu-west-1'. ",
    });
  });

  it('never puts the signature, secret or session token in the log reason', async () => {
    const temp = { ...dev, accessKeyId: 'ASIATEMP', sessionToken: 'session-token-value' };
    const cases = [
      await signed(post, { ...dev, secretAccessKey: 'wrong' }),
      await signed(post, { ...temp, sessionToken: 'other-token' }),
      withHeaders(post, { authorization: 'Bearer secret-bearer-token' }),
    ];
    for (const request of cases) {
      const result = await verifySigV4(request, { credentials: [dev, temp], now: NOW });
      if (result.ok) throw new Error('expected a refusal');
      const signature = /Signature=(\w+)/.exec(String(request.headers.authorization))?.[1] ?? 'none';
      for (const secret of [
        signature,
        dev.secretAccessKey,
        'session-token-value',
        'other-token',
        'secret-bearer-token',
      ]) {
        expect(result.reason).not.toContain(secret);
      }
    }
  });

  it('uses the message API Gateway sends for a signature mismatch', async () => {
    const result = await verifySigV4(await signed(post, { ...dev, secretAccessKey: 'wrong' }), {
      credentials,
      now: NOW,
    });
    expect(result.ok || result.message.startsWith(MISMATCH)).toBe(true);
    expect(result.ok || result.message).toContain(
      "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20261202T064323Z\n",
    );
  });
});
