import { AuthResponse, Chalice, CustomAuthorizer } from '@chalice-ts/runtime';
import { describe, expect, it } from 'vitest';
import { seedApp } from './fixtures/apps.js';
import { tableApp } from './fixtures/table-app.js';
import { LocalGateway, type LocalGatewayOptions } from './local-gateway.js';

function gatewayFor(app: Chalice, options: LocalGatewayOptions = {}) {
  const lines: string[] = [];
  const gateway = new LocalGateway(app, { logger: (l) => lines.push(l), ...options });
  return { gateway, lines };
}

const UNAUTHORIZED = [401, 'UnauthorizedException', '{"message":"Unauthorized"}'] as const;
const DENIED = [
  403,
  'AccessDeniedException',
  '{"Message":"User is not authorized to access this resource"}',
] as const;
const EXPLICIT = [
  403,
  'AccessDeniedException',
  '{"Message":"User is not authorized to access this resource with an explicit deny"}',
] as const;
const CONFIG = [500, 'AuthorizerConfigurationException', '{"message":null}'] as const;
const MISSING = [
  403,
  'MissingAuthenticationTokenException',
  '{"message":"Missing Authentication Token"}',
] as const;

describe('LocalGateway: the seed walkthrough', () => {
  it('answers 401 without invoking the authorizer when the Authorization header is missing', async () => {
    const { gateway } = gatewayFor(seedApp());
    const res = await gateway.handleRequest({ method: 'GET', path: '/' });
    expect([res.statusCode, res.headers['x-amzn-ErrorType'], res.body]).toEqual(UNAUTHORIZED);
    expect(gateway.authorizerCalls('demo_auth')).toBe(0);
  });

  it('answers 200 with the principalId in context.authorizer for Authorization: allow', async () => {
    const { gateway } = gatewayFor(seedApp());
    const res = await gateway.handleRequest({
      method: 'GET',
      path: '/',
      headers: { Authorization: 'allow' },
    });
    expect(res.statusCode).toBe(200);
    const context = JSON.parse(res.body).context;
    expect(context.authorizer).toEqual({ principalId: 'user' });
    expect(context).toMatchObject({
      accountId: '123456789012',
      apiId: 'local',
      httpMethod: 'GET',
      path: '/api/',
      resourcePath: '/',
      stage: 'api',
      identity: { sourceIp: '127.0.0.1', accessKey: null, user: null, userArn: null },
    });
    expect(res.diagnostics).toMatchObject({ authorizer: 'demo_auth', decision: 'allow', cache: 'miss' });
  });

  it.each(['deny', 'Allow', 'allow '])('answers 403 AccessDenied for Authorization: %j', async (token) => {
    const { gateway } = gatewayFor(seedApp());
    const res = await gateway.handleRequest({ method: 'GET', path: '/', headers: { authorization: token } });
    expect([res.statusCode, res.headers['x-amzn-ErrorType'], res.body]).toEqual(DENIED);
  });
});

