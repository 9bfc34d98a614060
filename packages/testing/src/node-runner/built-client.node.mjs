// Runs under node's own test runner (node --test), in plain JavaScript, against the BUILT packages:
// proof that @chalice-ts/testing works outside vitest. Started by built-client.test.ts.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { AuthResponse, Chalice, IAMAuthorizer } from '@chalice-ts/runtime';
import { events, TestClient } from '@chalice-ts/testing';
import { app as jsApp } from '../fixtures/js-project/src/app.mjs';

function seedApp() {
  const app = new Chalice({ appName: 'demoauth1' });
  const demoAuth = app.authorizer(
    { name: 'demo_auth', ttlSeconds: 300 },
    (authRequest) =>
      new AuthResponse({ routes: authRequest.token === 'allow' ? ['/'] : [], principalId: 'user' }),
  );
  app.route('/', { authorizer: demoAuth }, (request) => ({ context: request.context }));
  app.route('/other', { authorizer: demoAuth }, () => ({ other: true }));
  app.route('/iam-auth', { authorizer: new IAMAuthorizer() }, () => ({ success: true }));
  return app;
}

test('the seed demo answers 401, 200 and 403 through the client', async () => {
  const client = await TestClient.create(seedApp());
  assert.equal((await client.http.get('/')).statusCode, 401);
  const ok = await client.http.get('/', { headers: { Authorization: 'allow' } });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json.context.authorizer.principalId, 'user');
  const other = await client.http.get('/other', { headers: { Authorization: 'allow' } });
  assert.equal(other.statusCode, 403);
  assert.match(other.reason, /GET\/other/);
  assert.equal(client.authorizerCalls('demo_auth'), 1);
  client.clock.advance(301);
  await client.http.get('/', { headers: { Authorization: 'allow' } });
  assert.equal(client.authorizerCalls('demo_auth'), 2);
});

test('IAM signing and direct Lambda calls work from JavaScript', async () => {
  const client = await TestClient.create(seedApp());
  const headers = await client.iam.sign({ method: 'GET', path: '/iam-auth' });
  assert.equal((await client.http.get('/iam-auth', { headers })).statusCode, 200);
  const policy = await client.lambda.invokeAuthorizer('demo_auth', { token: 'allow' });
  assert.equal(policy.principalId, 'user');
  const result = await client.lambda.invoke(events.restProxy({ path: '/' }));
  assert.equal(result.statusCode, 200);
});

test('a JavaScript project: chalice.yaml handlers loaded by import(), Cognito dev keys', async () => {
  const projectDir = fileURLToPath(new URL('../fixtures/js-project/', import.meta.url));
  const client = await TestClient.create(jsApp, { projectDir });
  assert.equal((await client.http.get('/', { headers: { Authorization: 'allow' } })).statusCode, 200);
  const token = client.tokens.cognito('MyPool', { username: 'jane' });
  assert.equal((await client.http.get('/profile', { headers: { Authorization: token } })).statusCode, 200);
  const expired = client.tokens.cognito('MyPool', { username: 'jane', expiresIn: -60 });
  assert.equal((await client.http.get('/profile', { headers: { Authorization: expired } })).statusCode, 401);
  const headers = await client.iam.sign({ method: 'GET', path: '/iam' });
  assert.equal((await client.http.get('/iam', { headers })).statusCode, 200);
});
