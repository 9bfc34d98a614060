import { AuthResponse, CognitoUserPoolAuthorizer, CustomAuthorizer, IAMAuthorizer } from '@chalice-ts/core';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeAuthorizerOptions } from '../authorizer/authorizer-options.js';
import { CORSConfig } from '../cors/cors-config.js';
import { minimalProxyEvent } from '../fixtures/aws-events.js';
import { BuiltinAuthorizer } from '../authorizer/builtin-authorizer.js';
import { parseRoutePath } from '../routing/route-path.js';
import { Chalice } from './chalice.js';
import { normalizeRouteOptions } from './route-entry.js';

// Without a bundler `define`, the flag is read at run time, so a test can switch production mode on.
const inProduction = <T>(fn: () => T): T => {
  globalThis.__CHALICE_TS_PROD__ = true;
  try {
    return fn();
  } finally {
    globalThis.__CHALICE_TS_PROD__ = undefined;
  }
};
afterEach(() => {
  globalThis.__CHALICE_TS_PROD__ = undefined;
});

const cors = new CORSConfig({ allowOrigin: 'https://example.com' });

describe('production mode (registration-time checks compiled out)', () => {
  it.each(['/', '/users', '/users/{id}', '/a/{b}/c/{proxy+}', "/x-y_z.~:@!$&'()*,;="])(
    'parses %s exactly as the checked parser does',
    (path) => {
      expect(inProduction(() => parseRoutePath(path))).toEqual(parseRoutePath(path));
    },
  );

  it.each([
    {},
    { methods: ['get', 'POST'] as const },
    { authorizer: 'MyPool', apiKeyRequired: true, name: 'named' },
    { authorizer: new IAMAuthorizer(), cors: true },
    { cors, contentTypes: ['text/plain'] },
    { cors: false },
  ])('normalizes valid route options %# to the same result', (options) => {
    expect(inProduction(() => normalizeRouteOptions('/p', options))).toEqual(
      normalizeRouteOptions('/p', options),
    );
  });

  it.each([
    {},
    { name: 'a', ttlSeconds: 0, header: 'X-Token', executionRole: 'arn:aws:iam::1:role/r' },
    { name: 'b', type: 'request' as const, identitySources: ['header:X-Api-Key', 'query:t'] },
  ])('normalizes valid authorizer options %# to the same spec', (options) => {
    expect(inProduction(() => normalizeAuthorizerOptions(options, 'fallback'))).toEqual(
      normalizeAuthorizerOptions(options, 'fallback'),
    );
  });

  it('builds authorizer objects with the same fields', () => {
    const pool = { providerArns: ['arn:aws:cognito-idp:us-west-2:1:userpool/p'], scopes: ['read'] };
    const custom = { authorizerUri: 'arn:aws:apigateway:us-west-2:lambda:path/x', invokeRoleArn: 'r' };
    expect(inProduction(() => new CognitoUserPoolAuthorizer('P', pool))).toEqual(
      new CognitoUserPoolAuthorizer('P', pool),
    );
    expect(inProduction(() => new CustomAuthorizer('C', custom))).toEqual(new CustomAuthorizer('C', custom));
  });

  it('skips the registration-time checks and their messages', () => {
    const app = new Chalice({ appName: 'prod' });
    expect(() => app.route('/a/', () => ({}))).toThrow(/trailing slash/);
    expect(() => inProduction(() => app.route('/b', { methods: ['GET'] }, () => ({})))).not.toThrow();
    expect(() => inProduction(() => app.route('/b', () => ({})))).not.toThrow();
    expect(() => app.route('/b', () => ({}))).toThrow(/Duplicate method GET/);
  });

  it('still rejects a second authorizer with the same name (it decides what runs), with a short message', () => {
    const app = new Chalice({ appName: 'prod' });
    app.authorizer({ name: 'same' }, () => new AuthResponse({ routes: [], principalId: 'p' }));
    expect(() =>
      inProduction(() =>
        app.authorizer({ name: 'same' }, () => new AuthResponse({ routes: ['*'], principalId: 'p' })),
      ),
    ).toThrow(/^Duplicate authorizer same$/);
  });

  it('still rejects non-primitive AuthResponse contexts at invocation, with a short message', () => {
    expect(() =>
      inProduction(() => new AuthResponse({ routes: [], principalId: 'p', context: { a: [1] } as never })),
    ).toThrow('AuthResponse: context value for key "a" must be a string, number or boolean.');
  });

  it('leaves path matching out: an event for a resource the app lacks is a 404, as API Gateway never sends one', async () => {
    const dev = new Chalice({ appName: 'dev' });
    const prod = inProduction(() => new Chalice({ appName: 'prod' }));
    for (const app of [dev, prod]) app.route('/users/{id}', (request) => ({ id: request.params.id }));
    // The Lambda console's test event names `/{proxy+}`, a resource this app does not have.
    const consoleEvent = minimalProxyEvent('/{proxy+}', '/users/7');
    expect((await dev.handler(consoleEvent)).body).toBe('{"id":"7"}');
    const answer = await prod.handler(consoleEvent);
    expect(answer.statusCode).toBe(404);
    expect(JSON.parse(answer.body)).toEqual({
      Code: 'NotFoundError',
      Message: 'No route matches GET /users/7',
    });
    // The resource API Gateway does send is dispatched the same way in both.
    const apiGatewayEvent = { ...minimalProxyEvent('/users/{id}', '/users/7'), pathParameters: { id: '7' } };
    expect((await prod.handler(apiGatewayEvent)).body).toBe('{"id":"7"}');
  });

  it('compiles out toSwagger (API definitions are built at package time), failing loudly if called', () => {
    const builtin = new BuiltinAuthorizer(() => new AuthResponse({ routes: [], principalId: 'p' }), {
      name: 'b',
    });
    const pool = new CognitoUserPoolAuthorizer('P', {
      providerArns: ['arn:aws:cognito-idp:us-west-2:1:userpool/p'],
    });
    for (const call of [
      () => new IAMAuthorizer().toSwagger(),
      () => pool.toSwagger(),
      () => builtin.toSwagger('uri'),
    ]) {
      expect(call).not.toThrow();
      expect(() => inProduction(call)).toThrow(expect.objectContaining({ code: 'PACKAGE_TIME_ONLY' }));
    }
  });

  it('defers building routes to their first use, with the same entries, order and dispatch as the checked path', async () => {
    // The same handler functions on both sides, so that entries compare equal.
    const list = () => ({ users: [] });
    const one = (r: { params: { id?: string } }) => ({ id: r.params.id });
    const create = () => ({ created: true });
    const file = (r: { params: { proxy?: string } }) => ({ file: r.params.proxy });
    const register = (app: Chalice) => {
      app.route('/users', list);
      app.route('/users/{id}', { methods: ['get', 'PUT'], authorizer: 'MyPool' }, one);
      app.route('/users', { methods: ['POST'], cors, name: 'create' }, create);
      app.route('/files/{proxy+}', { contentTypes: ['text/plain'] }, file);
    };
    const dev = new Chalice({ appName: 'd' });
    register(dev);
    const prod = inProduction(() => new Chalice({ appName: 'p' }));
    inProduction(() => register(prod));
    // A dispatch builds only its resource; reading app.routes builds the rest, in registration order.
    const event = { ...minimalProxyEvent('/users/{id}', '/users/7', 'PUT'), pathParameters: { id: '7' } };
    expect((await prod.handler(event)).body).toBe('{"id":"7"}');
    expect(prod.routes).toEqual(dev.routes);
    expect(prod.routes.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /users',
      'GET /users/{id}',
      'PUT /users/{id}',
      'POST /users',
      'GET /files/{proxy+}',
    ]);
    expect(prod.routes).toBe(prod.routes); // a stable snapshot until the next change
    expect(Object.isFrozen(prod.routes)).toBe(true);
  });

  it('still registers built-in authorizers at app.route, so a duplicate name fails at load', () => {
    const app = inProduction(() => new Chalice({ appName: 'p' }));
    const allow = () => new AuthResponse({ routes: ['*'], principalId: 'p' });
    const a = new BuiltinAuthorizer(allow, { name: 'same' });
    const b = new BuiltinAuthorizer(() => allow(), { name: 'same' });
    inProduction(() => app.route('/a', { authorizer: a }, () => ({})));
    expect(() => inProduction(() => app.route('/b', { authorizer: b }, () => ({})))).toThrow(
      /^Duplicate authorizer same$/,
    );
  });
});
