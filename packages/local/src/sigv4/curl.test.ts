import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SigV4Credential } from './types.js';
import { verifySigV4 } from './verify.js';

const run = promisify(execFile);
const dev: SigV4Credential = {
  accessKeyId: 'AKIDCURL',
  secretAccessKey: 'curl-secret-key',
  userArn: 'arn:aws:iam::123456789012:user/curl',
};

// A bare node:http server that answers 200 or 403 from verifySigV4 on the request as received.
function startServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const request = {
        method: req.method ?? 'GET',
        path: q === -1 ? url : url.slice(0, q),
        query: q === -1 ? '' : url.slice(q + 1),
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      void verifySigV4(request, { credentials: [dev] }).then((result) => {
        const status = result.ok ? 200 : result.status;
        // The reason is what chalice-ts local logs; sent here as a header so tests can read it.
        const headers = result.ok
          ? {}
          : { 'x-amzn-ErrorType': result.errorType, 'x-test-reason': encodeURIComponent(result.reason) };
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(result.ok ? result.identity : { message: result.message }));
      });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const curlAvailable = await run('curl', ['--version']).then(
  ({ stdout }) => stdout.includes('curl'),
  () => false,
);

describe.skipIf(!curlAvailable)('curl --aws-sigv4 against verifySigV4', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = await startServer();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function curl(user: string, url: string, ...extra: string[]) {
    const { stdout } = await run('curl', [
      '-s',
      '-D',
      '-',
      '--aws-sigv4',
      'aws:amz:us-east-1:execute-api',
      '--user',
      user,
      ...extra,
      url,
    ]);
    const [head = '', body = ''] = stdout.split('\r\n\r\n');
    return {
      status: Number(head.split(' ')[1]),
      head: head.toLowerCase(),
      json: JSON.parse(body) as Record<string, unknown>,
    };
  }

  it('accepts a GET signed by curl', async () => {
    const res = await curl(`${dev.accessKeyId}:${dev.secretAccessKey}`, `${base}/api/iam-auth`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      accessKey: 'AKIDCURL',
      accountId: '123456789012',
      userArn: dev.userArn,
    });
  });

  it('accepts a GET with a query typed in canonical order', async () => {
    const res = await curl(`${dev.accessKeyId}:${dev.secretAccessKey}`, `${base}/api/items?a=1&b=2&flag=`);
    expect(res.status).toBe(200);
  });

  it('refuses, as API Gateway does, an unsorted query that curl signs as typed, and says why', async () => {
    const res = await curl(
      `${dev.accessKeyId}:${dev.secretAccessKey}`,
      `${base}/api/a%20b/c?z=1&a=2&b=x%2Fy&a=1&flag`,
    );
    expect(res.status).toBe(403);
    expect(res.head).toContain('x-amzn-errortype: invalidsignatureexception');
    expect(res.json['message']).toMatch(/^The request signature we calculated does not match/);
    expect(decodeURIComponent(res.head.split('x-test-reason: ')[1]?.split('\r\n')[0] ?? '')).toMatch(
      /computed over the path and query as sent.*sort the query parameters/,
    );
  });

  it('accepts a POST with a JSON body', async () => {
    const res = await curl(
      `${dev.accessKeyId}:${dev.secretAccessKey}`,
      `${base}/api/items`,
      '-X',
      'POST',
      '-H',
      'content-type: application/json',
      '-d',
      '{"name":"x"}',
    );
    expect(res.status).toBe(200);
  });

  it('refuses a wrong secret with 403 InvalidSignatureException', async () => {
    const res = await curl(`${dev.accessKeyId}:not-the-secret`, `${base}/api/iam-auth`);
    expect(res.status).toBe(403);
    expect(res.head).toContain('x-amzn-errortype: invalidsignatureexception');
  });

  it('refuses an unknown access key with 403 UnrecognizedClientException', async () => {
    const res = await curl(`AKIDNOBODY:${dev.secretAccessKey}`, `${base}/api/iam-auth`);
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ message: 'The security token included in the request is invalid.' });
  });

  it('refuses a plain curl request with Missing Authentication Token', async () => {
    const { stdout } = await run('curl', ['-s', '-w', '\n%{http_code}', `${base}/api/iam-auth`]);
    expect(stdout).toBe('{"message":"Missing Authentication Token"}\n403');
  });
});
