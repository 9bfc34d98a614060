import { describe, expect, it } from 'vitest';
import { AuthResponse, Chalice } from './fixtures/apps.js';
import { LocalGateway, type LocalGatewayOptions } from './local-gateway.js';

function fakeClock() {
  let t = Date.parse('2024-01-01T00:00:00Z');
  return {
    now: () => t,
    advance: (seconds: number) => {
      t += seconds * 1000;
    },
  };
}

function cachedApp(ttlSeconds?: number) {
  const app = new Chalice({ appName: 'cache' });
  const auth = app.authorizer(
    { name: 'demo_auth', ...(ttlSeconds !== undefined && { ttlSeconds }) },
    (r) => new AuthResponse({ routes: r.token === 'allow' ? ['/'] : [], principalId: 'user' }),
  );
  app.route('/', { authorizer: auth }, () => ({ ok: true }));
  app.route('/other', { authorizer: auth }, () => ({ ok: true }));
  return app;
}

function setup(app: Chalice, options: LocalGatewayOptions = {}) {
  const clock = fakeClock();
  const warnings: string[] = [];
  const infos: string[] = [];
  const logger = {
    info: (l: string) => infos.push(l),
    warn: (l: string) => warnings.push(l),
    error: (l: string) => warnings.push(l),
  };
  const gateway = new LocalGateway(app, { clock, logger, ...options });
  const get = (path: string, token = 'allow') =>
    gateway.handleRequest({ method: 'GET', path, headers: { Authorization: token } });
  return { clock, gateway, get, warnings, infos };
}

describe('LocalGateway: the authorizer TTL cache', () => {
  it('reuses the policy for the same token until ttl_seconds (default 300) have passed', async () => {
    const { clock, gateway, get } = setup(cachedApp());
    expect((await get('/')).diagnostics.cache).toBe('miss');
    clock.advance(299);
    expect((await get('/')).diagnostics.cache).toBe('hit');
    expect(gateway.authorizerCalls('demo_auth')).toBe(1);
    clock.advance(1);
    expect((await get('/')).diagnostics.cache).toBe('miss');
    expect(gateway.authorizerCalls('demo_auth')).toBe(2);
  });

  it('keys the cache by token: another token invokes the authorizer again', async () => {
    const { gateway, get } = setup(cachedApp());
    await get('/', 'allow');
    await get('/', 'other');
    expect(gateway.authorizerCalls('demo_auth')).toBe(2);
  });

  it('returns 403 when the cached policy does not cover the route, as API Gateway does', async () => {
    const { gateway, get, warnings } = setup(cachedApp());
    expect((await get('/')).statusCode).toBe(200);
    const other = await get('/other');
    expect(other.statusCode).toBe(403);
    expect(other.diagnostics).toMatchObject({ decision: 'deny', cache: 'hit' });
    expect(gateway.authorizerCalls('demo_auth')).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      'cached policy for demo_auth does not cover GET /other; a policy must cover every route the token may call when caching is on',
    );
  });

  it('warns about an uncovered route once, not on every request', async () => {
    const { get, warnings } = setup(cachedApp());
    await get('/');
    await get('/other');
    await get('/other');
    expect(warnings).toHaveLength(1);
  });

  it('evaluates every route on its own with ttlSeconds 0', async () => {
    const { gateway, get } = setup(cachedApp(0));
    expect((await get('/')).diagnostics.cache).toBe('off');
    expect((await get('/other')).statusCode).toBe(403);
    expect(gateway.authorizerCalls('demo_auth')).toBe(2);
  });

  it('invokes the authorizer on every request with authorizerCache: false', async () => {
    const { gateway, get, warnings } = setup(cachedApp(), { authorizerCache: false });
    await get('/');
    await get('/');
    const other = await get('/other');
    expect(other.diagnostics.cache).toBe('off');
    expect(gateway.authorizerCalls('demo_auth')).toBe(3);
    expect(warnings).toEqual([]);
  });

  it('forgets cached policies on clearCache and on reload', async () => {
    const app = cachedApp();
    const { gateway, get } = setup(app);
    await get('/');
    gateway.clearCache();
    expect((await get('/')).diagnostics.cache).toBe('miss');
    gateway.reload(app);
    expect((await get('/')).diagnostics.cache).toBe('miss');
  });

  it('does not cache a 401 or an invalid policy', async () => {
    const app = new Chalice({ appName: 'c' });
    let calls = 0;
    const auth = app.authorizer({ name: 'flaky' }, () => {
      calls += 1;
      return calls === 1
        ? (undefined as unknown as AuthResponse)
        : new AuthResponse({ routes: ['*'], principalId: 'p' });
    });
    app.route('/', { authorizer: auth }, () => ({}));
    const { get } = setup(app);
    expect((await get('/')).statusCode).toBe(500);
    expect((await get('/')).statusCode).toBe(200);
  });

  it('logs one line per request with the cache state and never the token', async () => {
    const { get, infos } = setup(cachedApp());
    await get('/', 'allow');
    await get('/other', 'allow');
    expect(infos).toHaveLength(2);
    expect(infos[0]).toMatch(/^GET \/ 200 demo_auth allow cache=miss \d+\.\dms$/);
    expect(infos[1]).toMatch(/^GET \/other 403 demo_auth deny cache=hit \d+\.\dms$/);
    await get('/', 'sekrit-token-123');
    expect(infos.join('\n')).not.toContain('sekrit');
  });
});
