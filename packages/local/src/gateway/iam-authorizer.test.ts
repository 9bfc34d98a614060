import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { IAMAuthorizer } from '@chalice-ts/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalServer, serve } from '../server/serve.js';
import { signRequest } from '../sigv4/index.js';
import { Chalice } from './fixtures/apps.js';
import { LocalGateway } from './local-gateway.js';

const run = promisify(execFile);
const credential = {
  accessKeyId: 'AKIDLOCAL',
  secretAccessKey: 'local-secret-key',
  userArn: 'arn:aws:iam::123456789012:user/dev',
};
/** A chalice.yaml (as an object) whose only local IAM credential is `c`, with `policy` if given. */
function configFor(c: typeof credential, policy?: object) {
  const entry = { access_key_id: c.accessKeyId, secret_access_key: c.secretAccessKey, user_arn: c.userArn };
  return {
    version: 1,
    app_name: 'iamapp',
    local: { iam: { credentials: [policy === undefined ? entry : { ...entry, policy }] } },
  };
}
const config = configFor(credential);

function iamApp() {
  const app = new Chalice({ appName: 'iamapp' });
  app.route('/iam-auth', { methods: ['GET', 'POST'], authorizer: new IAMAuthorizer() }, (request) => ({
    identity: (request.context as { identity: unknown }).identity,
  }));
  return app;
}

describe('LocalGateway: IAM (SigV4) routes', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  const gateway = new LocalGateway(iamApp(), { config, clock: { now: () => now }, logger: () => {} });

  it('allows a request signed with a local credential and fills requestContext.identity', async () => {
    const request = {
      method: 'POST',
      path: '/iam-auth',
      headers: { host: 'localhost:8000', 'content-type': 'application/json' },
      body: '{"a":1}',
    };
    const signed = await signRequest({ ...request, query: '' }, credential, { now });
    const res = await gateway.handleRequest({ ...request, headers: { ...request.headers, ...signed } });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).identity).toMatchObject({
      accessKey: 'AKIDLOCAL',
      accountId: '123456789012',
      userArn: 'arn:aws:iam::123456789012:user/dev',
      caller: expect.stringMatching(/^AIDA/),
    });
  });

  it('answers 403 Missing Authentication Token for an unsigned request', async () => {
    const res = await gateway.handleRequest({ method: 'GET', path: '/iam-auth' });
    expect([res.statusCode, res.headers['x-amzn-ErrorType'], res.body]).toEqual([
      403,
      'MissingAuthenticationTokenException',
      '{"message":"Missing Authentication Token"}',
    ]);
  });

  it('answers 403 InvalidSignatureException when the body was changed after signing', async () => {
    const request = {
      method: 'POST',
      path: '/iam-auth',
      headers: { host: 'localhost' },
      body: 'original',
    };
    const signed = await signRequest({ ...request, query: '' }, credential, { now });
    const res = await gateway.handleRequest({
      ...request,
      body: 'tampered',
      headers: { ...request.headers, ...signed },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['x-amzn-ErrorType']).toBe('InvalidSignatureException');
    expect(JSON.parse(res.body).message).toMatch(/signature/i);
  });

  it('verifies a signed query string, including parameters given as an object', async () => {
    const signed = await signRequest(
      { method: 'GET', path: '/iam-auth', query: 'a=1&b=two', headers: { host: 'localhost' } },
      credential,
      { now },
    );
    const res = await gateway.handleRequest({
      method: 'GET',
      path: '/iam-auth?a=1',
      query: { b: 'two' },
      headers: { host: 'localhost', ...signed },
    });
    expect(res.diagnostics.reason).toBe('signed by AKIDLOCAL');
  });

  it('answers 403 for a key that is not a local credential', async () => {
    const request = { method: 'GET', path: '/iam-auth', headers: { host: 'localhost' } };
    const signed = await signRequest(
      { ...request, query: '' },
      { ...credential, accessKeyId: 'AKIDOTHER' },
      { now },
    );
    const res = await gateway.handleRequest({ ...request, headers: { ...request.headers, ...signed } });
    expect(res.statusCode).toBe(403);
  });
});

describe("LocalGateway: the caller's IAM policy (local.iam.credentials[].policy)", () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  const reader = {
    accessKeyId: 'AKIDREADER',
    secretAccessKey: 'reader-secret',
    userArn: 'arn:aws:iam::123456789012:user/reader',
  };
  const gatewayWith = (policy: object) =>
    new LocalGateway(iamApp(), {
      config: configFor(reader, policy),
      clock: { now: () => now },
      logger: () => {},
    });
  const signedCall = async (gateway: LocalGateway, method: string) => {
    const request = { method, path: '/iam-auth', headers: { host: 'localhost:8000' }, body: '' };
    const signed = await signRequest({ ...request, query: '' }, reader, { now });
    return gateway.handleRequest({ ...request, headers: { ...request.headers, ...signed } });
  };
  const gateway = gatewayWith({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:*:*:*/*/*/iam-auth' },
      { Effect: 'Deny', Action: 'execute-api:*', Resource: ['arn:aws:execute-api:*:*:*/*/POST/*'] },
    ],
  });
  const call = (method: string) => signedCall(gateway, method);

  it('allows a method the policy allows', async () => {
    expect((await call('GET')).statusCode).toBe(200);
  });

  it("answers API Gateway's 403 AccessDeniedException when a Deny matches, naming the user and the method ARN", async () => {
    const res = await call('POST');
    expect([res.statusCode, res.headers['x-amzn-ErrorType']]).toEqual([403, 'AccessDeniedException']);
    expect(JSON.parse(res.body)).toEqual({
      Message:
        'User: arn:aws:iam::123456789012:user/reader is not authorized to perform: execute-api:Invoke on resource: ' +
        'arn:aws:execute-api:us-east-1:123456789012:local/api/POST/iam-auth with an explicit deny',
    });
  });

  it('refuses a method no Allow statement covers', async () => {
    const other = gatewayWith({
      Statement: [
        { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:*:*:*/*/GET/other' },
      ],
    });
    const res = await signedCall(other, 'GET');
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body).Message).toMatch(
      /is not authorized to perform: execute-api:Invoke on resource: .*\/GET\/iam-auth$/,
    );
  });
});

describe('serve: IAM routes with curl --aws-sigv4', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await serve(iamApp(), { config, port: 0, logger: () => {} });
  });
  afterAll(() => server.close());

  it('accepts curl --aws-sigv4 "aws:amz:us-east-1:execute-api" with the local key', async () => {
    const { stdout } = await run('curl', [
      '-s',
      '-w',
      '\n%{http_code}',
      '--aws-sigv4',
      'aws:amz:us-east-1:execute-api',
      '--user',
      `${credential.accessKeyId}:${credential.secretAccessKey}`,
      `${server.url}/iam-auth`,
    ]);
    const [body, status] = stdout.split('\n');
    expect(status).toBe('200');
    expect(JSON.parse(body!).identity.accessKey).toBe('AKIDLOCAL');
  });

  it('refuses curl signing with a wrong secret', async () => {
    const { stdout } = await run('curl', [
      '-s',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '--aws-sigv4',
      'aws:amz:us-east-1:execute-api',
      '--user',
      `${credential.accessKeyId}:wrong`,
      `${server.url}/iam-auth`,
    ]);
    expect(stdout).toBe('403');
  });
});
