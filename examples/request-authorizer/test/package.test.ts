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

  it('declares api_key_auth as a REQUEST authorizer on both identity sources, cached 60 s', () => {
    expect(first.swagger.securityDefinitions?.api_key_auth).toMatchObject({
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'request',
        identitySource: 'method.request.header.X-Api-Key, method.request.querystring.tenant',
        authorizerResultTtlInSeconds: 60,
      },
    });
  });

  it('builds a byte-identical deployment.zip from the same sources', () => {
    expect(first.zip.length).toBeGreaterThan(0);
    expect(Buffer.from(second.zip).equals(Buffer.from(first.zip))).toBe(true);
    expect(second.zipSha256).toBe(first.zipSha256);
  });
});
