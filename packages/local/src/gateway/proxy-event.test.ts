import { describe, expect, it } from 'vitest';
import { LocalGateway } from './local-gateway.js';
import type { GatewayApp, GatewayModel } from './model.js';
import { formatRequestTime, type ProxyEvent } from './proxy-event.js';

/** An app that records the event it gets and answers with whatever the test sets. */
function captureApp(reply: unknown = { statusCode: 200, body: '{}' }) {
  const events: ProxyEvent[] = [];
  const app: GatewayApp = {
    appName: 'capture',
    handler: async (event) => {
      events.push(event);
      return reply;
    },
  };
  const model: GatewayModel = {
    appName: 'capture',
    stage: 'dev',
    apiGatewayStage: 'v1',
    routes: [
      { method: 'POST', path: '/users/{id}', entry: {}, authorizer: null },
      { method: 'GET', path: '/', entry: {}, authorizer: null },
    ],
  };
  const lines: string[] = [];
  return { events, lines, gateway: new LocalGateway(app, { model, logger: (line) => lines.push(line) }) };
}

describe('LocalGateway: the REST proxy event (v1)', () => {
  it('carries headers, multi-value headers and query parameters as API Gateway does', async () => {
    const { events, gateway } = captureApp();
    await gateway.handleRequest({
      method: 'POST',
      path: '/users/42?a=1&a=2&b=x%20y',
      headers: { 'Content-Type': 'application/json', 'X-Multi': ['one', 'two'], 'User-Agent': 'curl/8' },
      body: '{"name":"jane"}',
      sourceIp: '10.0.0.9',
    });
    const event = events[0]!;
    expect(event).toMatchObject({
      resource: '/users/{id}',
      path: '/users/42',
      httpMethod: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Multi': 'two', 'User-Agent': 'curl/8' },
      multiValueHeaders: {
        'Content-Type': ['application/json'],
        'X-Multi': ['one', 'two'],
        'User-Agent': ['curl/8'],
      },
      queryStringParameters: { a: '2', b: 'x y' },
      multiValueQueryStringParameters: { a: ['1', '2'], b: ['x y'] },
      pathParameters: { id: '42' },
      stageVariables: null,
      body: '{"name":"jane"}',
      isBase64Encoded: false,
    });
    expect(event.requestContext).toMatchObject({
      accountId: '123456789012',
      apiId: 'local',
      stage: 'v1',
      resourcePath: '/users/{id}',
      httpMethod: 'POST',
      path: '/v1/users/42',
      protocol: 'HTTP/1.1',
      identity: { sourceIp: '10.0.0.9', userAgent: 'curl/8', accessKey: null, cognitoIdentityId: null },
    });
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.requestContext.requestTime).toMatch(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
    expect(event.requestContext.authorizer).toBeUndefined();
  });

  it('sends null maps when there are no headers, query parameters or path parameters', async () => {
    const { events, gateway } = captureApp();
    await gateway.handleRequest({ method: 'GET', path: '/' });
    expect(events[0]).toMatchObject({
      headers: null,
      multiValueHeaders: null,
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: null,
      body: null,
      isBase64Encoded: false,
    });
  });

  it('base64-encodes binary request bodies', async () => {
    const { events, gateway } = captureApp();
    const bytes = new Uint8Array([0xff, 0x00, 0xfe, 0x10]);
    await gateway.handleRequest({
      method: 'POST',
      path: '/users/1',
      headers: { 'content-type': 'image/png' },
      body: bytes,
    });
    expect(events[0]).toMatchObject({ body: Buffer.from(bytes).toString('base64'), isBase64Encoded: true });
  });

  it('base64-encodes bytes that are not UTF-8 whatever the content type', async () => {
    const { events, gateway } = captureApp();
    await gateway.handleRequest({ method: 'POST', path: '/users/1', body: new Uint8Array([0xc3, 0x28]) });
    expect(events[0]?.isBase64Encoded).toBe(true);
  });

  it('returns binary responses base64-encoded with their multi-value headers', async () => {
    const { gateway } = captureApp({
      statusCode: 201,
      headers: { 'Content-Type': 'image/png' },
      multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
      body: 'AAEC',
      isBase64Encoded: true,
    });
    const res = await gateway.handleRequest({ method: 'GET', path: '/', headers: { Accept: 'image/png' } });
    expect(res).toMatchObject({ statusCode: 201, body: 'AAEC', isBase64Encoded: true });
    expect(res.multiValueHeaders['Set-Cookie']).toEqual(['a=1', 'b=2']);
    expect(res.headers['x-amzn-RequestId']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['no Accept header', undefined],
    ['a first Accept type that is not binary', 'text/html, image/png'],
    ['Accept */*', '*/*'],
  ])('sends a base64 result as its base64 text for %s, as API Gateway does', async (_what, accept) => {
    const { gateway, lines } = captureApp({
      statusCode: 200,
      headers: { 'Content-Type': 'image/png' },
      body: 'AAEC',
      isBase64Encoded: true,
    });
    const headers = accept === undefined ? {} : { Accept: accept };
    const res = await gateway.handleRequest({ method: 'GET', path: '/', headers });
    expect(res).toMatchObject({ statusCode: 200, body: 'AAEC', isBase64Encoded: false });
    expect(lines.join('\n')).toContain('binary response sent as base64 text');
  });

  it.each([
    ['a result without statusCode', { body: 'x' }],
    ['a non-string body', { statusCode: 200, body: { a: 1 } }],
    ['null', null],
  ])('answers 502 for %s, as API Gateway does for a malformed proxy response', async (_name, reply) => {
    const { gateway } = captureApp(reply);
    const res = await gateway.handleRequest({ method: 'GET', path: '/' });
    expect([res.statusCode, res.headers['x-amzn-ErrorType'], res.body]).toEqual([
      502,
      'InternalServerErrorException',
      '{"message": "Internal server error"}',
    ]);
  });
});

describe('formatRequestTime', () => {
  it('formats each second in UTC, also when the clock goes back to an earlier second', () => {
    const t = Date.UTC(2015, 3, 9, 12, 34, 56, 789);
    expect([
      formatRequestTime(t),
      formatRequestTime(t + 211),
      formatRequestTime(t + 1000),
      formatRequestTime(t),
    ]).toEqual([
      '09/Apr/2015:12:34:56 +0000',
      '09/Apr/2015:12:34:57 +0000',
      '09/Apr/2015:12:34:57 +0000',
      '09/Apr/2015:12:34:56 +0000',
    ]);
  });
});
