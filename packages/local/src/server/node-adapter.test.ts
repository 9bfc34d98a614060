import { describe, expect, it } from 'vitest';
import { requestPath } from './node-adapter.js';

describe('requestPath', () => {
  it.each([
    ['/users/1?x=1', '/users/1?x=1'],
    ['http://localhost/health', '/health'],
    ['http://localhost:8000/a/b?c=d', '/a/b?c=d'],
    ['https://example.com', '/'],
    ['http://example.com?x=1', '/?x=1'],
    ['*', '*'],
  ])('turns the request target %j into the path %j', (target, path) => {
    expect(requestPath(target)).toBe(path);
  });
});
