import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeployerError } from '../errors.js';
import { getEvent } from '../fixtures/project.js';
import { bundleApp } from './bundle-app.js';
import type { AuthorizerHandlerInput } from './entry.js';
import { zipDeterministic } from './zip.js';

const runtimePackage = join(dirname(fileURLToPath(import.meta.url)), '../../../runtime');
let projectDir: string;

const APP = `
import { AuthResponse, Chalice } from '@chalice-ts/runtime';
export const app = new Chalice({ appName: 'bundled' });
export const demoAuth = app.authorizer({ name: 'demo_auth', ttlSeconds: 300 }, (req) =>
  new AuthResponse({ routes: req.token === 'allow' ? ['/'] : [], principalId: 'user' }));
app.route('/', { authorizer: demoAuth }, () => ({ hello: 'world' }));
`;
const AUTH = `
import { AuthResponse } from '@chalice-ts/runtime';
export const keyAuth = (req: { headers: Record<string, string> }) =>
  new AuthResponse({ routes: ['*'], principalId: req.headers['X-Api-Key'] ?? 'nobody' });
`;
const handlers: AuthorizerHandlerInput[] = [
  {
    name: 'demo_auth',
    source: 'code',
    type: 'token',
    header: 'Authorization',
    identitySources: [],
    handlerExport: 'authorizerDemoAuth',
  },
  {
    name: 'key_auth',
    source: 'yaml',
    module: 'src/auth.ts',
    exportName: 'keyAuth',
    type: 'request',
    header: 'Authorization',
    identitySources: ['header:X-Api-Key'],
    handlerExport: 'authorizerKeyAuth',
  },
];
const methodArn = 'arn:aws:execute-api:us-west-2:123456789012:abc/api/GET/';

beforeAll(async () => {
  projectDir = await mkdtemp(join(tmpdir(), 'cts-bundle-'));
  await mkdir(join(projectDir, 'src'));
  await mkdir(join(projectDir, 'node_modules/@chalice-ts'), { recursive: true });
  await symlink(runtimePackage, join(projectDir, 'node_modules/@chalice-ts/runtime'), 'dir');
  await writeFile(join(projectDir, 'src/app.ts'), APP);
  await writeFile(join(projectDir, 'src/auth.ts'), AUTH);
});
afterAll(() => rm(projectDir, { recursive: true, force: true }));

describe('bundleApp', () => {
  it('gives a byte-identical deployment.zip on every run of the same sources', async () => {
    const first = zipDeterministic(
      (await bundleApp({ projectDir, entry: 'src/app.ts', authorizerHandlers: handlers })).files,
    );
    const second = zipDeterministic(
      (await bundleApp({ projectDir, entry: 'src/app.ts', authorizerHandlers: handlers })).files,
    );
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Object.keys(unzipSync(first))).toEqual(['index.mjs']);
  });

  it('leaves no absolute path of the build machine in the bundle', async () => {
    const { files } = await bundleApp({
      projectDir,
      entry: 'src/app.ts',
      authorizerHandlers: handlers,
      sourcemap: true,
    });
    const text = Object.values(files)
      .map((f) => Buffer.from(f).toString('utf8'))
      .join('\n');
    expect(Object.keys(files).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    expect(text).not.toContain(projectDir);
    expect(text).not.toContain(tmpdir());
  });

  it('exports a working API handler and every authorizer handler, YAML-declared ones included', async () => {
    const { files } = await bundleApp({ projectDir, entry: 'src/app.ts', authorizerHandlers: handlers });
    const out = join(projectDir, 'out', 'index.mjs');
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, files['index.mjs'] ?? '');
    const bundle = await import(pathToFileURL(out).href);

    const response = await bundle.handler(getEvent('/', '/'), {});
    expect(JSON.parse(response.body)).toEqual({ hello: 'world' });

    const allowed = await bundle.authorizerDemoAuth({
      type: 'TOKEN',
      authorizationToken: 'allow',
      methodArn,
    });
    expect(allowed).toMatchObject({
      principalId: 'user',
      policyDocument: {
        Statement: [{ Effect: 'Allow', Resource: ['arn:aws:execute-api:us-west-2:123456789012:abc/api/*/'] }],
      },
    });
    const keyed = await bundle.authorizerKeyAuth({
      type: 'REQUEST',
      methodArn,
      headers: { 'X-Api-Key': 'k1' },
      queryStringParameters: {},
      pathParameters: {},
      stageVariables: {},
      requestContext: {},
    });
    expect(keyed.principalId).toBe('k1');
  });

  it('reports a broken entry module with BUNDLE_FAILED naming the file', async () => {
    await writeFile(join(projectDir, 'src/broken.ts'), 'export const app = ;\n');
    const run = bundleApp({ projectDir, entry: 'src/broken.ts', authorizerHandlers: [] });
    await expect(run).rejects.toBeInstanceOf(DeployerError);
    await expect(run).rejects.toThrow(/src\/broken\.ts:1/);
  });
});

describe('zipDeterministic', () => {
  it('does not depend on the order files are given in', () => {
    const a = zipDeterministic({ 'b.txt': 'b', 'a.txt': 'a' });
    const b = zipDeterministic({ 'a.txt': 'a', 'b.txt': 'b' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
