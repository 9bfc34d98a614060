import { afterEach, describe, expect, it, vi } from 'vitest';
import { Chalice } from '../app/chalice.js';
import { matchesContentType } from '../app/route-entry.js';
import { CORSConfig } from '../cors/cors-config.js';
import { ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError } from '../errors/view-errors.js';
import { minimalProxyEvent, proxyEvent } from '../fixtures/aws-events.js';
import { Response } from '../response/response.js';

afterEach(() => vi.restoreAllMocks());

function demoApp() {
  const app = new Chalice({ appName: 'demo' });
  app.route('/my/path', (request) => ({
    method: request.method,
    header2: request.headers.getAll('Header2'),
    parameter1: request.query.getAll('parameter1'),
    body: request.text,
  }));
  app.route('/users/{id}', { methods: ['GET', 'PUT'] }, (request) => ({
    id: request.params.id,
    json: request.json ?? null,
  }));
  app.route('/files/{proxy+}', (request) => request.params);
  return app;
}

describe('app.handler with REST proxy events', () => {
  it('answers the AWS documentation example with a 200 JSON result', async () => {
    const result = await demoApp().handler(proxyEvent(), {});
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        method: 'GET',
        header2: ['value1', 'value2'],
        parameter1: ['value1', 'value2'],
        body: 'Hello from Lambda!',
      }),
    });
  });

  it('handles an event whose optional maps are all null', async () => {
    const result = await demoApp().handler(minimalProxyEvent('/my/path', '/my/path'));
    expect(JSON.parse(result.body)).toEqual({ method: 'GET', header2: [], parameter1: [], body: '' });
  });

  it('URL-decodes path parameters and decodes base64 JSON bodies', async () => {
    const event = minimalProxyEvent('/users/{id}', '/users/a%20b', 'PUT');
    event.pathParameters = { id: 'a%20b' };
    event.headers = { 'Content-Type': 'application/json' };
    event.body = Buffer.from('{"name":"Ann"}').toString('base64');
    event.isBase64Encoded = true;
    const result = await demoApp().handler(event);
    expect(JSON.parse(result.body)).toEqual({ id: 'a b', json: { name: 'Ann' } });
  });

  it('answers malformed JSON with 400 BadRequestError instead of crashing', async () => {
    const event = minimalProxyEvent('/users/{id}', '/users/1', 'PUT');
    event.pathParameters = { id: '1' };
    event.headers = { 'content-type': 'application/json' };
    event.body = '{"name":';
    const result = await demoApp().handler(event);
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body)).toEqual({ Code: 'BadRequestError', Message: 'Error Parsing JSON' });
  });

  it('falls back to the router when the event has no resource', async () => {
    const event = minimalProxyEvent('/x', '/files/a/b/c.txt');
    delete event.resource;
    event.requestContext = null;
    const result = await demoApp().handler(event);
    expect(JSON.parse(result.body)).toEqual({ proxy: 'a/b/c.txt' });
  });

  it('answers an event that is not a proxy event with 500 Unknown request', async () => {
    const result = await demoApp().handler({});
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body)).toEqual({ Code: 'InternalServerError', Message: 'Unknown request.' });
  });

  it('returns 405 with an Allow header for a method the resource lacks', async () => {
    const result = await demoApp().handler(minimalProxyEvent('/users/{id}', '/users/1', 'DELETE'));
    expect(result.statusCode).toBe(405);
    expect(result.headers?.Allow).toBe('GET, PUT');
    expect(JSON.parse(result.body)).toEqual({
      Code: 'MethodNotAllowedError',
      Message: 'Unsupported method: DELETE',
    });
  });

  it('returns 404 NotFoundError when no route matches', async () => {
    const event = minimalProxyEvent('/nope', '/nope');
    const result = await demoApp().handler(event);
    expect(result.statusCode).toBe(404);
    expect(JSON.parse(result.body).Code).toBe('NotFoundError');
  });

  it.each([
    [new ForbiddenError('no way'), 403, 'ForbiddenError'],
    [new NotFoundError('gone'), 404, 'NotFoundError'],
    [new ConflictError('again'), 409, 'ConflictError'],
    [new TooManyRequestsError('slow down'), 429, 'TooManyRequestsError'],
  ])('renders %s as { Code, Message } with status %i', async (error, status, code) => {
    const app = new Chalice({ appName: 'demo' });
    app.route('/', () => {
      throw error;
    });
    const result = await app.handler(minimalProxyEvent('/', '/'));
    expect(result.statusCode).toBe(status);
    expect(JSON.parse(result.body)).toEqual({ Code: code, Message: error.message });
  });

  it('hides other exceptions behind a 500 and logs the stack', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = new Chalice({ appName: 'demo' });
    app.route('/', () => {
      throw new Error('database password is hunter2');
    });
    const result = await app.handler(minimalProxyEvent('/', '/'));
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body)).toEqual({
      Code: 'InternalServerError',
      Message: 'An internal server error occurred.',
    });
    expect(result.body).not.toContain('hunter2');
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]?.[1]?.stack)).toContain('hunter2');
  });

  it('renders Response objects: status, multi-value headers and binary bodies', async () => {
    const app = new Chalice({ appName: 'demo' });
    app.route(
      '/created',
      () => new Response({ statusCode: 201, body: { ok: true }, headers: { 'Set-Cookie': ['a=1', 'b=2'] } }),
    );
    app.route(
      '/bytes',
      () => new Response({ body: new Uint8Array([1, 2, 3]), headers: { 'Content-Type': 'image/png' } }),
    );
    app.route('/text', () => new Response({ body: 'hi' }));
    const created = await app.handler(minimalProxyEvent('/created', '/created'));
    expect(created).toEqual({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json' },
      multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
      body: '{"ok":true}',
    });
    const bytesEvent = minimalProxyEvent('/bytes', '/bytes');
    bytesEvent.headers = { Accept: 'image/png' };
    const bytes = await app.handler(bytesEvent);
    expect(bytes).toEqual({
      statusCode: 200,
      headers: { 'Content-Type': 'image/png' },
      body: 'AQID',
      isBase64Encoded: true,
    });
    const text = await app.handler(minimalProxyEvent('/text', '/text'));
    expect(text.body).toBe('hi');
    expect(text.headers?.['Content-Type']).toMatch(/^text\/plain/);
  });

  it("answers 400 BadRequest, as Chalice does, when a binary response's type is not in the request's Accept", async () => {
    const app = new Chalice({ appName: 'demo' });
    app.route(
      '/logo',
      { cors: true },
      () => new Response({ body: new Uint8Array([1, 2, 3]), headers: { 'Content-Type': 'image/png' } }),
    );
    const status = async (accept: string | undefined) => {
      const event = minimalProxyEvent('/logo', '/logo');
      event.headers = accept === undefined ? null : { Accept: accept };
      return app.handler(event);
    };
    const refused = await status(undefined);
    expect(refused.statusCode).toBe(400);
    expect(refused.headers?.['Access-Control-Allow-Origin']).toBe('*');
    expect(JSON.parse(refused.body)).toEqual({
      Code: 'BadRequest',
      Message:
        'Request did not specify an Accept header with image/png, The response has a Content-Type of image/png. ' +
        'If a response has a binary Content-Type then the request must specify an Accept header that matches.',
    });
    expect((await status('text/html')).statusCode).toBe(400);
    expect((await status('image/png')).statusCode).toBe(200);
    expect((await status('text/html, */*;q=0.8')).statusCode).toBe(200);
  });

  it('adds CORS headers on routes that enable them, and answers their preflight', async () => {
    const app = new Chalice({ appName: 'demo' });
    app.route(
      '/open',
      { methods: ['GET', 'POST'], cors: new CORSConfig({ maxAge: 600, allowCredentials: true }) },
      () => ({}),
    );
    app.route('/closed', () => ({}));
    const open = await app.handler(minimalProxyEvent('/open', '/open'));
    expect(open.headers).toMatchObject({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key',
      'Access-Control-Max-Age': '600',
      'Access-Control-Allow-Credentials': 'true',
    });
    const closed = await app.handler(minimalProxyEvent('/closed', '/closed'));
    expect(closed.headers).not.toHaveProperty('Access-Control-Allow-Origin');
    const preflight = await app.handler(minimalProxyEvent('/open', '/open', 'OPTIONS'));
    expect(preflight.statusCode).toBe(200);
    expect(preflight.headers?.['Access-Control-Allow-Methods']).toBe('GET,POST,OPTIONS');
  });

  it('rejects a content type the route does not accept with 415', async () => {
    const app = new Chalice({ appName: 'demo' });
    app.route('/upload', { methods: ['POST'], contentTypes: ['text/plain'] }, (request) => request.text);
    const event = minimalProxyEvent('/upload', '/upload', 'POST');
    event.headers = { 'Content-Type': 'application/json' };
    event.body = '{}';
    const rejected = await app.handler(event);
    expect(rejected.statusCode).toBe(415);
    expect(JSON.parse(rejected.body)).toEqual({
      Code: 'UnsupportedMediaType',
      Message: 'Unsupported media type: application/json',
    });
    event.headers = { 'Content-Type': 'text/plain; charset=utf-8' };
    event.body = 'hello';
    const accepted = await app.handler(event);
    expect(accepted.body).toBe('"hello"');
  });

  it('checks the content type of every request as Chalice does (no header counts as application/json)', async () => {
    const app = new Chalice({ appName: 'demo' });
    app.route('/json', () => ({ ok: true }));
    app.route('/text', { methods: ['POST'], contentTypes: ['text/plain'] }, (request) => request.text);
    const call = async (resource: string, method: string, headers: Record<string, string> | null) => {
      const event = minimalProxyEvent(resource, resource, method);
      event.headers = headers;
      return (await app.handler(event)).statusCode;
    };
    // A bodiless GET is checked too, and a missing header is application/json.
    expect(await call('/json', 'GET', { 'Content-Type': 'text/plain' })).toBe(415);
    expect(await call('/json', 'GET', null)).toBe(200);
    expect(await call('/text', 'POST', null)).toBe(415);
    expect(await call('/text', 'POST', { 'content-type': 'TEXT/PLAIN; charset=utf-8' })).toBe(200);
    // Chalice's matching: `*/*` on either side, and any `,`/`;`-separated part.
    expect(await call('/text', 'POST', { 'Content-Type': '*/*' })).toBe(200);
    expect(await call('/text', 'POST', { 'Content-Type': 'application/json, text/plain' })).toBe(200);
  });

  it.each([
    ['application/json', ['application/json'], true],
    ['Application/JSON; charset=utf-8', ['application/json'], true],
    ['text/plain', ['application/json'], false],
    ['text/plain', ['*/*'], true],
    ['*/*', ['application/json'], true],
    ['application/xml, text/plain;q=0.9', ['text/plain'], true],
    ['application/jsonx', ['application/json'], false],
    ['', ['application/json'], false],
  ])('matchesContentType(%j, %j) is %s (Chalice _matches_content_type)', (header, accepted, expected) => {
    expect(matchesContentType(header, accepted)).toBe(expected);
  });

  it('lists only the CORS methods of a path in its preflight, like the deployed mock integration', async () => {
    const app = new Chalice({ appName: 'demo' });
    app.route('/mixed', { cors: true }, () => ({}));
    app.route('/mixed', { methods: ['POST'] }, () => ({}));
    const preflight = await app.handler(minimalProxyEvent('/mixed', '/mixed', 'OPTIONS'));
    expect(preflight.headers?.['Access-Control-Allow-Methods']).toBe('GET,OPTIONS');
  });

  it('answers 500 when a route returns a value with no JSON form, instead of a result without a body', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = new Chalice({ appName: 'demo' });
    app.route('/fn', () => () => 1);
    const result = await app.handler(minimalProxyEvent('/fn', '/fn'));
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body)).toEqual({
      Code: 'InternalServerError',
      Message: 'An internal server error occurred.',
    });
    expect(String(error.mock.calls[0]?.[1])).toContain('has no JSON form');
  });

  it('answers 500 for a Response whose body has no JSON form, and for a Response from an older copy', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = new Chalice({ appName: 'demo' });
    app.route('/fn-body', () => new Response({ body: () => 1 }));
    app.route('/old-copy', () => ({
      [Symbol.for('chalice-ts.response')]: true,
      body: 'hi',
      statusCode: 201,
      headers: {},
    }));
    expect((await app.handler(minimalProxyEvent('/fn-body', '/fn-body'))).statusCode).toBe(500);
    expect(String(error.mock.calls[0]?.[1])).toContain('has no JSON form');
    expect((await app.handler(minimalProxyEvent('/old-copy', '/old-copy'))).statusCode).toBe(500);
    expect(String(error.mock.calls[1]?.[1])).toContain('older copy of @chalice-ts/runtime');
  });

  it('works when exported on its own (Lambda calls it without `this`)', async () => {
    const { handler } = demoApp();
    expect((await handler(proxyEvent())).statusCode).toBe(200);
  });
});