describe('LocalGateway: the decision table (ARCHITECTURE §4)', () => {
  it.each([
    ['a missing token header', 'GET', '/', {}, UNAUTHORIZED],
    ['an empty token header', 'GET', '/', { Authorization: '' }, UNAUTHORIZED],
    ['a token in the wrong header', 'GET', '/x-token', { Authorization: 'ok' }, UNAUTHORIZED],
    ['a missing REQUEST identity source', 'GET', '/key', { 'X-Api-Key': 'k1' }, UNAUTHORIZED],
    ['an empty REQUEST identity source', 'GET', '/key?token=', { 'X-Api-Key': 'k1' }, UNAUTHORIZED],
    [
      'an authorizer throwing UnauthorizedError',
      'GET',
      '/unauthorized',
      { Authorization: 't' },
      UNAUTHORIZED,
    ],
    [
      'an authorizer throwing Error("Unauthorized")',
      'GET',
      '/unauthorized-message',
      { Authorization: 't' },
      UNAUTHORIZED,
    ],
    ['a policy with no matching Allow', 'GET', '/other', { Authorization: 'allow' }, DENIED],
    ['a policy allowing another method only', 'GET', '/items/7', { Authorization: 't' }, DENIED],
    [
      'a matching explicit Deny next to an Allow on everything',
      'GET',
      '/explicit',
      { Authorization: 't' },
      EXPLICIT,
    ],
    ['an authorizer returning nothing', 'GET', '/nothing', { Authorization: 't' }, CONFIG],
    [
      'an authorizer returning a policy without policyDocument',
      'GET',
      '/invalid',
      { Authorization: 't' },
      CONFIG,
    ],
    ['an authorizer throwing another error', 'GET', '/boom', { Authorization: 't' }, CONFIG],
    ['a context holding an object', 'GET', '/bad-ctx', { Authorization: 't' }, CONFIG],
    ['a custom authorizer without a local handler', 'GET', '/custom-none', { Authorization: 't' }, CONFIG],
    ['a custom authorizer whose local handler denies', 'GET', '/custom', { Authorization: 'bad' }, EXPLICIT],
    ['an unknown resource', 'GET', '/nowhere', {}, MISSING],
    ['a known resource with another method', 'DELETE', '/open', {}, MISSING],
    ['OPTIONS on a route without CORS', 'OPTIONS', '/open', {}, MISSING],
    ['a path below a non-greedy resource', 'GET', '/open/more', {}, MISSING],
    ['a lower-case method (methods are case-sensitive)', 'get', '/open', {}, MISSING],
    ['a mixed-case method on an authorized route', 'Get', '/', { Authorization: 'allow' }, MISSING],
  ])('answers %s with the gateway error', async (_name, method, path, headers, expected) => {
    const { gateway } = gatewayFor(tableApp());
    const res = await gateway.handleRequest({ method, path, headers });
    expect([res.statusCode, res.headers['x-amzn-ErrorType'], res.body]).toEqual(expected);
    expect(res.headers['Content-Type']).toBe('application/json');
    expect(res.headers['x-amzn-RequestId']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['an open route', 'GET', '/open', {}],
    ['a policy that allows', 'GET', '/', { Authorization: 'allow' }],
    ['a policy allowing the method', 'PUT', '/items/7', { Authorization: 't' }],
    [
      'an Allow on everything next to a Deny on another path',
      'GET',
      '/allowed-by-explicit',
      { Authorization: 't' },
    ],
    ['a token in the configured header', 'GET', '/x-token', { 'x-token': 'ok' }],
    ['every REQUEST identity source present', 'GET', '/key?token=abc', { 'X-Api-Key': 'k1' }],
    ['a custom authorizer whose local handler allows', 'GET', '/custom', { Authorization: 'good' }],
    ['an API key on an apiKeyRequired route', 'GET', '/keyed', { 'x-api-key': 'any' }],
  ])('lets %s through to the handler', async (_name, method, path, headers) => {
    const { gateway } = gatewayFor(tableApp());
    const res = await gateway.handleRequest({ method, path, headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-amzn-RequestId']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 403 Forbidden on an apiKeyRequired route without x-api-key', async () => {
    const { gateway } = gatewayFor(tableApp());
    const res = await gateway.handleRequest({ method: 'GET', path: '/keyed' });
    expect([res.statusCode, res.headers['x-amzn-ErrorType'], res.body]).toEqual([
      403,
      'ForbiddenException',
      '{"message":"Forbidden"}',
    ]);
  });

  it('puts context values into requestContext.authorizer as strings, with principalId', async () => {
    const { gateway } = gatewayFor(tableApp());
    const res = await gateway.handleRequest({ method: 'GET', path: '/ctx', headers: { Authorization: 't' } });
    expect(JSON.parse(res.body).context.authorizer).toEqual({
      n: '42',
      ok: 'true',
      no: 'false',
      who: 'jane',
      principalId: 'jane',
    });
  });

  it('runs a custom authorizer’s local handler with the TOKEN event', async () => {
    const { gateway } = gatewayFor(tableApp());
    const res = await gateway.handleRequest({
      method: 'GET',
      path: '/custom',
      headers: { Authorization: 'good' },
    });
    expect(JSON.parse(res.body).context.authorizer).toEqual({
      eventType: 'TOKEN',
      principalId: 'custom:good',
    });
    expect(gateway.authorizerCalls('WithLocal')).toBe(1);
  });

  it('logs how to configure local_handler when a custom authorizer has none', async () => {
    const { gateway, lines } = gatewayFor(tableApp());
    await gateway.handleRequest({
      method: 'GET',
      path: '/custom-none',
      headers: { Authorization: 'secret-token' },
    });
    expect(lines.join('\n')).toContain('local_handler: src/local-auth.ts#handler');
    expect(lines.join('\n')).not.toContain('secret-token');
  });

  it('answers a CORS preflight without authorization on a cors route', async () => {
    const { gateway } = gatewayFor(tableApp());
    const res = await gateway.handleRequest({ method: 'OPTIONS', path: '/cors' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['Access-Control-Allow-Methods']).toBe('GET,POST,OPTIONS');
    expect(res.headers['Access-Control-Allow-Origin']).toBe('*');
    expect(gateway.authorizerCalls('demo_auth')).toBe(0);
  });

  it('passes REQUEST identity values and the request to a REQUEST authorizer', async () => {
    const { gateway } = gatewayFor(tableApp());
    const res = await gateway.handleRequest({
      method: 'GET',
      path: '/key?token=abc',
      headers: { 'X-Api-Key': 'k1' },
    });
    expect(JSON.parse(res.body).context.authorizer).toEqual({ token: 'abc', principalId: 'key-user' });
  });

  it('matches greedy paths and passes the rest of the path as the parameter', async () => {
    const { gateway } = gatewayFor(tableApp());
    const res = await gateway.handleRequest({ method: 'GET', path: '/files/a/b.txt' });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ params: { proxy: 'a/b.txt' } });
  });
});

describe('Lambda authorizers run as separate functions, as on AWS', () => {
  const ARN =
    'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:A/invocations';
  const allow = (event: { methodArn: string }) => ({
    principalId: 'p',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: event.methodArn }],
    },
  });

  // One route behind a custom authorizer whose local handler is `handler`, called with a token.
  async function callGuarded(handler: unknown) {
    const app = new Chalice({ appName: 'legacy' });
    const authorizer = new CustomAuthorizer('Legacy', { authorizerUri: ARN, localHandler: handler as never });
    app.route('/guarded', { authorizer }, () => ({ ok: true }));
    const { gateway } = gatewayFor(app);
    return gateway.handleRequest({ method: 'GET', path: '/guarded', headers: { Authorization: 't' } });
  }

  it("keeps a REQUEST authorizer's changes to its event away from the app's event", async () => {
    const app = new Chalice({ appName: 'copy' });
    const auth = app.authorizer(
      { name: 'req', type: 'request', identitySources: ['header:X-Api-Key'], ttlSeconds: 0 },
      (authRequest) => {
        (authRequest.headers as Record<string, string>)['X-Injected'] = 'admin';
        (authRequest.requestContext as { identity: Record<string, unknown> }).identity['userArn'] =
          'arn:evil';
        return new AuthResponse({ routes: ['*'], principalId: 'p' });
      },
    );
    app.route('/echo', { authorizer: auth }, (request) => ({
      injected: request.headers.get('X-Injected') ?? null,
      userArn: (request.context as { identity?: { userArn?: unknown } }).identity?.userArn ?? null,
    }));
    const { gateway } = gatewayFor(app);
    const res = await gateway.handleRequest({ method: 'GET', path: '/echo', headers: { 'X-Api-Key': 'k' } });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ injected: null, userArn: null });
  });

  it.each<[string, (event: never, context: never, callback: (e?: unknown, r?: unknown) => void) => unknown]>([
    [
      'throws the string Unauthorized',
      () => {
        throw 'Unauthorized';
      },
    ],
    ['rejects with Error(Unauthorized)', () => Promise.reject(new Error('Unauthorized'))],
    ["calls callback('Unauthorized')", (_event, _context, callback) => callback('Unauthorized')],
  ])(
    'answers 401 when a local handler %s (what Lambda reports as errorMessage "Unauthorized")',
    async (_how, handler) => {
      const res = await callGuarded(handler);
      expect([res.statusCode, res.headers['x-amzn-ErrorType']]).toEqual([401, 'UnauthorizedException']);
    },
  );

  it('answers 500 at once when a callback-style handler returns a value instead of calling back (Lambda ignores it)', async () => {
    const res = await callGuarded((event: { methodArn: string }, _context: unknown, _callback: unknown) =>
      allow(event),
    );
    expect([res.statusCode, res.headers['x-amzn-ErrorType']]).toEqual([
      500,
      'AuthorizerConfigurationException',
    ]);
  });

  it('answers 500 when a handler never answers, once its lambda_timeout runs out', async () => {
    const app = new Chalice({ appName: 'silent' });
    const authorizer = new CustomAuthorizer('Silent', {
      authorizerUri: ARN,
      localHandler: ((_event: unknown, _context: unknown, _callback: unknown) => undefined) as never,
    });
    app.route('/guarded', { authorizer }, () => ({ ok: true }));
    const gateway = new LocalGateway(app, {
      config: { version: 1, app_name: 'silent', lambda_timeout: 1 },
      logger: () => {},
    });
    const res = await gateway.handleRequest({
      method: 'GET',
      path: '/guarded',
      headers: { Authorization: 't' },
    });
    expect([res.statusCode, res.headers['x-amzn-ErrorType']]).toEqual([
      500,
      'AuthorizerConfigurationException',
    ]);
    expect(res.diagnostics.reason).toContain('did not answer within its 1 s timeout');
  });

  it('answers OPTIONS on a CORS path with the preflight even when the app has its own OPTIONS route there', async () => {
    const app = new Chalice({ appName: 'options' });
    app.route('/x', { methods: ['GET', 'OPTIONS'], cors: true }, () => ({ from: 'app' }));
    const { gateway } = gatewayFor(app);
    const res = await gateway.handleRequest({ method: 'OPTIONS', path: '/x' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers['Access-Control-Allow-Methods']).toBe('GET,OPTIONS');
  });

  it('takes the policy of a callback-style local handler, as the Node.js Lambda runtime does', async () => {
    const handler = (
      event: { methodArn: string },
      _context: unknown,
      callback: (e: null, r: unknown) => void,
    ) => {
      setTimeout(() => callback(null, allow(event)), 1);
    };
    const res = await callGuarded(handler);
    expect(res.statusCode).toBe(200);
  });
});
