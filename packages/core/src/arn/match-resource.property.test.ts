import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchResource } from './match-resource.js';

/**
 * Reference glob matcher, written independently of `matchResource`: a dynamic programme over
 * UTF-16 code units. `reach[j]` says "the pattern read so far can consume exactly arn[0..j)".
 * `*` matches any run (including `/`, `:` and the empty run), `?` exactly one code unit, every
 * other code unit only itself (case-sensitive), and the whole ARN must be consumed (IAM anchors
 * `Resource` patterns at both ends).
 */
function referenceMatch(pattern: string, arn: string): boolean {
  let reach: boolean[] = new Array(arn.length + 1).fill(false);
  reach[0] = true;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    const next: boolean[] = new Array(arn.length + 1).fill(false);
    if (p === '*') {
      let seen = false;
      for (let j = 0; j <= arn.length; j++) {
        seen = seen || reach[j] === true;
        next[j] = seen;
      }
    } else {
      for (let j = 0; j < arn.length; j++) {
        if (reach[j] && (p === '?' || p === arn[j])) next[j + 1] = true;
      }
    }
    reach = next;
  }
  return reach[arn.length] === true;
}

/** A second, regex-based oracle: every pattern code unit escaped, `*` -> any run, `?` -> one unit. */
function regexMatch(pattern: string, arn: string): boolean {
  let source = '^';
  for (const unit of pattern.split('')) {
    if (unit === '*') source += '[\\s\\S]*';
    else if (unit === '?') source += '[\\s\\S]';
    else source += `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
  // No `u` flag: the regex works on UTF-16 code units, like the matcher's contract.
  return new RegExp(`${source}$`).test(arn);
}

// The characters that matter to ARN matching, over-represented on purpose.
const interesting = fc.constantFrom(
  '*',
  '?',
  '/',
  ':',
  '.',
  'a',
  'b',
  'A',
  '0',
  '1',
  '{',
  '}',
  '-',
  '*',
  '?',
);
const anyUnit = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const patternChar = fc.oneof({ weight: 8, arbitrary: interesting }, { weight: 1, arbitrary: anyUnit });
const arnChar = fc.oneof(
  { weight: 8, arbitrary: interesting.filter((c) => c !== '*' && c !== '?') },
  { weight: 1, arbitrary: interesting },
  { weight: 1, arbitrary: anyUnit },
);
const pattern = fc.array(patternChar, { maxLength: 14 }).map((cs) => cs.join(''));
const arn = fc.array(arnChar, { maxLength: 20 }).map((cs) => cs.join(''));

/** An ARN the pattern matches by construction: each `*` expanded, each `?` replaced by one unit. */
const instantiated = pattern.chain((p) =>
  fc
    .tuple(
      fc.array(fc.array(arnChar, { maxLength: 4 }), { minLength: p.length, maxLength: p.length }),
      fc.array(fc.constantFrom('a', '/', ':', '*', '?', '\u00e9'), {
        minLength: p.length,
        maxLength: p.length,
      }),
    )
    .map(([runs, singles]): [string, string] => {
      let out = '';
      for (let i = 0; i < p.length; i++) {
        const c = p[i]!;
        if (c === '*') out += runs[i]!.join('');
        else if (c === '?') out += singles[i]!;
        else out += c;
      }
      return [p, out];
    }),
);

/** A near miss: a matching ARN with one code unit inserted, deleted or replaced. */
const mutated = fc
  .tuple(instantiated, fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), arnChar)
  .map(([[p, a], at, op, c]): [string, string] => {
    const i = a.length === 0 ? 0 : at % a.length;
    if (op === 'insert') return [p, a.slice(0, i) + c + a.slice(i)];
    if (op === 'delete') return [p, a.slice(0, i) + a.slice(i + 1)];
    return [p, a.slice(0, i) + c + a.slice(i + 1)];
  });

const pairs = fc.oneof(fc.tuple(pattern, arn), instantiated, mutated);

describe('matchResource against an independent reference', () => {
  it('agrees with the reference matcher on 12,000 generated (pattern, ARN) pairs', () => {
    let matched = 0;
    fc.assert(
      fc.property(pairs, ([p, a]) => {
        const expected = referenceMatch(p, a);
        if (expected) matched++;
        expect(matchResource(p, a)).toBe(expected);
      }),
      { numRuns: 12_000, seed: 7_007 },
    );
    // The generators are biased so that both answers are well represented.
    expect(matched).toBeGreaterThan(3_000);
    expect(matched).toBeLessThan(11_000);
  });

  it('agrees with the reference on arbitrary unicode patterns and ARNs', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(text, text, (p, a) => {
        expect(matchResource(p, a)).toBe(referenceMatch(p, a));
      }),
      { numRuns: 3_000, seed: 7_008 },
    );
  });

  it('matches every ARN built from the pattern and agrees with a regex oracle', () => {
    fc.assert(
      fc.property(instantiated, ([p, a]) => {
        expect(matchResource(p, a)).toBe(true);
        expect(regexMatch(p, a)).toBe(true);
      }),
      { numRuns: 2_000, seed: 7_009 },
    );
  });

  it('treats braces and dots as literals, never as pattern syntax', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('{id}', '{proxy+}', '.', '..', '.*'),
        fc.string({ maxLength: 6 }),
        (lit, s) => {
          fc.pre(s !== lit);
          expect(matchResource(`x/${lit}`, `x/${s}`)).toBe(referenceMatch(`x/${lit}`, `x/${s}`));
          expect(matchResource(`x/${lit}`, `x/${lit}`)).toBe(true);
        },
      ),
      { numRuns: 1_000, seed: 7_010 },
    );
  });

  it('counts `?` in UTF-16 code units, so an astral character takes two (documented contract)', () => {
    expect(matchResource('a?b', 'a\u{1F600}b')).toBe(false);
    expect(matchResource('a??b', 'a\u{1F600}b')).toBe(true);
    expect(referenceMatch('a??b', 'a\u{1F600}b')).toBe(true);
  });
});
