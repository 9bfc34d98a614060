import { describe, expect, it } from 'vitest';
import { ChaliceTsError } from '../errors.js';
import { AuthRequest } from './auth-request.js';
import { AuthResponse, AuthRoute } from './auth-response.js';

const ARN = 'arn:aws:execute-api:us-west-2:123456789012:abc123/api/GET/needs/auth';
const P = 'arn:aws:execute-api:us-west-2:123456789012:abc123/api';

function resources(routes: Array<string | AuthRoute>, methodArn: string = ARN): string[] {
  return new AuthResponse({ routes, principalId: 'user' }).toPolicy(methodArn).policyDocument.Statement[0]
    .Resource;
}

describe('AuthResponse.toPolicy', () => {
  it('returns exactly the shape Chalice returns', () => {
    const policy = new AuthResponse({ routes: ['/'], principalId: 'user', context: { team: 'a' } }).toPolicy(
      ARN,
    );
    expect(policy).toStrictEqual({
      context: { team: 'a' },
      principalId: 'user',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: [`${P}/*/`] }],
      },
    });
    expect(Object.keys(policy)).toEqual(['context', 'principalId', 'policyDocument']);
  });

  it.each<[string, Array<string | AuthRoute>, string[]]>([
    ['the root path', ['/'], [`${P}/*/`]],
    ['a plain path', ['/foo'], [`${P}/*/foo`]],
    ['a nested path', ['/foo/bar/baz'], [`${P}/*/foo/bar/baz`]],
    ['a path with a trailing slash', ['/foo/'], [`${P}/*/foo/`]],
    ['a path without a leading slash', ['foo/bar'], [`${P}/*/foo/bar`]],
    ['an empty path as the root', [''], [`${P}/*/`]],
    ['everything', ['*'], [`${P}/*/*`]],
    ['a path ending in a star', ['/foo/*'], [`${P}/*/foo/*`]],
    ['a {param} segment', ['/users/{id}'], [`${P}/*/users/*`]],
    ['several {param} segments', ['/users/{id}/posts/{postId}'], [`${P}/*/users/*/posts/*`]],
    ['a {proxy+} segment', ['/files/{proxy+}'], [`${P}/*/files/*`]],
    ['an unclosed brace, kept literally', ['/a/{b'], [`${P}/*/a/{b`]],
    ['a brace pair spanning a slash, kept literally', ['/a/{b/c}/{d}'], [`${P}/*/a/{b/c}/*`]],
    ['a path with a colon', ['/time/12:30'], [`${P}/*/time/12:30`]],
    ['no routes', [], []],
    ['several paths in order', ['/b', '/a', '/c'], [`${P}/*/b`, `${P}/*/a`, `${P}/*/c`]],
    ['duplicates, kept in order', ['/a', '/b', '/a'], [`${P}/*/a`, `${P}/*/b`, `${P}/*/a`]],
    ['an AuthRoute with one method', [new AuthRoute('/foo', ['GET'])], [`${P}/GET/foo`]],
    [
      'an AuthRoute with methods in order',
      [new AuthRoute('/foo', ['PUT', 'GET'])],
      [`${P}/PUT/foo`, `${P}/GET/foo`],
    ],
    [
      'an AuthRoute with lower-case methods',
      [new AuthRoute('/foo', ['post', 'Delete'])],
      [`${P}/POST/foo`, `${P}/DELETE/foo`],
    ],
    ['an AuthRoute on the root', [new AuthRoute('/', ['GET'])], [`${P}/GET/`]],
    ['an AuthRoute on everything', [new AuthRoute('*', ['GET'])], [`${P}/GET/*`]],
    ['an AuthRoute with the * method', [new AuthRoute('/foo', ['*'])], [`${P}/*/foo`]],
    ['an AuthRoute with a {param}', [new AuthRoute('/users/{id}', ['GET'])], [`${P}/GET/users/*`]],
    ['an AuthRoute without a leading slash', [new AuthRoute('foo', ['GET'])], [`${P}/GET/foo`]],
    ['an AuthRoute without methods', [new AuthRoute('/foo', [])], []],
    [
      'strings and AuthRoutes mixed, in order',
      ['/a', new AuthRoute('/b', ['GET', 'POST']), '*'],
      [`${P}/*/a`, `${P}/GET/b`, `${P}/POST/b`, `${P}/*/*`],
    ],
    ['a duplicated method, kept', [new AuthRoute('/a', ['GET', 'get'])], [`${P}/GET/a`, `${P}/GET/a`]],
  ])('builds resources for %s', (_name, routes, expected) => {
    expect(resources(routes)).toEqual(expected);
  });

  it.each([
    [
      'aws-cn',
      'arn:aws-cn:execute-api:cn-north-1:111122223333:xyz/prod/POST/x',
      'arn:aws-cn:execute-api:cn-north-1:111122223333:xyz/prod/*/a',
    ],
    [
      'aws-us-gov',
      'arn:aws-us-gov:execute-api:us-gov-west-1:111122223333:xyz/prod/GET/',
      'arn:aws-us-gov:execute-api:us-gov-west-1:111122223333:xyz/prod/*/a',
    ],
    [
      'a method ARN without a path',
      'arn:aws:execute-api:us-east-1:1:xyz/dev/GET',
      'arn:aws:execute-api:us-east-1:1:xyz/dev/*/a',
    ],
    [
      'a method ARN ending at the stage',
      'arn:aws:execute-api:us-east-1:1:xyz/dev',
      'arn:aws:execute-api:us-east-1:1:xyz/dev/*/a',
    ],
    [
      'a method ARN with a colon in its path',
      'arn:aws:execute-api:us-east-1:1:xyz/dev/GET/t/12:30:00',
      'arn:aws:execute-api:us-east-1:1:xyz/dev/*/a',
    ],
    [
      'a wildcard method ARN',
      'arn:aws:execute-api:us-east-1:1:xyz/dev/*/*',
      'arn:aws:execute-api:us-east-1:1:xyz/dev/*/a',
    ],
  ])('copies partition, region, account, api and stage from %s', (_name, methodArn, expected) => {
    expect(resources(['/a'], methodArn)).toEqual([expected]);
  });

  it('accepts an AuthRequest and uses its method ARN', () => {
    const request = new AuthRequest({ authType: 'TOKEN', token: 'allow', methodArn: ARN });
    const response = new AuthResponse({ routes: ['/x'], principalId: 'user' });
    expect(response.toPolicy(request)).toEqual(response.toPolicy(ARN));
  });

  it('accepts a REQUEST AuthRequest', () => {
    const request = new AuthRequest({ authType: 'REQUEST', methodArn: ARN, headers: { 'x-api-key': 'k' } });
    expect(
      new AuthResponse({ routes: ['*'], principalId: 'u' }).toPolicy(request).policyDocument.Statement[0]
        .Resource,
    ).toEqual([`${P}/*/*`]);
  });

  it('returns an empty context object when none was given', () => {
    expect(new AuthResponse({ routes: [], principalId: 'u' }).toPolicy(ARN).context).toStrictEqual({});
  });

  it('returns a copy of the context', () => {
    const response = new AuthResponse({ routes: [], principalId: 'u', context: { a: 1 } });
    expect(response.toPolicy(ARN).context).not.toBe(response.context);
  });

  it.each(['', 'not-an-arn', 'arn:aws:execute-api:us-east-1:1:xyz', 'arn:aws:execute-api:us-east-1:1'])(
    'refuses to build a policy from the malformed method ARN %j',
    (methodArn) => {
      const response = new AuthResponse({ routes: ['/'], principalId: 'u' });
      expect(() => response.toPolicy(methodArn)).toThrow(
        expect.objectContaining({ code: 'INVALID_METHOD_ARN' }),
      );
    },
  );

  it('refuses an AuthRequest-like value without a method ARN', () => {
    const response = new AuthResponse({ routes: ['/'], principalId: 'u' });
    expect(() => response.toPolicy({} as AuthRequest)).toThrow(ChaliceTsError);
  });

  it('rejects a context that was mutated to hold an object', () => {
    const context: Record<string, unknown> = { a: 'x' };
    const response = new AuthResponse({
      routes: [],
      principalId: 'u',
      context: context as Record<string, string>,
    });
    context.b = { nested: true };
    expect(() => response.toPolicy(ARN)).toThrow(/key "b"/);
  });
});

describe('AuthResponse construction', () => {
  it.each([
    [
      { routes: [], principalId: 'u', context: { roles: ['admin'] } },
      /AuthResponse: context value for key "roles"/,
    ],
    [{ routes: [], principalId: 'u', context: { when: new Date(0) } }, /key "when"/],
    [{ routes: '/', principalId: 'u' }, /routes must be an array, received: "\/"/],
    [{ routes: [42], principalId: 'u' }, /routes entries must be path strings or AuthRoute, received: 42/],
    [{ routes: [], principalId: 7 }, /principalId must be a string, received: 7/],
  ])('rejects %j with a clear error', (init, message) => {
    expect(() => new AuthResponse(init as never)).toThrow(message);
  });

  it('rejects AuthRoute methods that are not an array of strings', () => {
    expect(() => new AuthRoute('/a', 'GET' as never)).toThrow(
      /methods must be an array of HTTP methods, received: "GET"/,
    );
  });
});
