import { describe, expect, it } from 'vitest';
import { AuthResponse, AuthRoute } from '../model/auth-response.js';
import { evaluatePolicy } from './evaluate-policy.js';

const PREFIX = 'arn:aws:execute-api:us-east-1:123456789012:abc123/api';
const GET_USERS = `${PREFIX}/GET/users`;

function policy(Statement: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { principalId: 'user', policyDocument: { Version: '2012-10-17', Statement }, ...extra };
}
const allow = (Resource: unknown, Action: unknown = 'execute-api:Invoke') => ({
  Effect: 'Allow',
  Action,
  Resource,
});
const deny = (Resource: unknown, Action: unknown = 'execute-api:Invoke') => ({
  Effect: 'Deny',
  Action,
  Resource,
});

describe('evaluatePolicy', () => {
  it.each([
    ['an Allow on the exact ARN', [allow(GET_USERS)], GET_USERS],
    ['an Allow with a Resource array', [allow([`${PREFIX}/POST/x`, GET_USERS])], GET_USERS],
    ['an Allow on every method of the path', [allow(`${PREFIX}/*/users`)], GET_USERS],
    ['an Allow on everything', [allow('*')], GET_USERS],
    ['Action execute-api:*', [allow(GET_USERS, 'execute-api:*')], GET_USERS],
    ['Action *', [allow(GET_USERS, '*')], GET_USERS],
    ['Action as an array', [allow(GET_USERS, ['s3:GetObject', 'execute-api:Invoke'])], GET_USERS],
    [
      'Action in another case (IAM actions are case-insensitive)',
      [allow(GET_USERS, 'Execute-API:invoke')],
      GET_USERS,
    ],
    ['Action with a wildcard', [allow(GET_USERS, 'execute-api:Inv*')], GET_USERS],
    ['Statement as a single object', allow(GET_USERS), GET_USERS],
    [
      'a Deny on another path next to the Allow',
      [deny(`${PREFIX}/GET/admin`), allow(`${PREFIX}/*`)],
      GET_USERS,
    ],
    [
      'a Deny with an action other than Invoke',
      [deny(GET_USERS, 'execute-api:ManageConnections'), allow(GET_USERS)],
      GET_USERS,
    ],
    ['the root resource', [allow(`${PREFIX}/GET/`)], `${PREFIX}/GET/`],
    ['a question mark for one character', [allow(`${PREFIX}/GET/user?`)], GET_USERS],
  ])('allows with %s', (_name, statement, arn) => {
    expect(evaluatePolicy(policy(statement), arn)).toEqual({
      outcome: 'allow',
      principalId: 'user',
      context: {},
    });
  });

  it.each([
    ['no statements', [], GET_USERS],
    ['an Allow on another path', [allow(`${PREFIX}/GET/other`)], GET_USERS],
    ['an Allow on another method', [allow(`${PREFIX}/POST/users`)], GET_USERS],
    ['an Allow with an empty Resource list', [allow([])], GET_USERS],
    ['an Allow for another action', [allow(GET_USERS, 's3:GetObject')], GET_USERS],
    ['an Allow with an empty Action list', [allow(GET_USERS, [])], GET_USERS],
    ['a trailing-slash Resource against a path without one', [allow(`${GET_USERS}/`)], GET_USERS],
    ['a Resource without the trailing slash of the root', [allow(`${PREFIX}/GET`)], `${PREFIX}/GET/`],
    ['a question mark against a slash-separated pair', [allow(`${PREFIX}/GET/?`)], `${PREFIX}/GET/a/b`],
    ['a literal dot', [allow(`${PREFIX}/GET/users.json`)], `${PREFIX}/GET/usersxjson`],
    ['a lower-case method', [allow(`${PREFIX}/get/users`)], GET_USERS],
    ['another stage', [allow(`${PREFIX.replace('/api', '/dev')}/*`)], GET_USERS],
  ])('denies with %s', (_name, statement, arn) => {
    expect(evaluatePolicy(policy(statement), arn)).toEqual({
      outcome: 'deny',
      reason: `no Allow statement matches ${arn}`,
    });
  });

  it.each([
    ['a Deny before the Allow', [deny(GET_USERS), allow('*')]],
    ['a Deny after the Allow', [allow('*'), deny(`${PREFIX}/*/users`)]],
    ['a Deny in the same Resource list shape', [allow([GET_USERS]), deny([`${PREFIX}/POST/x`, GET_USERS])]],
    ['a Deny with Action *', [allow(GET_USERS), deny('*', '*')]],
    ['a Deny alone', [deny(GET_USERS)]],
  ])('explicitly denies with %s (Deny beats Allow)', (_name, statement) => {
    const decision = evaluatePolicy(policy(statement), GET_USERS);
    expect(decision.outcome).toBe('explicit-deny');
    expect(decision).toHaveProperty(
      'reason',
      expect.stringMatching(/^Statement\[\d\] \(Deny\) matches arn:.*\/GET\/users via "/),
    );
  });

  it.each([
    ['null', null, 'the authorizer returned null, not a policy object'],
    ['undefined', undefined, 'the authorizer returned undefined, not a policy object'],
    ['a string', 'Allow', 'the authorizer returned string, not a policy object'],
    ['an array', [], 'the authorizer returned an array, not a policy object'],
    ['no principalId', { policyDocument: { Statement: [allow('*')] } }, 'the policy has no principalId'],
    [
      'a numeric principalId',
      policy([allow('*')], { principalId: 7 }),
      'principalId must be a string, got number',
    ],
    ['no policyDocument', { principalId: 'u' }, 'the policy has no policyDocument'],
    [
      'a string policyDocument',
      { principalId: 'u', policyDocument: '{}' },
      'policyDocument must be an object',
    ],
    [
      'no Statement',
      { principalId: 'u', policyDocument: { Version: '2012-10-17' } },
      'policyDocument has no Statement',
    ],
    [
      'a string Statement',
      policy('Allow'),
      'policyDocument.Statement must be an array or an object, got string',
    ],
    ['a statement that is not an object', policy(['Allow']), 'Statement[0] is not an object'],
    ['a statement without Effect', policy([{ Action: '*', Resource: '*' }]), 'Statement[0] has no Effect'],
    [
      'a lower-case Effect',
      policy([{ ...allow('*'), Effect: 'allow' }]),
      'Statement[0].Effect must be "Allow" or "Deny" (case-sensitive), got "allow"',
    ],
    [
      'a statement without Action',
      policy([{ Effect: 'Allow', Resource: '*' }]),
      'Statement[0].Action must be a string or an array of strings',
    ],
    [
      'a statement without Resource',
      policy([{ Effect: 'Allow', Action: '*' }]),
      'Statement[0].Resource must be a string or an array of strings',
    ],
    [
      'a non-string Resource entry',
      policy([allow([GET_USERS, 7])]),
      'Statement[0].Resource must be a string or an array of strings',
    ],
    [
      'NotResource',
      policy([{ Effect: 'Deny', Action: '*', NotResource: GET_USERS }]),
      'Statement[0] uses NotAction/NotResource, which is not supported',
    ],
    [
      'a later malformed statement after a matching Allow',
      policy([allow('*'), { Effect: 'Allow' }]),
      'Statement[1].Action must be a string or an array of strings',
    ],
    [
      'an object in the context',
      policy([allow('*')], { context: { user: { id: 1 } } }),
      'context value for key "user" must be a string, number or boolean, got an object ({"id":1})',
    ],
    [
      'null in the context',
      policy([allow('*')], { context: { user: null } }),
      'context value for key "user" must be a string, number or boolean, got null',
    ],
  ])('reports an invalid policy for %s', (_name, value, reason) => {
    expect(evaluatePolicy(value, GET_USERS)).toEqual({ outcome: 'invalid', reason });
  });

  it('passes the context through on allow', () => {
    const decision = evaluatePolicy(
      policy([allow('*')], { context: { n: 42, ok: true, who: 'jane' } }),
      GET_USERS,
    );
    expect(decision).toEqual({
      outcome: 'allow',
      principalId: 'user',
      context: { n: 42, ok: true, who: 'jane' },
    });
  });

  it('allows what an AuthResponse policy covers and denies the rest of the API', () => {
    const built = new AuthResponse({
      routes: ['/users', new AuthRoute('/items/{id}', ['put'])],
      principalId: 'u',
    }).toPolicy(GET_USERS);
    expect(evaluatePolicy(built, `${PREFIX}/DELETE/users`).outcome).toBe('allow');
    expect(evaluatePolicy(built, `${PREFIX}/PUT/items/42`).outcome).toBe('allow');
    expect(evaluatePolicy(built, `${PREFIX}/GET/items/42`).outcome).toBe('deny');
    expect(evaluatePolicy(built, `${PREFIX}/GET/users/7`).outcome).toBe('deny');
  });
});
