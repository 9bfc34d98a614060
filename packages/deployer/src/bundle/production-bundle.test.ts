import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleApp, PRODUCTION_DEFINE } from './bundle-app.js';
import { getEvent } from '../fixtures/project.js';
import type { AuthorizerHandlerInput } from './entry.js';

// Production bundles compile out registration-time checks (docs/decisions/0002-production-bundles.md);
// these tests run the bundled handlers to show that authorization at invocation is unchanged.
const here = dirname(fileURLToPath(import.meta.url));
const runtimePackage = join(here, '../../../runtime');

const APP = `
import { AuthResponse, Chalice, UnauthorizedError } from '@chalice-ts/runtime';
export const app = new Chalice({ appName: 'prod' });
export const tokenAuth = app.authorizer({ name: 'token_auth', ttlSeconds: 0 }, (req) => {
  if (req.token === 'allow') return new AuthResponse({ routes: ['/'], principalId: 'user', context: { tier: 'gold' } });
  if (req.token === 'nested') return new AuthResponse({ routes: ['/'], principalId: 'user', context: { roles: ['a'] } });
  if (req.token === 'raw-nested')
    return { principalId: 'user', policyDocument: { Version: '2012-10-17', Statement: [] }, context: { user: { id: 1 } } };
  if (req.token === 'nothing') return undefined;
  if (req.token === 'not-a-route') return new AuthResponse({ routes: [{ path: '/', methods: ['GET'] }], principalId: 'user' });
  if (req.token === 'bad') throw new UnauthorizedError('no');
  return new AuthResponse({ routes: [], principalId: 'user' });
});
app.route('/', { authorizer: tokenAuth, cors: true }, () => ({ env: process.env.NODE_ENV ?? null }));
`;
const handlers: AuthorizerHandlerInput[] = [
  {
    name: 'token_auth',
    source: 'code',
    type: 'token',
    header: 'Authorization',
    identitySources: [],
    handlerExport: 'authorizerTokenAuth',
  },
];
const methodArn = 'arn:aws:execute-api:us-west-2:123456789012:abc/api/GET/';
const token = (authorizationToken: string) => ({ type: 'TOKEN', authorizationToken, methodArn });

type Bundle = {
  text: string;
  module: Record<string, (event: unknown, context?: unknown) => Promise<unknown>>;
};
let projectDir: string;
const bundles: Record<'production' | 'dev', Bundle> = {} as never;

async function build(devChecks: boolean): Promise<Bundle> {
  const { files } = await bundleApp({
    projectDir,
    entry: 'src/app.ts',
    authorizerHandlers: handlers,
    devChecks,
  });
  const out = join(projectDir, devChecks ? 'dev' : 'production', 'index.mjs');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, files['index.mjs'] ?? '');
  return { text: await readFile(out, 'utf8'), module: await import(pathToFileURL(out).href) };
}

beforeAll(async () => {
  projectDir = await mkdtemp(join(tmpdir(), 'cts-prod-bundle-'));
  await mkdir(join(projectDir, 'src'));
  await mkdir(join(projectDir, 'node_modules/@chalice-ts'), { recursive: true });
  await symlink(runtimePackage, join(projectDir, 'node_modules/@chalice-ts/runtime'), 'dir');
  await writeFile(join(projectDir, 'src/app.ts'), APP);
  bundles.production = await build(false);
  bundles.dev = await build(true);
});
afterAll(() => rm(projectDir, { recursive: true, force: true }));

