import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, formatConfigPath } from './index.js';

describe('didYouMean', () => {
  it.each([
    ['ttl_second', ['ttl_seconds', 'header'], 'ttl_seconds'],
    ['ttl_secnods', ['ttl_seconds', 'header'], 'ttl_seconds'],
    ['Header', ['header', 'scopes'], 'header'],
    ['hedaer', ['header', 'scopes'], 'header'],
    ['MyPol', ['MyPool', 'demo_auth'], 'MyPool'],
    ['colour', ['ttl_seconds', 'header'], undefined],
    ['ab', ['xy'], undefined],
    ['header', ['header'], undefined],
    ['x', [], undefined],
  ])('suggests for %s among %j: %s', (word, candidates, expected) => {
    expect(didYouMean(word, candidates)).toBe(expected);
  });

  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', 'acb', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('measures %j to %j as %i edits', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('formatConfigPath', () => {
  it.each([
    [['authorizers', 'MyPool', 'provider_arns'], 'authorizers.MyPool.provider_arns'],
    [['local', 'iam', 'credentials', 0, 'user_arn'], 'local.iam.credentials[0].user_arn'],
    [['routes', 'GET /users', 'authorizer'], "routes['GET /users'].authorizer"],
    [['environment_variables', '1A'], "environment_variables['1A']"],
    [['tags', "it's"], "tags['it\\'s']"],
    [[], ''],
  ])('renders %j as %s', (path, expected) => {
    expect(formatConfigPath(path)).toBe(expected);
  });
});
