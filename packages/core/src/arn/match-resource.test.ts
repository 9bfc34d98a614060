import { describe, expect, it } from 'vitest';
import { matchResource } from './match-resource.js';

const ARN = 'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/users/7';

describe('matchResource', () => {
  it.each([
    ['an identical ARN', ARN, ARN, true],
    ['a lone star', '*', ARN, true],
    ['a star over the whole path', 'arn:aws:execute-api:us-east-1:123456789012:abc123/api/*', ARN, true],
    ['a star spanning slashes', 'arn:aws:execute-api:us-east-1:123456789012:abc123/*/users/7', ARN, true],
    ['a star spanning colons', 'arn:aws:*/api/GET/users/7', ARN, true],
    [
      'a star standing for the method',
      'arn:aws:execute-api:us-east-1:123456789012:abc123/api/*/users/7',
      ARN,
      true,
    ],
    [
      'a star matching an empty run',
      'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/users/7*',
      ARN,
      true,
    ],
    ['several stars', 'arn:*:execute-api:*:*:abc123/*/GET/*', ARN, true],
    [
      'a question mark for one character',
      'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/users/?',
      ARN,
      true,
    ],
    [
      'question marks for each character',
      'arn:aws:execute-api:us-east-?:123456789012:abc123/a?i/GET/users/7',
      ARN,
      true,
    ],
    [
      'a question mark for a slash',
      'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET?users/7',
      ARN,
      true,
    ],
    ['a star that must backtrack', '*/users/7', ARN, true],
    ['a star followed by a repeated suffix', 'a*aab', 'aaaaaab', true],
  ])('matches %s', (_name, pattern, arn, expected) => {
    expect(matchResource(pattern, arn)).toBe(expected);
  });

  it.each([
    ['a different method', 'arn:aws:execute-api:us-east-1:123456789012:abc123/api/POST/users/7', ARN],
    ['a different case', 'arn:aws:execute-api:us-east-1:123456789012:abc123/api/get/users/7', ARN],
    [
      'a prefix only (anchored at the end)',
      'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/users',
      ARN,
    ],
    [
      'a suffix only (anchored at the start)',
      'execute-api:us-east-1:123456789012:abc123/api/GET/users/7',
      ARN,
    ],
    [
      'a question mark against two characters',
      'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/users/?',
      `${ARN}7`,
    ],
    [
      'a question mark against nothing',
      'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/users/7?',
      ARN,
    ],
    ['a dot taken literally', 'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/users.7', ARN],
    ['a literal dot against a slash', 'a.b', 'a/b'],
    ['a trailing slash the ARN lacks', `${ARN}/`, ARN],
    [
      'a missing trailing slash',
      'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET',
      'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/',
    ],
    [
      'regex characters taken literally',
      'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/users/[0-9]',
      ARN,
    ],
    ['a plus taken literally', 'a+', 'aa'],
    ['an empty pattern', '', ARN],
    ['a different region', 'arn:aws:execute-api:us-west-2:*', ARN],
    ['a different partition', 'arn:aws-cn:*', ARN],
  ])('does not match %s', (_name, pattern, arn) => {
    expect(matchResource(pattern, arn as string)).toBe(false);
  });

  it('matches an empty ARN only with an empty or all-star pattern', () => {
    expect(matchResource('', '')).toBe(true);
    expect(matchResource('**', '')).toBe(true);
    expect(matchResource('?', '')).toBe(false);
  });

  it('stays linear on patterns that would make a naive backtracker explode', () => {
    const arn = 'a'.repeat(5000);
    expect(matchResource(`${'*a'.repeat(50)}b`, arn)).toBe(false);
  });
});
