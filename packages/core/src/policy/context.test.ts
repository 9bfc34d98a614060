import { describe, expect, it } from 'vitest';
import { ChaliceTsError } from '../errors.js';
import { assertPrimitiveContext, stringifyContext } from './context.js';

describe('assertPrimitiveContext', () => {
  it.each([undefined, null, {}, { a: 'x', b: 1, c: false, d: 0, e: '' }])('accepts %j', (context) => {
    expect(() => assertPrimitiveContext(context, 'authorizer demo')).not.toThrow();
  });

  it.each([
    [
      { roles: ['a'] },
      'authorizer demo: context value for key "roles" must be a string, number or boolean, got an array (["a"]).',
    ],
    [
      { n: Number.NaN },
      'authorizer demo: context value for key "n" must be a string, number or boolean, got NaN.',
    ],
    [
      { u: undefined },
      'authorizer demo: context value for key "u" must be a string, number or boolean, got undefined.',
    ],
    [
      { f: () => 'x' },
      'authorizer demo: context value for key "f" must be a string, number or boolean, got function.',
    ],
    ['text', 'authorizer demo: context must be an object of string/number/boolean values, got "text".'],
    [[1], 'authorizer demo: context must be an object of string/number/boolean values, got an array ([1]).'],
  ])('rejects %j, naming the key', (context, message) => {
    expect(() => assertPrimitiveContext(context, 'authorizer demo')).toThrow(message);
    expect(() => assertPrimitiveContext(context, 'authorizer demo')).toThrow(ChaliceTsError);
  });
});

describe('stringifyContext', () => {
  it('turns values into strings as API Gateway does', () => {
    expect(stringifyContext({ n: 42, f: 1.5, t: true, no: false, s: 'x' })).toEqual({
      n: '42',
      f: '1.5',
      t: 'true',
      no: 'false',
      s: 'x',
    });
  });

  it('returns an empty map for an absent context', () => {
    expect(stringifyContext(undefined)).toEqual({});
    expect(stringifyContext(null)).toEqual({});
  });
});
