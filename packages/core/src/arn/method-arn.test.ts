import { describe, expect, it } from 'vitest';
import { ChaliceTsError } from '../errors.js';
import { buildMethodArn, parseMethodArn, splitArn } from './method-arn.js';

const base = { region: 'us-east-1', accountId: '123456789012', apiId: 'abc123', stage: 'api' };

describe('buildMethodArn', () => {
  it.each([
    ['/users/7', 'GET', 'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/users/7'],
    ['/', 'GET', 'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/'],
    ['users', 'post', 'arn:aws:execute-api:us-east-1:123456789012:abc123/api/POST/users'],
    ['/search?q=a:b', 'GET', 'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/search'],
    ['/a/b/', 'DELETE', 'arn:aws:execute-api:us-east-1:123456789012:abc123/api/DELETE/a/b/'],
  ])('builds the ARN of %s %s', (path, method, expected) => {
    expect(buildMethodArn({ ...base, method, path })).toBe(expected);
  });

  it('uses the given partition', () => {
    expect(buildMethodArn({ ...base, partition: 'aws-cn', method: 'GET', path: '/' })).toBe(
      'arn:aws-cn:execute-api:us-east-1:123456789012:abc123/api/GET/',
    );
  });
});

describe('parseMethodArn', () => {
  it('parses every part of a method ARN', () => {
    expect(parseMethodArn('arn:aws-us-gov:execute-api:us-gov-west-1:1:abc/dev/PUT/a/b')).toEqual({
      partition: 'aws-us-gov',
      service: 'execute-api',
      region: 'us-gov-west-1',
      accountId: '1',
      apiId: 'abc',
      stage: 'dev',
      method: 'PUT',
      path: '/a/b',
    });
  });

  it.each([
    ['abc/api/GET/', 'GET', '/'],
    ['abc/api/GET', 'GET', '/'],
    ['abc/api', '', '/'],
    ['abc/api/GET/time/12:30', 'GET', '/time/12:30'],
  ])('parses the resource %s', (resource, method, path) => {
    const parts = parseMethodArn(`arn:aws:execute-api:us-east-1:123:${resource}`);
    expect([parts.method, parts.path]).toEqual([method, path]);
  });

  it('round-trips with buildMethodArn', () => {
    const arn = buildMethodArn({ ...base, method: 'PATCH', path: '/x/y' });
    const { service: _service, ...parts } = parseMethodArn(arn);
    expect(buildMethodArn(parts)).toBe(arn);
  });

  it.each([
    '',
    'not-an-arn',
    'arn:aws:execute-api:us-east-1:123',
    'arn:aws:execute-api:us-east-1:123:abc',
    'arn:aws:execute-api:r:1:/api/GET/',
    'arn:aws:execute-api:r:1:abc//GET/',
    'xrn:aws:execute-api:r:1:abc/api/GET/',
  ])('rejects %j with INVALID_METHOD_ARN', (arn) => {
    expect(() => parseMethodArn(arn)).toThrow(ChaliceTsError);
    expect(() => parseMethodArn(arn)).toThrow(expect.objectContaining({ code: 'INVALID_METHOD_ARN' }));
  });
});

describe('splitArn', () => {
  it('splits on colons at most five times, like Python str.split(":", 5)', () => {
    expect(splitArn('a:b:c:d:e:f:g:h')).toEqual(['a', 'b', 'c', 'd', 'e', 'f:g:h']);
    expect(splitArn('a:b')).toEqual(['a', 'b']);
  });
});
