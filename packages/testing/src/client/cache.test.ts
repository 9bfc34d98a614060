import { describe, expect, it } from 'vitest';
import { everyKindApp, seedApp } from '../fixtures/apps.js';
import { TestClient } from './test-client.js';

const allow = { headers: { Authorization: 'allow' } };

describe('the authorizer TTL cache on the virtual clock', () => {
  it('runs the authorizer once per token while the cached policy is fresh', async () => {
    const client = await TestClient.create(seedApp());
    for (let i = 0; i < 3; i++) expect((await client.http.get('/', allow)).statusCode).toBe(200);
    expect(client.authorizerCalls('demo_auth')).toBe(1);
    await client.http.get('/', { headers: { Authorization: 'other' } });
    expect(client.authorizerCalls('demo_auth')).toBe(2);
  });

  it('runs the authorizer again once the TTL has passed', async () => {
    const client = await TestClient.create(seedApp());
    await client.http.get('/', allow);
    client.clock.advance(299);
    expect((await client.http.get('/', allow)).diagnostics.cache).toBe('hit');
    client.clock.advance(2);
    expect((await client.http.get('/', allow)).diagnostics.cache).toBe('miss');
    expect(client.authorizerCalls('demo_auth')).toBe(2);
  });

  it('runs the authorizer on every request when caching is off', async () => {
    const client = await TestClient.create(seedApp(), { authorizerCache: false });
    for (let i = 0; i < 3; i++) await client.http.get('/', allow);
    expect(client.authorizerCalls('demo_auth')).toBe(3);
  });

  it('runs the authorizer on every request when its TTL is 0', async () => {
    const client = await TestClient.create(seedApp({ ttlSeconds: 0 }));
    for (let i = 0; i < 3; i++) await client.http.get('/', allow);
    expect(client.authorizerCalls('demo_auth')).toBe(3);
  });

  it('forgets cached policies on clearCache()', async () => {
    const client = await TestClient.create(seedApp());
    await client.http.get('/', allow);
    client.clearCache();
    await client.http.get('/', allow);
    expect(client.authorizerCalls('demo_auth')).toBe(2);
  });

  it('denies a second route from the policy cached for the first, as API Gateway does', async () => {
    const client = await TestClient.create(everyKindApp());
    const ok = { headers: { Authorization: 'ok' } };
    expect((await client.http.get('/a', ok)).statusCode).toBe(200);
    const res = await client.http.get('/b', ok);
    expect(res.statusCode).toBe(403);
    expect(res.diagnostics).toMatchObject({ cache: 'hit', decision: 'deny' });
    expect(res.reason).toContain('/GET/b');
  });

  it('allows the second route when caching is off (each route decided on its own)', async () => {
    const client = await TestClient.create(everyKindApp(), { authorizerCache: false });
    const ok = { headers: { Authorization: 'ok' } };
    expect((await client.http.get('/a', ok)).statusCode).toBe(200);
    expect((await client.http.get('/b', ok)).statusCode).toBe(200);
  });

  it('allows the second route again after the cached policy expires', async () => {
    const client = await TestClient.create(everyKindApp());
    const ok = { headers: { Authorization: 'ok' } };
    await client.http.get('/a', ok);
    client.clock.advance(301);
    expect((await client.http.get('/b', ok)).statusCode).toBe(200);
  });
});

describe('isolation and concurrency', () => {
  it('keeps caches, call counts and clocks apart between two clients of one app', async () => {
    const app = seedApp();
    const one = await TestClient.create(app);
    const two = await TestClient.create(app);
    await one.http.get('/', allow);
    await one.http.get('/', allow);
    one.clock.advance(1000);
    expect(one.authorizerCalls('demo_auth')).toBe(1);
    expect(two.authorizerCalls('demo_auth')).toBe(0);
    expect((await two.http.get('/', allow)).diagnostics.cache).toBe('miss');
    expect(two.clock.now()).toBeLessThan(one.clock.now());
  });

  it('keeps two apps apart: each client routes only its own app', async () => {
    const seed = await TestClient.create(seedApp());
    const kinds = await TestClient.create(everyKindApp());
    expect((await seed.http.get('/open')).statusCode).toBe(403);
    expect((await kinds.http.get('/open')).statusCode).toBe(200);
    expect(kinds.authorizerCalls('demo_auth')).toBe(0);
  });

  it('answers 100 concurrent requests, each with its own outcome and context', async () => {
    const client = await TestClient.create(everyKindApp(), { authorizerCache: false });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        client.http.get('/keyed', {
          headers: { 'X-Api-Key': i % 2 === 0 ? 'k1' : 'no' },
          query: { tenant: `t${i}` },
        }),
      ),
    );
    results.forEach((res, i) => {
      if (i % 2 === 0)
        expect(res.json).toEqual({ authorizer: { tenant: `t${i}`, principalId: `tenant-t${i}` } });
      else expect(res.statusCode).toBe(403);
    });
    expect(client.authorizerCalls('key_auth')).toBe(100);
  });

  it('answers 100 concurrent requests sharing one token with 200, then serves the token from the cache', async () => {
    const client = await TestClient.create(seedApp());
    const results = await Promise.all(Array.from({ length: 100 }, () => client.http.get('/', allow)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(100).fill(200));
    const calls = client.authorizerCalls('demo_auth');
    expect((await client.http.get('/', allow)).diagnostics.cache).toBe('hit');
    expect(client.authorizerCalls('demo_auth')).toBe(calls);
  });
});
