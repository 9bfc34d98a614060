import type { EffectiveModel } from '@chalice-ts/runtime/binding';
import { describe, expect, it } from 'vitest';
import { modelWarnings } from './warnings.js';

type Route = EffectiveModel['routes'][number];

function route(kind: string, scopes: string[], name = 'auth'): Route {
  return {
    method: 'GET',
    path: '/items',
    scopes,
    source: 'code',
    authorizer: { name, kind },
  } as unknown as Route;
}

describe('modelWarnings', () => {
  it.each(['builtin', 'custom'])('warns that scopes on a %s authorizer are not enforced', (kind) => {
    expect(modelWarnings({ routes: [route(kind, ['read'], 'demo_auth')] })).toEqual([
      `GET /items: scopes [read] on ${kind} authorizer 'demo_auth' are not enforced by API Gateway ` +
        '(only Cognito user pool authorizers check scopes); check them in the authorizer function instead',
    ]);
  });

  it('says nothing for scopes on a Cognito user pool authorizer, which API Gateway enforces', () => {
    expect(modelWarnings({ routes: [route('cognito_user_pools', ['read'])] })).toEqual([]);
  });

  it('says nothing for routes without scopes or without an authorizer', () => {
    const open = { ...route('builtin', []), authorizer: null } as Route;
    expect(modelWarnings({ routes: [route('builtin', []), open] })).toEqual([]);
  });
});
