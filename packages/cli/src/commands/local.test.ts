import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CurlResponse,
  curl,
  FIXTURES,
  type LocalProcess,
  runCli,
  startLocal,
  tempDir,
} from '../fixtures/cli-process.js';

const PROJECT = join(FIXTURES, 'all-kinds');
const SIGV4 = ['--aws-sigv4', 'aws:amz:us-east-1:execute-api'];
// Credential of the fixture's local.iam.credentials.
const IAM_USER = 'AKIDALLKINDS:all-kinds-secret';

const UNAUTHORIZED = { status: 401, type: 'UnauthorizedException', body: { message: 'Unauthorized' } };
const NOT_ALLOWED = {
  status: 403,
  type: 'AccessDeniedException',
  body: { Message: 'User is not authorized to access this resource' },
};
const EXPLICIT_DENY = {
  status: 403,
  type: 'AccessDeniedException',
  body: { Message: 'User is not authorized to access this resource with an explicit deny' },
};
const CONFIG_ERROR = { status: 500, type: 'AuthorizerConfigurationException', body: { message: null } };
const MISSING_TOKEN = {
  status: 403,
  type: 'MissingAuthenticationTokenException',
  body: { message: 'Missing Authentication Token' },
};

let local: LocalProcess;
const secrets: string[] = ['all-kinds-secret', 'key-secret-k1', 'query-secret-q1', 'custom-ok'];

async function calls(): Promise<Record<string, number>> {
  const res = await curl([`${local.url}/health`]);
  return (JSON.parse(res.body) as { calls: Record<string, number> }).calls;
}

function expectGatewayError(res: CurlResponse, expected: { status: number; type: string; body: unknown }) {
  expect(res.status).toBe(expected.status);
  expect(res.headers['x-amzn-errortype']).toBe(expected.type);
  expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.parse(res.body)).toEqual(expected.body);
}

beforeAll(async () => {
  local = await startLocal(PROJECT);
});

afterAll(async () => {
  await local?.stop();
});

describe('chalice-ts local with a built-in TOKEN authorizer (the seed walkthrough)', () => {
  it('answers 401 without invoking the authorizer when the Authorization header is missing', async () => {
    const before = (await calls())['demo_auth'] ?? 0;
    expectGatewayError(await curl([`${local.url}/`]), UNAUTHORIZED);
    expectGatewayError(await curl(['-H', 'Authorization:', `${local.url}/`]), UNAUTHORIZED);
    expect((await calls())['demo_auth'] ?? 0).toBe(before);
  });

  it('answers 200 for the token allow, with context.authorizer.principalId user', async () => {
    const res = await curl(['-H', 'Authorization: allow', `${local.url}/`]);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { context: { authorizer: Record<string, string>; stage: string } };
    expect(body.context.authorizer).toEqual({ principalId: 'user' });
    expect(body.context.stage).toBe('api');
  });

  it('answers 403 for any other token', async () => {
    expectGatewayError(await curl(['-H', 'Authorization: deny', `${local.url}/`]), NOT_ALLOWED);
  });
});

describe('chalice-ts local, one row of ARCHITECTURE §4 per request', () => {
  it('answers 401 without invoking a REQUEST authorizer when one identity source is missing', async () => {
    const before = (await calls())['key_auth'] ?? 0;
    expectGatewayError(await curl(['-H', 'X-Api-Key: key-secret-k1', `${local.url}/key`]), UNAUTHORIZED);
    expectGatewayError(await curl([`${local.url}/key?token=query-secret-q1`]), UNAUTHORIZED);
    expect((await calls())['key_auth'] ?? 0).toBe(before);
  });

  it('allows a REQUEST authorizer that gets both the header and the query parameter', async () => {
    const res = await curl(['-H', 'X-Api-Key: key-secret-k1', `${local.url}/key?token=query-secret-q1`]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).context.authorizer).toEqual({ principalId: 'key-user' });
  });

  it('answers 403 with an explicit deny when a Deny statement matches, even next to an Allow', async () => {
    expectGatewayError(await curl(['-H', 'Authorization: t', `${local.url}/explicit-deny`]), EXPLICIT_DENY);
    expect((await curl(['-H', 'Authorization: t', `${local.url}/allowed-by-deny-auth`])).status).toBe(200);
  });

  it('answers 500 {"message":null} when the authorizer returns a non-primitive context value', async () => {
    expectGatewayError(await curl(['-H', 'Authorization: t', `${local.url}/bad-context`]), CONFIG_ERROR);
  });

  it('runs a custom authorizer local_handler with the TOKEN event from its configured header', async () => {
    const res = await curl(['-H', 'X-Custom-Token: custom-ok', `${local.url}/custom`]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).context.authorizer).toEqual({ principalId: 'custom-user' });
    expectGatewayError(await curl(['-H', 'X-Custom-Token: other', `${local.url}/custom`]), EXPLICIT_DENY);
    expectGatewayError(await curl(['-H', 'Authorization: custom-ok', `${local.url}/custom`]), UNAUTHORIZED);
  });

  it('fails closed with 500 for a custom authorizer without a local handler, and says how to add one', async () => {
    const from = local.stdout().length;
    expectGatewayError(await curl(['-H', 'Authorization: t', `${local.url}/custom-none`]), CONFIG_ERROR);
    await local.waitForOutput(/NoLocalHandler has no local handler.*local_handler/, { from });
  });

  it('answers 403 Missing Authentication Token for an unknown path, and for OPTIONS without CORS', async () => {
    expectGatewayError(await curl([`${local.url}/no/such/route`]), MISSING_TOKEN);
    expectGatewayError(await curl(['-X', 'OPTIONS', `${local.url}/`]), MISSING_TOKEN);
    expectGatewayError(await curl(['-X', 'POST', `${local.url}/health`]), MISSING_TOKEN);
  });

  it('answers a CORS preflight without running the authorizer', async () => {
    const before = (await calls())['demo_auth'] ?? 0;
    const res = await curl([
      '-X',
      'OPTIONS',
      '-H',
      'Origin: https://example.com',
      '-H',
      'Access-Control-Request-Method: GET',
      `${local.url}/cors`,
    ]);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe('POST,GET,OPTIONS');
    expect((await calls())['demo_auth'] ?? 0).toBe(before);
  });

  it('answers the preflight with the headers of the mock integration `chalice-ts package` deploys', async () => {
    const out = await tempDir('preflight-parity');
    try {
      const packaged = await runCli(['package', out.dir, '--project-dir', PROJECT]);
      expect(packaged.code, packaged.stderr).toBe(0);
      const openapi = JSON.parse(await readFile(join(out.dir, 'openapi.json'), 'utf8'));
      const mock = openapi.paths['/cors'].options['x-amazon-apigateway-integration'];
      const deployed: Record<string, string> = {};
      for (const [key, value] of Object.entries(
        mock.responses.default.responseParameters as Record<string, string>,
      )) {
        deployed[key.replace('method.response.header.', '').toLowerCase()] = value.slice(1, -1);
      }
      const res = await curl(['-X', 'OPTIONS', `${local.url}/cors`]);
      const answered = Object.fromEntries(
        Object.entries(res.headers).filter(([name]) => name.startsWith('access-control-')),
      );
      expect(Object.keys(deployed)).toHaveLength(3);
      expect(answered).toEqual(deployed);
    } finally {
      await out.remove();
    }
  });
});

