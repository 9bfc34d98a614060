import type { AuthRequest, AuthResponse, IamPolicy } from '@chalice-ts/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { BuiltinAuthorizer } from '../authorizer/builtin-authorizer.js';
import type { ApiGatewayProxyResult } from '../lambda/events.js';
import type { MultiDict } from '../request/multi-dict.js';
import type { PathParams } from '../routing/route-path.js';
import { Chalice } from './chalice.js';

const app = new Chalice({ appName: 'types' });

describe('types', () => {
  it('types request.params from the route path', () => {
    app.route('/users/{id}/files/{proxy+}', (request) => {
      expectTypeOf(request.params).toEqualTypeOf<{ readonly id: string; readonly proxy: string }>();
      expectTypeOf(request.headers).toEqualTypeOf<MultiDict>();
      expectTypeOf(request.json).toBeUnknown();
      return null;
    });
    expectTypeOf<keyof PathParams<'/'>>().toEqualTypeOf<never>();
    expectTypeOf<PathParams<string>>().toEqualTypeOf<Readonly<Record<string, string>>>();
  });

  it('rejects unknown params at compile time', () => {
    app.route('/items/{id}', { methods: ['GET'] }, (request) => {
      // @ts-expect-error: the path has no {name} parameter
      return request.params.name;
    });
  });

  it('types authorizer functions and the built-in authorizer they make', () => {
    const auth = app.authorizer({ name: 'typed' }, async (authRequest) => {
      expectTypeOf(authRequest).toEqualTypeOf<AuthRequest>();
      return null as unknown as AuthResponse<{ tier: string }>;
    });
    expectTypeOf(auth).toEqualTypeOf<BuiltinAuthorizer<{ tier: string }>>();
    expectTypeOf(auth.handler).returns.toEqualTypeOf<Promise<IamPolicy>>();
    expectTypeOf(auth.withScopes).returns.toEqualTypeOf<BuiltinAuthorizer<{ tier: string }>>();
  });

  it('rejects authorizer functions returning non-policies and context values that are not primitive', () => {
    // @ts-expect-error: an authorizer must return an AuthResponse or a policy
    app.authorizer({ name: 'bad1' }, () => 'allow');
    // @ts-expect-error: context values must be string, number or boolean
    app.authorizer({ name: 'bad2' }, () => null as unknown as AuthResponse<{ roles: string[] }>);
  });

  it('types app.handler as a Lambda proxy handler', () => {
    expectTypeOf(app.handler).returns.toEqualTypeOf<Promise<ApiGatewayProxyResult>>();
  });
});
