import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../fixtures/cli-process.js';

const PROJECT = join(FIXTURES, 'all-kinds');

describe('chalice-ts token AUTHORIZER', () => {
  it('mints an access token carrying the requested scopes for the pool of the authorizer', async () => {
    const result = await runCli([
      'token',
      'MyPool',
      '--token-use',
      'access',
      '--scope',
      'read',
      '--scope',
      'write',
      '--project-dir',
      PROJECT,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const [header, payload] = result.stdout.trim().split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toMatchObject({ alg: 'RS256' });
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toMatchObject({
      token_use: 'access',
      scope: 'read write',
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_allkinds',
    });
  });

  it.each([
    {
      args: ['demo_auth'],
      message: "'demo_auth' is not a Cognito user pool authorizer of this app (Cognito authorizers: MyPool)",
    },
    { args: ['MyPool', '--token-use', 'refresh'], message: "--token-use must be 'id' or 'access'" },
    { args: ['MyPool', '--expires-in', 'soon'], message: '--expires-in must be a whole number' },
    { args: [], message: 'expected one AUTHORIZER name' },
  ])('exits 2 for token $args', async ({ args, message }) => {
    const result = await runCli(['token', ...args, '--project-dir', PROJECT]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});
