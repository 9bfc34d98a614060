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

  it('declares demo_auth as a TOKEN authorizer on the Authorization header, as Chalice does', () => {
    expect(first.swagger.securityDefinitions?.demo_auth).toMatchObject({
      in: 'header',
      name: 'Authorization',
      type: 'apiKey',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': { type: 'token' },
    });
  });

  it('builds a byte-identical deployment.zip from the same sources', () => {
    expect(first.zip.length).toBeGreaterThan(0);
    expect(Buffer.from(second.zip).equals(Buffer.from(first.zip))).toBe(true);
    expect(second.zipSha256).toBe(first.zipSha256);
  });
});