describe('chalice-ts local with a Cognito user pool authorizer', () => {
  it('accepts a token minted by chalice-ts token for the same project, with the claims as strings', async () => {
    const minted = await runCli(['token', 'MyPool', '--username', 'jane', '--project-dir', PROJECT]);
    expect(minted.code).toBe(0);
    const token = minted.stdout.trim();
    secrets.push(token, token.split('.')[2] ?? token);
    const res = await curl(['-H', `Authorization: ${token}`, `${local.url}/user-pools`]);
    expect(res.status).toBe(200);
    const claims = JSON.parse(res.body).context.authorizer.claims as Record<string, string>;
    expect(claims['cognito:username']).toBe('jane');
    expect(claims['token_use']).toBe('id');
    expect(claims['iss']).toBe('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_allkinds');
    expect(Object.values(claims).every((v) => typeof v === 'string')).toBe(true);
  });

  it('answers 401 for a missing, expired or tampered token', async () => {
    expectGatewayError(await curl([`${local.url}/user-pools`]), UNAUTHORIZED);
    const expired = await runCli(['token', 'MyPool', '--expires-in=-60', '--project-dir', PROJECT]);
    expect(expired.code).toBe(0);
    const token = expired.stdout.trim();
    secrets.push(token);
    expectGatewayError(
      await curl(['-H', `Authorization: ${token}`, `${local.url}/user-pools`]),
      UNAUTHORIZED,
    );
    const [header, payload] = token.split('.');
    const tampered = `${header}.${payload}.${'A'.repeat(342)}`;
    expectGatewayError(
      await curl(['-H', `Authorization: ${tampered}`, `${local.url}/user-pools`]),
      UNAUTHORIZED,
    );
  });
});

describe('chalice-ts local with an IAM authorizer (curl --aws-sigv4)', () => {
  it('answers 200 for a request signed with the local credential and fills requestContext.identity', async () => {
    const res = await curl([...SIGV4, '--user', IAM_USER, `${local.url}/iam`]);
    expect(res.status).toBe(200);
    const identity = JSON.parse(res.body).context.identity as Record<string, string>;
    expect(identity).toMatchObject({
      accessKey: 'AKIDALLKINDS',
      accountId: '123456789012',
      userArn: 'arn:aws:iam::123456789012:user/dev',
    });
  });

  it('answers 403 for a request signed with the wrong secret', async () => {
    const res = await curl([...SIGV4, '--user', 'AKIDALLKINDS:not-the-secret', `${local.url}/iam`]);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).message).toMatch(/^The request signature we calculated does not match/);
  });

  it('answers 403 Missing Authentication Token for an unsigned request', async () => {
    expectGatewayError(await curl([`${local.url}/iam`]), MISSING_TOKEN);
  });
});

describe('chalice-ts local request log', () => {
  it('writes one line per request on stdout with method, path, status, authorizer, decision and cache', async () => {
    const from = local.stdout().length;
    await curl(['-H', 'Authorization: deny', `${local.url}/?token=query-secret-q1`]);
    const line = await local.waitForOutput(/^GET \/ 403 .*$/m, { from });
    expect(line).toMatch(/^GET \/ 403 demo_auth deny cache=(hit|miss) \d+\.\dms$/);
  });

  it('never logs a token, signature, API key or secret', async () => {
    await curl(['-H', 'X-Api-Key: key-secret-k1', `${local.url}/key?token=query-secret-q1`]);
    const signed = await curl([...SIGV4, '--user', IAM_USER, '-v', `${local.url}/iam`]);
    expect(signed.status).toBe(200);
    const signature = signed.trace.match(/Signature=([0-9a-f]{64})/)?.[1];
    expect(signature).toBeDefined();
    secrets.push(signature ?? 'missing');
    await curl([`${local.url}/health`]);
    const everything = local.stdout() + local.stderr();
    expect(everything).toContain('GET /health 200');
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});