describe('production bundles (PRODUCTION_DEFINE)', () => {
  it('are smaller than dev bundles and leave out the registration-time messages', () => {
    const { production, dev } = bundles;
    expect(production.text.length).toBeLessThan(dev.text.length - 4000);
    for (const message of ['did you mean', 'Valid options', 'Duplicate method', 'must be the last segment']) {
      expect(dev.text).toContain(message);
      expect(production.text).not.toContain(message);
    }
  });

  it("define only chalice-ts's own flag, so the app's process.env.NODE_ENV stays a runtime read", async () => {
    expect(PRODUCTION_DEFINE).toEqual({ 'globalThis.__CHALICE_TS_PROD__': 'true' });
    expect(bundles.production.text).toContain('process.env.NODE_ENV');
    const bench = await readFile(join(here, '../../../../bench/runtime.bench.mjs'), 'utf8');
    expect(bench).toContain(`{ 'globalThis.__CHALICE_TS_PROD__': 'true' }`);
  });

  describe.each(['production', 'dev'] as const)('the %s build of a TOKEN authorizer', (mode) => {
    const auth = (value: string) => bundles[mode].module['authorizerTokenAuth']!(token(value), {});

    it('allows with the routes and context of the AuthResponse', async () => {
      await expect(auth('allow')).resolves.toEqual({
        principalId: 'user',
        context: { tier: 'gold' },
        policyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Action: 'execute-api:Invoke',
              Effect: 'Allow',
              Resource: ['arn:aws:execute-api:us-west-2:123456789012:abc/api/*/'],
            },
          ],
        },
      });
    });

    it('denies with an empty resource list when no route is granted', async () => {
      const policy = (await auth('deny')) as { policyDocument: { Statement: { Resource: unknown }[] } };
      expect(policy.policyDocument.Statement[0]!.Resource).toEqual([]);
    });

    it("throws Error('Unauthorized') when the function throws UnauthorizedError", async () => {
      await expect(auth('bad')).rejects.toThrow(/^Unauthorized$/);
    });

    it.each([
      ['an AuthResponse context holding an array', 'nested', /context value for key "roles"/],
      ['a raw policy context holding an object', 'raw-nested', /context value for key "user"/],
      ['no policy at all', 'nothing', /Authorizer "token_auth" returned/],
      ['a route that is not an AuthRoute', 'not-a-route', /AuthResponse route/],
    ])('still rejects %s (fails closed)', async (_what, value, message) => {
      await expect(auth(value)).rejects.toThrow(message);
    });
  });

  it('keeps the full wording in dev builds and a short one in production', async () => {
    const nested = (mode: 'production' | 'dev') =>
      bundles[mode].module['authorizerTokenAuth']!(token('raw-nested'), {}).catch((e: Error) => e.message);
    expect(await nested('dev')).toMatch(/, got an object \(\{"id":1\}\)\.$/);
    expect(await nested('production')).toBe(
      'Authorizer "token_auth": context value for key "user" must be a string, number or boolean.',
    );
  });

  it('serves routes the same way, CORS included', async () => {
    const event = getEvent('/', '/');
    const [production, dev] = await Promise.all([
      bundles.production.module['handler']!(event, {}),
      bundles.dev.module['handler']!(event, {}),
    ]);
    expect(production).toEqual(dev);
    expect(production).toMatchObject({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': '*' } });
  });

  it('leave out the package-time swagger code and the path-matching fallback (API Gateway sends known resources)', async () => {
    for (const swagger of ['x-amazon-apigateway-authtype', 'method.request.header.']) {
      expect(bundles.dev.text).toContain(swagger);
      expect(bundles.production.text).not.toContain(swagger);
    }
    // The Lambda console's test event names `/{proxy+}`, which this app does not have.
    const consoleEvent = { ...getEvent('/{proxy+}', '/'), pathParameters: { proxy: '' } };
    const dev = (await bundles.dev.module['handler']!(consoleEvent, {})) as { statusCode: number };
    const production = (await bundles.production.module['handler']!(consoleEvent, {})) as {
      statusCode: number;
      body: string;
    };
    expect(dev.statusCode).toBe(200);
    expect(production.statusCode).toBe(404);
    expect(JSON.parse(production.body)).toEqual({ Code: 'NotFoundError', Message: 'No route matches GET /' });
  });

  it('ship the Response renderer only with apps that build a Response (it is a Response method)', async () => {
    const renderer = 'text/plain; charset=utf-8';
    expect(bundles.production.text).not.toContain(renderer);
    await writeFile(
      join(projectDir, 'src/response-app.ts'),
      `import { Chalice, Response } from '@chalice-ts/runtime';
export const app = new Chalice({ appName: 'bytes' });
app.route('/', { cors: true }, () =>
  new Response({ body: new Uint8Array([1, 2, 255]), headers: { 'Set-Cookie': ['a=1', 'b=2'] } }));
`,
    );
    const { files } = await bundleApp({ projectDir, entry: 'src/response-app.ts', authorizerHandlers: [] });
    const out = join(projectDir, 'with-response', 'index.mjs');
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, files['index.mjs'] ?? '');
    expect(await readFile(out, 'utf8')).toContain(renderer);
    const { handler } = await import(pathToFileURL(out).href);
    const event = getEvent('/', '/');
    expect(await handler({ ...event, headers: { Accept: 'application/octet-stream' } }, {})).toEqual({
      statusCode: 200,
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers':
          'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key',
        'Content-Type': 'application/octet-stream',
      },
      multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
      body: 'AQL/',
      isBase64Encoded: true,
    });
  });
});
