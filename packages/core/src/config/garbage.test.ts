import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig, validateConfigObject } from './index.js';

const cyclic: Record<string, unknown> = { version: 1 };
cyclic['app_name'] = cyclic;

const hostile = new Proxy(
  {},
  {
    get() {
      throw new Error('boom');
    },
    ownKeys() {
      throw new Error('boom');
    },
  },
);

describe('garbage input', () => {
  it.each([
    ['binary bytes', '\u0000\u0001\u00ff\ufffe'],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    [
      'an alias bomb',
      [
        'a: &a [x, x, x, x, x, x, x, x, x]',
        ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${`*${'abcdefgh'[i]}, `.repeat(9)}]`),
      ].join('\n'),
    ],
    ['several documents', 'version: 1\n---\nversion: 1\n'],
    ['an undefined alias', 'version: *nothing\n'],
    ['a custom tag', 'version: !!binary AAAA\napp_name: !foo bar\n'],
    ['a complex key', '? [a, b]\n: c\n'],
  ])('parseConfig returns issues for %s without throwing', (_name, text) => {
    const result = parseConfig(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['a function', () => 1],
    ['a cyclic object', cyclic],
    ['a proxy whose traps throw', hostile],
    ['a bigint', 10n],
    ['a symbol', Symbol('x')],
  ])('validateConfigObject returns issues for %s without throwing', (_name, value) => {
    expect(validateConfigObject(value).ok).toBe(false);
  });

  it('parseConfig rejects a non-string without throwing', () => {
    expect(parseConfig(42 as unknown as string).ok).toBe(false);
  });

  it('parseConfig never throws and every issue has a file and a message, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parseConfig(`version: 1\napp_name: demo\n${text}`);
        if (!result.ok) for (const issue of result.errors) expect(issue.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('validateConfigObject never throws, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateConfigObject(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
