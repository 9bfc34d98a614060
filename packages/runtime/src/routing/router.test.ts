import { describe, expect, it } from 'vitest';
import { matchRoute, Router } from './router.js';

const routes = [
  { path: '/', method: 'GET' },
  { path: '/users', method: 'GET' },
  { path: '/users', method: 'POST' },
  { path: '/users/me', method: 'GET' },
  { path: '/users/{id}', method: 'GET' },
  { path: '/users/{id}', method: 'DELETE' },
  { path: '/users/{id}/files/{proxy+}', method: 'GET' },
  { path: '/a/b/c', method: 'GET' },
  { path: '/a/{x}/d', method: 'GET' },
  { path: '/{proxy+}', method: 'GET' },
];

describe('matchRoute', () => {
  it.each([
    ['GET', '/', '/', {}],
    ['GET', '/users', '/users', {}],
    ['GET', '/users/me', '/users/me', {}],
    ['GET', '/users/42', '/users/{id}', { id: '42' }],
    ['DELETE', '/users/42', '/users/{id}', { id: '42' }],
    ['GET', '/users/42/files/a/b.txt', '/users/{id}/files/{proxy+}', { id: '42', proxy: 'a/b.txt' }],
    ['GET', '/a/b/c', '/a/b/c', {}],
    ['GET', '/a/b/d', '/a/{x}/d', { x: 'b' }],
    ['GET', '/anything/else', '/{proxy+}', { proxy: 'anything/else' }],
    ['GET', '/users/42/', '/users/{id}', { id: '42' }],
    ['GET', '/users/a%20b', '/users/{id}', { id: 'a%20b' }],
  ])('matches %s %s to the resource %s', (method, path, resourcePath, params) => {
    const hit = matchRoute(routes, method, path);
    expect(hit).toMatchObject({ resourcePath, params });
    expect(hit && 'route' in hit && hit.route.method).toBe(method);
  });

  it('prefers a literal segment over a parameter, and a parameter over a greedy parameter', () => {
    const router = new Router([
      { path: '/{proxy+}', method: 'GET' },
      { path: '/items/{id}', method: 'GET' },
      { path: '/items/new', method: 'GET' },
    ]);
    expect(router.match('GET', '/items/new')).toMatchObject({ resourcePath: '/items/new' });
    expect(router.match('GET', '/items/7')).toMatchObject({ resourcePath: '/items/{id}' });
    expect(router.match('GET', '/items/7/x')).toMatchObject({ resourcePath: '/{proxy+}' });
  });

  it('reports the allowed methods when the path exists with other methods', () => {
    expect(matchRoute(routes, 'PUT', '/users')).toEqual({
      methodNotAllowed: true,
      resourcePath: '/users',
      allowedMethods: ['GET', 'POST'],
    });
  });

  it('chooses the resource by path before looking at the method, like API Gateway', () => {
    expect(matchRoute(routes, 'POST', '/users/me')).toMatchObject({
      methodNotAllowed: true,
      resourcePath: '/users/me',
    });
  });

  it('returns null when no resource matches', () => {
    expect(matchRoute([{ path: '/users/{id}', method: 'GET' }], 'GET', '/users')).toBeNull();
    expect(matchRoute([{ path: '/users/{id}', method: 'GET' }], 'GET', '/users/1/2')).toBeNull();
  });

  it('does not let a greedy parameter match an empty remainder', () => {
    expect(matchRoute([{ path: '/files/{proxy+}', method: 'GET' }], 'GET', '/files')).toBeNull();
    expect(matchRoute([{ path: '/{proxy+}', method: 'GET' }], 'GET', '/')).toBeNull();
  });

  it('matches methods case-insensitively', () => {
    expect(matchRoute(routes, 'get', '/users')).toMatchObject({ resourcePath: '/users' });
  });
});
