import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../fixtures/cli-process.js';

const PROJECT = join(FIXTURES, 'all-kinds');

let out: Awaited<ReturnType<typeof tempDir>>;
const read = async (dir: string, file: string) =>
  JSON.parse(await readFile(join(out.dir, dir, file), 'utf8'));

beforeAll(async () => {
  out = await tempDir('package');
  // Two CloudFormation runs (for byte-identity) and one SAM run, side by side.
  const runs = await Promise.all([
    runCli(['package', join(out.dir, 'first'), '--project-dir', PROJECT]),
    runCli(['package', join(out.dir, 'second'), '--project-dir', PROJECT]),
    runCli(['package', '--format', 'sam', join(out.dir, 'sam'), '--project-dir', PROJECT]),
  ]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
});
afterAll(async () => {
  await out?.remove();
});

describe('chalice-ts package OUT_DIR', () => {
  it('writes a CloudFormation template with the API, the handler and one function per built-in authorizer', async () => {
    const template = await read('first', 'template.json');
    expect(template.Transform).toBeUndefined();
    expect(Object.keys(template.Resources)).toEqual(
      expect.arrayContaining([
        'RestAPI',
        'APIHandler',
        'APIHandlerInvokePermission',
        'DefaultRole',
        'DemoAuth',
        'DemoAuthInvokePermission',
        'KeyAuth',
        'KeyAuthInvokePermission',
      ]),
    );
    expect(Object.keys(template.Outputs)).toEqual(
      expect.arrayContaining(['RestAPIId', 'APIHandlerName', 'APIHandlerArn', 'EndpointURL']),
    );
  });

  it('writes openapi.json with a security definition per authorizer and per-method security', async () => {
    const openapi = await read('first', 'openapi.json');
    expect(openapi.swagger).toBe('2.0');
    expect(Object.keys(openapi.securityDefinitions).sort()).toEqual(
      [
        'LocalCustom',
        'MyPool',
        'NoLocalHandler',
        'bad_context',
        'demo_auth',
        'deny_auth',
        'key_auth',
        'sigv4',
      ].sort(),
    );
    expect(openapi.paths['/iam'].get.security).toEqual([{ sigv4: [] }]);
    expect(openapi.paths['/user-pools'].get.security).toEqual([{ MyPool: [] }]);
    expect(openapi.paths['/health'].get.security).toBeUndefined();
    expect(openapi.paths['/cors'].options.security).toBeUndefined();
  });

  it('writes a byte-identical deployment.zip on a second run of the same input', async () => {
    const [first, second] = await Promise.all([
      readFile(join(out.dir, 'first', 'deployment.zip')),
      readFile(join(out.dir, 'second', 'deployment.zip')),
    ]);
    expect(first.subarray(0, 4)).toEqual(Buffer.from('PK\u0003\u0004', 'latin1'));
    expect(first.equals(second)).toBe(true);
  });

  it('writes the Chalice-style SAM template with --format sam', async () => {
    const template = await read('sam', 'template.json');
    expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
    expect(template.Resources.APIHandler.Type).toBe('AWS::Serverless::Function');
    expect(template.Resources.APIHandler.Properties.CodeUri).toBe('./deployment.zip');
    expect(template.Resources.RestAPI.Type).toBe('AWS::Serverless::Api');
  });

  it.each([
    { args: ['--format', 'terraform', 'out'], message: "--format must be 'cloudformation' or 'sam'" },
    { args: [], message: 'expected one OUT_DIR' },
    { args: ['a', 'b'], message: 'expected one OUT_DIR' },
  ])('exits 2 for package $args', async ({ args, message }) => {
    const result = await runCli(['package', ...args, '--project-dir', PROJECT], { cwd: out.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
