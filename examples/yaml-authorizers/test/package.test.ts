import { fileURLToPath } from 'node:url';
import { buildProjectPackage, type PackageArtifacts } from '@chalice-ts/deployer';
import { beforeAll, describe, expect, it } from 'vitest';
import { app as codeDeclaredApp } from '../../all-authorizers/src/app.js';
import { app } from '../src/app.js';

/** What `chalice-ts package --stage dev` builds for this project, in memory. */
const build = () => buildProjectPackage({ app, projectDir: fileURLToPath(new URL('..', import.meta.url)) });
const buildCodeDeclared = () =>
  buildProjectPackage({
    app: codeDeclaredApp,
    projectDir: fileURLToPath(new URL('../../all-authorizers', import.meta.url)),
  });

type Operation = { security?: unknown };

/** `METHOD /path` -> the operation's `security`, for every operation of the document. */
function securityOf(swagger: PackageArtifacts['swagger']): Record<string, unknown> {
  const paths = swagger.paths as Record<string, Record<string, Operation>>;
  return Object.fromEntries(
    Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, op]) => [
        `${method.toUpperCase()} ${path}`,
        op.security ?? null,
      ]),
    ),
  );
}

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

let first: PackageArtifacts;
let second: PackageArtifacts;
let codeDeclared: PackageArtifacts;
beforeAll(async () => {
  codeDeclared = await buildCodeDeclared();
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

  it('declares the same security on every method as the code-declared example', () => {
    const other = codeDeclared;
    expect(securityOf(first.swagger)).toEqual(securityOf(other.swagger));
  });

  it('declares the same authorizers and authorizer functions as the code-declared example', () => {
    const other = codeDeclared;
    const names = (d: typeof first) => Object.keys(d.swagger.securityDefinitions ?? {}).sort();
    expect(names(first)).toEqual(names(other));
    const functions = (d: typeof first) =>
      Object.entries(d.template.Resources)
        .filter(([, r]) => r.Type === 'AWS::Lambda::Function')
        .map(([name, r]) => [name, (r.Properties as { Handler?: string }).Handler])
        .sort();
    expect(functions(first)).toEqual(functions(other));
  });

  it('builds a byte-identical deployment.zip from the same sources', () => {
    expect(first.zip.length).toBeGreaterThan(0);
    expect(Buffer.from(second.zip).equals(Buffer.from(first.zip))).toBe(true);
    expect(second.zipSha256).toBe(first.zipSha256);
  });
});
