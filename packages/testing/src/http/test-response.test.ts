import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../client/test-client.js';
import { everyKindApp, seedApp } from '../fixtures/apps.js';
import { TestingError } from '../errors.js';

describe('TestResponse', () => {
  it('reads headers in any case', async () => {
    const client = await TestClient.create(seedApp());
    const res = await client.http.get('/');
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['Content-Type']).toBe('application/json');
    expect('X-AMZN-ERRORTYPE' in res.headers).toBe(true);
    expect(Object.keys(res.headers)).toContain('x-amzn-errortype');
  });

  it('explains a body that is not JSON, naming the status and the first bytes', async () => {
    const client = await TestClient.create(everyKindApp());
    const res = await client.http.get('/text');
    const read = () => res.json;
    expect(read).toThrow(TestingError);
    expect(read).toThrow('response body is not JSON (status 200, reason: no authorizer): "plain words"');
  });

  it('prints status, reason and body when shown in a failed expectation', async () => {
    const client = await TestClient.create(seedApp());
    const res = await client.http.get('/other', { headers: { Authorization: 'allow' } });
    expect(String(res)).toMatch(
      /^HTTP 403 \(reason: no Allow statement matches arn:aws:execute-api:.*\/GET\/other\)/,
    );
    expect(String(res)).toContain('User is not authorized');
    expect(inspect(res)).toContain('TestResponse HTTP 403');
    expect(res).toMatchObject({ statusCode: 403, reason: expect.stringContaining('GET/other') });
  });

  it('sends object bodies as JSON', async () => {
    const client = await TestClient.create(seedApp());
    const res = await client.http.post('/', { body: { a: 1 }, headers: { Authorization: 'allow' } });
    // The seed app has no POST /: API Gateway answers 403 Missing Authentication Token.
    expect(res.statusCode).toBe(403);
    expect(res.reason).toBe('/ has no POST method');
  });
});
