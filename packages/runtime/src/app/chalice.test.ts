import { CognitoUserPoolAuthorizer, IAMAuthorizer } from '@chalice-ts/core';
import { describe, expect, it } from 'vitest';
import { BuiltinAuthorizer } from '../authorizer/builtin-authorizer.js';
import { CORSConfig } from '../cors/cors-config.js';
import { ChaliceRuntimeError } from '../errors/runtime-error.js';
import { Chalice } from './chalice.js';
import type { RouteOptions } from './route-entry.js';

const newApp = () => new Chalice({ appName: 'demo' });
const pool = new CognitoUserPoolAuthorizer('MyPool', {
  providerArns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc'],
});

describe('app.route registration', () => {
  it('records one entry per method with defaults filled in', () => {
    const app = newApp();
    function listItems() {
      return [];
    }
    app.route('/items', { methods: ['get', 'POST'], authorizer: pool, cors: true }, listItems);
    expect(app.routes).toHaveLength(2);
    expect(app.routes[0]).toMatchObject({
      path: '/items',
      method: 'GET',
      handler: listItems,
      authorizer: pool,
      apiKeyRequired: false,
      contentTypes: ['application/json'],
      name: 'listItems',
      paramNames: [],
    });
    expect(app.routes[1]?.method).toBe('POST');
    expect(app.routes[0]?.cors).toBeInstanceOf(CORSConfig);
  });

  it('defaults to GET and accepts a declared authorizer name', () => {
    const app = newApp();
    app.route('/declared', { authorizer: 'MyPool' }, () => ({}));
    expect(app.routes[0]).toMatchObject({ method: 'GET', authorizer: 'MyPool', name: 'GET /declared' });
  });

  it('exposes the route table read-only', () => {
    const app = newApp();
    app.route('/', () => 'x');
    expect(Object.isFrozen(app.routes)).toBe(true);
    const before = app.routes;
    app.route('/b', () => 'x');
    expect(before).toHaveLength(1);
    expect(app.routes).toHaveLength(2);
  });

  it('returns the handler so it can be exported and tested directly', () => {
    const app = newApp();
    const handler = () => 1;
    expect(app.route('/', handler)).toBe(handler);
  });

  const registrationErrors: [string, (app: Chalice) => void, RegExp][] = [
    ['an empty path', (app) => app.route('', () => 1), /must not be empty/],
    ['a trailing slash', (app) => app.route('/items/', () => 1), /trailing slash/],
    ['a path without a leading slash', (app) => app.route('items', () => 1), /must start with "\/"/],
    [
      'an unknown option',
      (app) => app.route('/x', { method: ['GET'] } as RouteOptions, () => 1),
      /unknown option "method" \(did you mean "methods"\?\)/,
    ],
    [
      'an unsupported method',
      (app) => app.route('/x', { methods: ['FETCH' as 'GET'] }, () => 1),
      /unsupported method "FETCH"/,
    ],
    ['an empty method list', (app) => app.route('/x', { methods: [] }, () => 1), /non-empty array/],
    [
      'a plain function as authorizer',
      (app) => app.route('/x', { authorizer: (() => 1) as unknown as string }, () => 1),
      /authorizer is not an authorizer .*Wrap the function with app.authorizer/,
    ],
    [
      'a number as authorizer',
      (app) => app.route('/x', { authorizer: 3 as unknown as string }, () => 1),
      /authorizer is not an authorizer \(got 3\)/,
    ],
    [
      'a missing handler',
      (app) => (app.route as (p: string, o: object) => void)('/x', {}),
      /last argument must be the handler function/,
    ],
    [
      'a bad cors value',
      (app) => app.route('/x', { cors: 'yes' as unknown as boolean }, () => 1),
      /cors must be/,
    ],
    [
      'sibling parameters with different names',
      (app) => {
        app.route('/users/{id}', () => 1);
        app.route('/users/{name}/x', () => 1);
      },
      /\{name\} and \{id\} are siblings/,
    ],
    [
      'different CORS configs on one path',
      (app) => {
        app.route('/x', { cors: true }, () => 1);
        app.route(
          '/x',
          { methods: ['POST'], cors: new CORSConfig({ allowOrigin: 'https://a.example' }) },
          () => 1,
        );
      },
      /must share one CORS config/,
    ],
  ];

  it.each(registrationErrors)('fails immediately on %s', (_name, register, message) => {
    const app = newApp();
    expect(() => register(app)).toThrow(message);
    try {
      register(newApp());
    } catch (err) {
      expect(err).toBeInstanceOf(ChaliceRuntimeError);
    }
  });

  it('names both handlers when a method is registered twice on a path', () => {
    const app = newApp();
    app.route('/x', function first() {
      return 1;
    });
    expect(() =>
      app.route('/x', { methods: ['POST', 'GET'] }, function second() {
        return 2;
      }),
    ).toThrow(/Duplicate method GET on route "\/x": it is already handled by "first", so "second" cannot/);
    // Nothing of the failed call was registered.
    expect(app.routes.map((r) => r.method)).toEqual(['GET']);
  });
});

