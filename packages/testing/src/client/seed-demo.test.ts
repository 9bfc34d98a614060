import { describe, expect, it } from 'vitest';
import { seedApp } from '../fixtures/apps.js';
import { TestClient } from './test-client.js';

describe('TestClient on the seed demo app', () => {
  it('answers 401 without an Authorization header, and the reason says so', async () => {
    const client = await TestClient.create(seedApp());
    const res = await client.http.get('/');
    expect(res.statusCode).toBe(401);
    expect(res.json).toEqual({ message: 'Unauthorized' });
    expect(res.headers['x-amzn-errortype']).toBe('UnauthorizedException');
    expect(res.reason).toBe('no Authorization header');
    expect(client.authorizerCalls('demo_auth')).toBe(0);
  });

  it('answers 200 with the principalId in the request context for Authorization: allow', async () => {
    const client = await TestClient.create(seedApp());
    const res = await client.http.get('/', { headers: { Authorization: 'allow' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['Content-Type']).toBe('application/json');
    expect(res.json).toMatchObject({ context: { authorizer: { principalId: 'user' }, resourcePath: '/' } });
    expect(res.diagnostics).toMatchObject({ authorizer: 'demo_auth', decision: 'allow', cache: 'miss' });
  });

  it('answers 403 for any other token, with the method ARN no statement allows in the reason', async () => {
    const client = await TestClient.create(seedApp());
    const res = await client.http.get('/', { headers: { Authorization: 'deny' } });
    expect(res.statusCode).toBe(403);
    expect(res.json).toEqual({ Message: 'User is not authorized to access this resource' });
    expect(res.reason).toMatch(/arn:aws:execute-api:us-east-1:123456789012:local\/api\/GET\//);
  });

  it('answers 403 on /other because the policy only covers / (the cross-route trap)', async () => {
    const client = await TestClient.create(seedApp());
    expect((await client.http.get('/', { headers: { Authorization: 'allow' } })).statusCode).toBe(200);
    const res = await client.http.get('/other', { headers: { Authorization: 'allow' } });
    expect(res.statusCode).toBe(403);
    expect(res.diagnostics.cache).toBe('hit');
    expect(res.reason).toContain('/GET/other');
    expect(client.logs.join('\n')).toContain('does not cover GET /other');
  });

  it('answers 403 Missing Authentication Token for an unknown path', async () => {
    const client = await TestClient.create(seedApp());
    const res = await client.http.get('/nope');
    expect([res.statusCode, res.json]).toEqual([403, { message: 'Missing Authentication Token' }]);
    expect(res.reason).toBe('no resource matches /nope');
  });
});