describe('app.currentRequest', () => {
  it('is the request of the invocation in progress, even under concurrent invocations', async () => {
    const app = new Chalice({ appName: 'demo' });
    app.route('/users/{id}', async () => {
      const before = app.currentRequest.params.id;
      await new Promise((resolve) => setImmediate(resolve));
      return { before, after: app.currentRequest.params.id };
    });
    const events = ['1', '2', '3'].map((id) => ({
      ...minimalProxyEvent('/users/{id}', `/users/${id}`),
      pathParameters: { id },
    }));
    const results = await Promise.all(events.map((event) => app.handler(event)));
    expect(results.map((r) => JSON.parse(r.body))).toEqual([
      { before: '1', after: '1' },
      { before: '2', after: '2' },
      { before: '3', after: '3' },
    ]);
  });

  it('throws a clear error outside an invocation', () => {
    const app = new Chalice({ appName: 'demo' });
    expect(() => app.currentRequest).toThrow(/only available while a route handler runs/);
  });

  it('gives the request context, including what the authorizer passed on', async () => {
    const app = new Chalice({ appName: 'demo' });
    app.route('/', () => ({ context: app.currentRequest.context.authorizer }));
    const event = minimalProxyEvent('/', '/');
    event.requestContext = { ...event.requestContext, authorizer: { principalId: 'user', tier: 'gold' } };
    const result = await app.handler(event);
    expect(JSON.parse(result.body)).toEqual({ context: { principalId: 'user', tier: 'gold' } });
  });
});
