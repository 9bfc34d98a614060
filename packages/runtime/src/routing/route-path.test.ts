import { describe, expect, it } from 'vitest';
import { parseRoutePath } from './route-path.js';

describe('parseRoutePath', () => {
  it('parses literal, parameter and greedy segments', () => {
    expect(parseRoutePath('/users/{id}/files/{proxy+}')).toEqual({
      path: '/users/{id}/files/{proxy+}',
      segments: [
        { kind: 'literal', value: 'users' },
        { kind: 'param', name: 'id' },
        { kind: 'literal', value: 'files' },
        { kind: 'greedy', name: 'proxy' },
      ],
      paramNames: ['id', 'proxy'],
    });
  });

  it('treats "/" as the root resource', () => {
    expect(parseRoutePath('/')).toEqual({ path: '/', segments: [], paramNames: [] });
  });

  it.each([
    ['', /must not be empty/],
    ['users', /must start with "\/" \(did you mean "\/users"\?\)/],
    ['/users/', /trailing slash is not allowed \(did you mean "\/users"\?\)/],
    ['/a//b', /empty path segments/],
    ['/{proxy+}/x', /greedy parameter \{proxy\+\} must be the last segment/],
    ['/{id}/{id}', /appears twice/],
    ['/user-{id}', /must be a whole \{parameter\}/],
    ['/a b', /characters API Gateway rejects/],
  ])('rejects %j', (path, message) => {
    expect(() => parseRoutePath(path)).toThrow(message);
  });
});
