import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { AuthResponse, Chalice, CustomAuthorizer, IAMAuthorizer } from '@chalice-ts/runtime';
import { bindConfig, type EffectiveModel } from '@chalice-ts/runtime/binding';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGatewayExtensionIssues } from '../fixtures/apigateway-extensions.js';
import { resolved } from '../fixtures/apps.js';
import { makeProject, SEED_APP_SOURCE } from '../fixtures/project.js';
import { validateTemplate } from '../fixtures/validate-template.js';
import { packageApp, type PackageResult } from './package-app.js';

const AUTH_SOURCE = `
import { AuthResponse } from '@chalice-ts/runtime';
export const keyAuth = (req: { headers: Record<string, string> }) =>
  new AuthResponse({ routes: ['*'], principalId: req.headers['X-Api-Key'] ?? 'nobody' });
`;
const keyAuth = (req: { headers: Record<string, string> }) =>
  new AuthResponse({ routes: ['*'], principalId: req.headers['X-Api-Key'] ?? 'nobody' });

/** The seed app plus every other kind, in code and in chalice.yaml, bound by the real runtime. */
async function boundModel(projectDir: string): Promise<EffectiveModel> {
  const app = new Chalice({ appName: 'demoauth1' });
  const demoAuth = app.authorizer(
    { name: 'demo_auth', ttlSeconds: 300 },
    (r) => new AuthResponse({ routes: r.token === 'allow' ? ['/'] : [], principalId: 'user' }),
  );
  app.route('/', { authorizer: demoAuth }, () => ({}));
  app.route('/iam-auth', { authorizer: new IAMAuthorizer() }, () => ({}));
  app.route(
    '/custom-auth',
    {
      authorizer: new CustomAuthorizer('MyCustomAuth', {
        header: 'Authorization',
        authorizerUri:
          'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:F/invocations',
      }),
      apiKeyRequired: true,
    },
    () => ({}),
  );
  app.route('/declared', {}, () => ({}));
  app.route('/keyed/{id}', { authorizer: 'key_auth', cors: true }, () => ({}));
  const config = resolved({
    authorizers: {
      MyPool: {
        type: 'cognito_user_pools',
        provider_arns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc'],
      },
      key_auth: { type: 'request', handler: 'src/auth.ts#keyAuth', identity_sources: ['header:X-Api-Key'] },
    },
    routes: { 'GET /declared': { authorizer: 'MyPool', scopes: ['read'] } },
  });
  const bound = await bindConfig(app, config, { projectDir, loadModule: async () => ({ keyAuth }) });
  if (!bound.ok) throw new Error(JSON.stringify(bound.errors));
  return bound.model;
}

let projectDir: string;
let model: EffectiveModel;
let result: PackageResult;
beforeAll(async () => {
  projectDir = await makeProject({ 'src/app.ts': SEED_APP_SOURCE, 'src/auth.ts': AUTH_SOURCE });
  model = await boundModel(projectDir);
  result = await packageApp({ model, resolved: resolved(), projectDir, outDir: join(projectDir, 'out') });
});
afterAll(() => rm(projectDir, { recursive: true, force: true }));

describe('packaging an app bound by the real runtime (code + chalice.yaml)', () => {
  it('creates a function for the code and the YAML built-in authorizers', () => {
    expect(result.resources.authorizerFunctions.map((f) => [f.functionName, f.authorizer?.source])).toEqual([
      ['demoauth1-dev-demo_auth', 'code'],
      ['demoauth1-dev-key_auth', 'yaml'],
    ]);
  });

  it("takes each securityDefinition from the authorizer's own swagger()", () => {
    const defs = result.swagger.securityDefinitions ?? {};
    for (const name of ['sigv4', 'MyCustomAuth', 'MyPool']) {
      expect(defs[name]).toEqual(model.authorizers.get(name)?.swagger());
    }
    expect(defs['key_auth']).toEqual(
      model.authorizers.get('key_auth')?.swagger({
        'Fn::Sub':
          // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax, not a JS template
          'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${KeyAuth.Arn}/invocations',
      }),
    );
    expect(result.swagger.paths['/declared']?.['get']).toMatchObject({ security: [{ MyPool: ['read'] }] });
    expect(result.swagger.paths['/custom-auth']?.['get']).toMatchObject({
      security: [{ api_key: [] }, { MyCustomAuth: [] }],
    });
  });

  it('writes a valid Swagger document and a template that passes the CloudFormation schemas', async () => {
    await expect(SwaggerParser.validate(structuredClone(result.swagger) as never)).resolves.toBeTruthy();
    expect(apiGatewayExtensionIssues(result.swagger)).toEqual([]);
    expect(await validateTemplate(result.template as never)).toEqual([]);
  });

  it('bundles a YAML-declared handler so that its Lambda export answers authorizer events', async () => {
    const files = unzipSync(result.zip);
    const out = join(projectDir, 'out', 'bundle.mjs');
    await writeFile(out, files['index.mjs'] ?? '');
    const bundle = await import(pathToFileURL(out).href);
    const policy = await bundle.authorizerKeyAuth({
      type: 'REQUEST',
      methodArn: 'arn:aws:execute-api:us-west-2:123456789012:abc/api/GET/keyed/1',
      headers: { 'X-Api-Key': 'k1' },
    });
    expect(policy).toMatchObject({ principalId: 'k1', policyDocument: { Statement: [{ Effect: 'Allow' }] } });
  });
});
