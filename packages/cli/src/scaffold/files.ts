/** The files of a new project, keyed by path; `chalice-ts new` writes them as they are. */
export function scaffoldFiles(name: string, versions: { chaliceTs: string }): Record<string, string> {
  const v = `^${versions.chaliceTs}`;
  return {
    'chalice.yaml': `# yaml-language-server: $schema=./node_modules/@chalice-ts/core/chalice.schema.json
version: 1
app_name: ${name}
entry: src/app.ts
api_gateway_stage: api
stages:
  dev:
    api_gateway_stage: api
`,
    'src/app.ts': `import { AuthResponse, Chalice } from '@chalice-ts/runtime';

export const app = new Chalice({ appName: '${name}' });

// A built-in authorizer: API Gateway calls it with the Authorization header and caches the
// policy it returns for 300 seconds. The token is treated as the decision, for demo purposes;
// a real one would validate a JWT or call an OAuth provider.
export const demoAuth = app.authorizer({ name: 'demo_auth' }, (authRequest) => {
  if (authRequest.token === 'allow') {
    return new AuthResponse({ routes: ['/'], principalId: 'user' });
  }
  // No routes: the caller is authenticated but may call nothing (403).
  return new AuthResponse({ routes: [], principalId: 'user' });
});

app.route('/', { authorizer: demoAuth }, (request) => ({ context: request.context }));
`,
    'test/app.test.ts': `import { TestClient } from '@chalice-ts/testing';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.js';

describe('${name}', () => {
  it('rejects a request without a token with 401', async () => {
    const client = await TestClient.create(app, { projectDir: new URL('..', import.meta.url).pathname });
    expect((await client.http.get('/')).statusCode).toBe(401);
  });

  it('allows the token allow and passes the principal to the route', async () => {
    const client = await TestClient.create(app, { projectDir: new URL('..', import.meta.url).pathname });
    const res = await client.http.get('/', { headers: { Authorization: 'allow' } });
    expect(res.statusCode).toBe(200);
    expect(res.json.context.authorizer.principalId).toBe('user');
  });

  it('forbids any other token with 403', async () => {
    const client = await TestClient.create(app, { projectDir: new URL('..', import.meta.url).pathname });
    expect((await client.http.get('/', { headers: { Authorization: 'deny' } })).statusCode).toBe(403);
  });
});
`,
    'package.json': `${JSON.stringify(
      {
        name,
        version: '0.0.0',
        private: true,
        type: 'module',
        scripts: {
          local: 'chalice-ts local',
          test: 'vitest run',
          package: 'chalice-ts package out',
          deploy: 'chalice-ts deploy',
        },
        dependencies: { '@chalice-ts/runtime': v },
        devDependencies: {
          '@chalice-ts/cli': v,
          '@chalice-ts/testing': v,
          typescript: '~5.9.3',
          vitest: '~4.1.12',
        },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          verbatimModuleSyntax: true,
          skipLibCheck: true,
          noEmit: true,
        },
        include: ['src', 'test'],
      },
      null,
      2,
    )}\n`,
    '.gitignore': 'node_modules/\n.chalice-ts/\nout/\n',
  };
}
