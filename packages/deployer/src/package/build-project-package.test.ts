import { rm } from 'node:fs/promises';
import { AuthResponse, Chalice } from '@chalice-ts/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, SEED_APP_SOURCE } from '../fixtures/project.js';
import { buildProjectPackage } from './build-project-package.js';

const CONFIG = `version: 1
app_name: demoauth1
authorizers:
  MyPool:
    type: cognito_user_pools
    provider_arns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc']
routes:
  GET /declared: { authorizer: MyPool }
stages:
  dev: {}
`;

function seedApp(): Chalice {
  const app = new Chalice({ appName: 'demoauth1' });
  const demoAuth = app.authorizer(
    { name: 'demo_auth', ttlSeconds: 300 },
    (r) => new AuthResponse({ routes: r.token === 'allow' ? ['/'] : [], principalId: 'user' }),
  );
  app.route('/', { authorizer: demoAuth }, () => ({}));
  app.route('/declared', () => ({}));
  return app;
}

const dirs: string[] = [];
const project = async (config: string) => {
  const dir = await makeProject({ 'chalice.yaml': config, 'src/app.ts': SEED_APP_SOURCE });
  dirs.push(dir);
  return dir;
};
let projectDir: string;
beforeAll(async () => {
  projectDir = await project(CONFIG);
});
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('buildProjectPackage (what `chalice-ts package` builds, in memory)', () => {
  it('reads chalice.yaml, binds it to the app and packages the result', async () => {
    const artifacts = await buildProjectPackage({ app: seedApp(), projectDir });
    expect(Object.keys(artifacts.swagger.securityDefinitions ?? {}).sort()).toEqual(['MyPool', 'demo_auth']);
    const declared = (artifacts.swagger.paths as Record<string, { get?: { security?: unknown } }>)[
      '/declared'
    ];
    expect(declared?.get?.security).toEqual([{ MyPool: [] }]);
    expect(artifacts.zip.byteLength).toBeGreaterThan(0);
  });

  it('reports chalice.yaml mistakes with their position (INVALID_CONFIG)', async () => {
    const dir = await project(CONFIG.replace('type: cognito_user_pools', 'type: cognito_pools'));
    await expect(buildProjectPackage({ app: seedApp(), projectDir: dir })).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
      message: expect.stringMatching(/chalice\.yaml:5:\d+/),
    });
  });

  it('refuses a stage the file does not declare, and a route binding that matches no route', async () => {
    await expect(buildProjectPackage({ app: seedApp(), projectDir, stage: 'prod' })).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
    });
    const app = new Chalice({ appName: 'demoauth1' });
    await expect(buildProjectPackage({ app, projectDir })).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
      message: expect.stringContaining('GET /declared'),
    });
  });
});
