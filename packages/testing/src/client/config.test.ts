import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestingError } from '../errors.js';
import { everyKindApp, seedApp } from '../fixtures/apps.js';
import { TestClient } from './test-client.js';
import { TEST_IAM_CREDENTIAL } from './test-setup.js';

describe('TestClient.create config', () => {
  it('validates a config object and lists every issue', async () => {
    const config = { version: 1, app_name: 'x', autorizers: {}, local: { authorizer_cache: 'yes' } };
    const error = await TestClient.create(seedApp(), { config }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestingError);
    expect((error as TestingError).code).toBe('CONFIG_INVALID');
    const message = (error as Error).message;
    expect(message).toContain('<config>');
    expect(message).toContain("did you mean 'authorizers'");
    expect(message).toContain('local.authorizer_cache');
  });

  it("names the chalice.yaml file, line and column of a project's config error", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chalice-ts-testing-config-'));
    writeFileSync(
      join(dir, 'chalice.yaml'),
      'version: 1\napp_name: x\nauthorizers:\n  A: { type: cognito }\n',
    );
    const error = await TestClient.create(seedApp(), { projectDir: dir }).catch((e: unknown) => e);
    expect((error as TestingError).code).toBe('CONFIG_INVALID');
    expect((error as Error).message).toMatch(/chalice\.yaml:4:\d+ authorizers\.A/);
  });

  it('reports a route bound to an undeclared authorizer', async () => {
    const config = { version: 1, app_name: 'x', routes: { 'GET /': { authorizer: 'demo_aut' } } };
    await expect(TestClient.create(seedApp(), { config })).rejects.toThrow(/demo_aut/);
  });

  it('refuses an undeclared stage', async () => {
    await expect(
      TestClient.create(seedApp(), { config: { version: 1, app_name: 'x' }, stage: 'prdo' }),
    ).rejects.toThrow(TestingError);
  });

  it('takes local settings from a config object: region, account, cache off', async () => {
    const config = {
      version: 1,
      app_name: 'demoauth1',
      local: { authorizer_cache: false, region: 'ap-south-1', account_id: '999988887777' },
    };
    const client = await TestClient.create(seedApp(), { config });
    await client.http.get('/', { headers: { Authorization: 'allow' } });
    await client.http.get('/', { headers: { Authorization: 'allow' } });
    expect(client.authorizerCalls('demo_auth')).toBe(2);
    const policy = await client.lambda.invokeAuthorizer('demo_auth', { token: 'allow' });
    expect(JSON.stringify(policy)).toContain('arn:aws:execute-api:ap-south-1:999988887777:local/api/');
  });

  it('adds a test-only IAM credential when none is configured, with the configured account', async () => {
    const client = await TestClient.create(everyKindApp(), {
      config: { version: 1, app_name: 'kinds', local: { account_id: '999988887777' } },
    });
    expect(client.iam.credential.accessKeyId).toBe(TEST_IAM_CREDENTIAL.accessKeyId);
    expect(client.iam.credential.userArn).toBe('arn:aws:iam::999988887777:user/chalice-ts-test');
    expect(client.config.local.iam?.credentials).toHaveLength(1);
  });

  it('cannot mint Cognito tokens when the gateway verifies against a configured jwks_file', async () => {
    const client = await TestClient.create(everyKindApp(), {
      config: { version: 1, app_name: 'kinds', local: { cognito: { jwks_file: 'pool-jwks.json' } } },
    });
    expect(() => client.tokens.cognito('MyPool', { username: 'jane' })).toThrow(/local\.cognito\.jwks_file/);
  });
});
