import { describe, expect, it } from 'vitest';
import { AuthorizerCache } from './authorizer-cache.js';

function fakeClock(start = 1_700_000_000_000) {
  let t = start;
  return {
    now: () => t,
    advance: (seconds: number) => {
      t += seconds * 1000;
    },
  };
}

describe('AuthorizerCache', () => {
  it('returns a stored value until its TTL has passed', () => {
    const clock = fakeClock();
    const cache = new AuthorizerCache<string>({ clock });
    cache.set('demo_auth', 'allow', 'policy', 300);
    clock.advance(299);
    expect(cache.get('demo_auth', 'allow')).toEqual({ hit: true, value: 'policy' });
    clock.advance(1);
    expect(cache.get('demo_auth', 'allow')).toEqual({ hit: false });
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used entry, however often the newest one was hit in between', () => {
    const cache = new AuthorizerCache<string>({ clock: fakeClock(), maxEntries: 2 });
    cache.set('auth', 'a', 'A', 60);
    cache.set('auth', 'b', 'B', 60);
    cache.get('auth', 'b');
    cache.get('auth', 'b');
    cache.get('auth', 'a');
    cache.get('auth', 'a');
    cache.set('auth', 'c', 'C', 60);
    expect([cache.get('auth', 'a').hit, cache.get('auth', 'b').hit, cache.get('auth', 'c').hit]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('keeps entries apart per authorizer and per identity value', () => {
    const cache = new AuthorizerCache<string>({ clock: fakeClock() });
    cache.set('a', 'tok', 'A', 60);
    cache.set('b', 'tok', 'B', 60);
    expect(cache.get('a', 'tok')).toEqual({ hit: true, value: 'A' });
    expect(cache.get('b', 'tok')).toEqual({ hit: true, value: 'B' });
    expect(cache.get('a', 'other')).toEqual({ hit: false });
  });

  it('does not confuse an authorizer name that is a prefix of another key', () => {
    const cache = new AuthorizerCache<string>({ clock: fakeClock() });
    cache.set('ab', 'c', 'first', 60);
    expect(cache.get('a', 'bc')).toEqual({ hit: false });
  });

  it.each([0, -1, Number.NaN])('stores nothing when the TTL is %s', (ttl) => {
    const cache = new AuthorizerCache<string>({ clock: fakeClock() });
    cache.set('demo_auth', 'allow', 'policy', ttl);
    expect(cache.get('demo_auth', 'allow')).toEqual({ hit: false });
  });

  it('drops the least recently used entry beyond maxEntries', () => {
    const cache = new AuthorizerCache<number>({ clock: fakeClock(), maxEntries: 2 });
    cache.set('a', '1', 1, 60);
    cache.set('a', '2', 2, 60);
    cache.get('a', '1');
    cache.set('a', '3', 3, 60);
    expect(cache.size).toBe(2);
    expect(cache.get('a', '2')).toEqual({ hit: false });
    expect(cache.get('a', '1')).toEqual({ hit: true, value: 1 });
    expect(cache.get('a', '3')).toEqual({ hit: true, value: 3 });
  });

  it('stays bounded under a stream of distinct tokens', () => {
    const cache = new AuthorizerCache<number>({ clock: fakeClock(), maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) cache.set('a', String(i), i, 60);
    expect(cache.size).toBe(100);
  });

  it('forgets everything on clear', () => {
    const cache = new AuthorizerCache<number>({ clock: fakeClock() });
    cache.set('a', '1', 1, 60);
    cache.clear();
    expect(cache.get('a', '1')).toEqual({ hit: false });
  });
});
