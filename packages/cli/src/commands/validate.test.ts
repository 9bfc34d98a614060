import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../fixtures/cli-process.js';

const STACK_LINE = /^\s+at /m;

describe('chalice-ts validate', () => {
  it('exits 0 for a valid project and counts its routes and authorizers', async () => {
    const result = await runCli(['validate', '--project-dir', join(FIXTURES, 'all-kinds')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/chalice\.yaml: valid \(stage dev; 13 routes, 8 authorizers\)/);
  });

  it('exits 2 for an invalid chalice.yaml, naming chalice.yaml:LINE:COL of each mistake, without a stack trace', async () => {
    const result = await runCli(['validate'], { cwd: join(FIXTURES, 'invalid-config') });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/chalice\.yaml:5:17 lambda_timeout: expected a whole number/);
    expect(result.stderr).toMatch(
      /chalice\.yaml:6:1 api_gateway_stag: unknown key; did you mean 'api_gateway_stage'\?/,
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('suggests the declared authorizer for a misspelled name in chalice.yaml and in code', async () => {
    const result = await runCli(['validate', '--project-dir', join(FIXTURES, 'misspelled-authorizer')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/chalice\.yaml:10:31 .*'MyPol'.*did you mean 'MyPool'\?/);
    expect(result.stderr).toMatch(/GET \/settings.*'mypool'.*did you mean 'MyPool'\?/);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('exits 2 and says how to start when there is no chalice.yaml', async () => {
    const empty = await tempDir('validate-empty');
    try {
      const result = await runCli(['validate'], { cwd: empty.dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('no chalice.yaml in');
      expect(result.stderr).toContain('chalice-ts new NAME');
      expect(result.stderr).not.toMatch(STACK_LINE);
    } finally {
      await empty.remove();
    }
  });

  it('exits 2 for a stage that chalice.yaml does not define', async () => {
    const result = await runCli(['validate', '--stage', 'prdo', '--project-dir', join(FIXTURES, 'seed')]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
