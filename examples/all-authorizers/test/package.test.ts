import { fileURLToPath } from 'node:url';
import { buildProjectPackage, type PackageArtifacts } from '@chalice-ts/deployer';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.js';

/** What `chalice-ts package --stage dev` builds for this project, in memory. */
const build = () => buildProjectPackage({ app, projectDir: fileURLToPath(new URL('..', import.meta.url)) });

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

let first: PackageArtifacts;
let second: PackageArtifacts;
beforeAll(async () => {
  first = await build();
  second = await build();
});

describe('chalice-ts package (stage dev)', () => {
  it('writes the CloudFormation template recorded in __snapshots__/template.json', async () => {
    await expect(pretty(first.template)).toMatchFileSnapshot('__snapshots__/template.json');
  });

  it('writes the OpenAPI document recorded in __snapshots__/openapi.json', async () => {
    await expect(pretty(first.swagger)).toMatchFileSnapshot('__snapshots__/openapi.json');
  });

  it('declares one securityDefinition per authorizer, named as in the code', () => {
    expect(Object.keys(first.swagger.securityDefinitions ?? {}).sort()).toEqual([
      'MyCustomAuth',
      'MyPool',
      'partner_auth',
      'sigv4',
      'token_auth',
    ]);
  });

  it.each([
    ['/reports', 'get', [{ token_auth: ['reports:read'] }]],
    ['/reports', 'post', [{ token_auth: ['reports:write'] }]],
    ['/user-pools/admin', 'get', [{ MyPool: ['admin'] }]],
    ['/iam-auth', 'get', [{ sigv4: [] }]],
    ['/health', 'get', undefined],
  ])('puts the route scopes in the security of %s %s', (path, method, security) => {
    const operation = (first.swagger.paths as Record<string, Record<string, { security?: unknown }>>)[path]?.[
      method
    ];
    expect(operation?.security).toEqual(security);
  });

  it('creates a Lambda function for each built-in authorizer only', () => {
    const functions = Object.entries(first.template.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
      .map(([name]) => name);
    expect(functions.sort()).toEqual(['APIHandler', 'PartnerAuth', 'TokenAuth']);
  });

  it('builds a byte-identical deployment.zip from the same sources', () => {
    expect(first.zip.length).toBeGreaterThan(0);
    expect(Buffer.from(second.zip).equals(Buffer.from(first.zip))).toBe(true);
    expect(second.zipSha256).toBe(first.zipSha256);
  });
});