describe('app.authorizer registration', () => {
  it('names the authorizer after the function by default', () => {
    const app = newApp();
    const auth = app.authorizer(function demo_auth() {
      return { principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: [] } };
    });
    expect(auth).toBeInstanceOf(BuiltinAuthorizer);
    expect(auth).toMatchObject({
      kind: 'builtin',
      name: 'demo_auth',
      header: 'Authorization',
      type: 'token',
      scopes: [],
    });
    expect(auth.ttlSeconds).toBeUndefined();
    expect(app.builtinAuthorizers.get('demo_auth')).toBe(auth);
  });

  it('takes options first and the function second', () => {
    const app = newApp();
    const auth = app.authorizer(
      {
        name: 'key_auth',
        type: 'request',
        identitySources: ['header:X-Api-Key', 'query:token'],
        ttlSeconds: 60,
        executionRole: 'arn:aws:iam::123456789012:role/r',
      },
      () => ({ principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: [] } }),
    );
    expect(auth).toMatchObject({
      name: 'key_auth',
      type: 'request',
      identitySources: ['header:X-Api-Key', 'query:token'],
      ttlSeconds: 60,
      executionRole: 'arn:aws:iam::123456789012:role/r',
    });
  });

  const authorizerErrors: [string, (app: Chalice) => void, RegExp][] = [
    [
      'no function at all',
      (app) => (app.authorizer as unknown as () => void).call(app),
      /needs the authorizer function/,
    ],
    [
      'options without a function',
      (app) => (app.authorizer as (o: object) => void)({ name: 'a' }),
      /needs the authorizer function as its second argument/,
    ],
    [
      'an anonymous function without a name',
      (app) =>
        app.authorizer(
          {},
          (
            () => () =>
              ({}) as never
          )(),
        ),
      /needs a name/,
    ],
    [
      'an unknown option',
      (app) =>
        app.authorizer({ ttl: 5 } as never, function a() {
          return {} as never;
        }),
      /unknown option "ttl"/,
    ],
    [
      'a TTL above 3600',
      (app) =>
        app.authorizer({ ttlSeconds: 3601 }, function a() {
          return {} as never;
        }),
      /0 to 3600/,
    ],
    [
      'an invalid identity source',
      (app) =>
        app.authorizer({ type: 'request', identitySources: ['cookie:x'] }, function a() {
          return {} as never;
        }),
      /Invalid identity source "cookie:x"/,
    ],
    [
      'a request authorizer without identity sources',
      (app) =>
        app.authorizer({ type: 'request' }, function a() {
          return {} as never;
        }),
      /needs identitySources/,
    ],
    ['the reserved name none', (app) => app.authorizer({ name: 'none' }, () => ({}) as never), /reserved/],
    [
      'two authorizers with one name',
      (app) => {
        app.authorizer({ name: 'dup' }, () => ({}) as never);
        app.authorizer({ name: 'dup' }, () => ({}) as never);
      },
      /Two built-in authorizers are named "dup"/,
    ],
  ];

  it.each(authorizerErrors)('fails immediately on %s', (_name, register, message) => {
    expect(() => register(newApp())).toThrow(message);
  });

  it('keeps withScopes copies as the same authorizer', () => {
    const app = newApp();
    const auth = app.authorizer({ name: 'scoped' }, () => ({}) as never);
    const copy = auth.withScopes(['read']);
    expect(copy.scopes).toEqual(['read']);
    expect(auth.scopes).toEqual([]);
    app.route('/x', { authorizer: copy }, () => 1);
    expect(app.builtinAuthorizers.size).toBe(1);
    expect(app.routes[0]?.authorizer).toBe(copy);
  });

  it('adopts a built-in authorizer created outside the app when a route uses it', () => {
    const app = newApp();
    const auth = new BuiltinAuthorizer(() => ({}) as never, { name: 'outside' });
    app.route('/x', { authorizer: auth }, () => 1);
    expect(app.builtinAuthorizers.get('outside')).toBe(auth);
    const clash = new BuiltinAuthorizer(() => ({}) as never, { name: 'outside' });
    expect(() => app.route('/y', { authorizer: clash }, () => 1)).toThrow(
      /Two different built-in authorizers/,
    );
  });

  it('accepts the authorizer classes of core on routes', () => {
    const app = newApp();
    app.route('/iam', { authorizer: new IAMAuthorizer() }, () => 1);
    expect(app.routes[0]?.authorizer).toBeInstanceOf(IAMAuthorizer);
  });
});

describe('new Chalice', () => {
  it('requires an app name and rejects unknown options', () => {
    expect(() => new Chalice({ appName: '' })).toThrow(/appName must be a non-empty string/);
    expect(() => new Chalice({ appName: 'a', app_name: 'a' } as never)).toThrow(
      /unknown option "app_name" \(did you mean "appName"\?\)/,
    );
  });
});
