import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  chaliceConfigJsonSchema,
  formatConfigIssue,
  loadConfigFile,
  parseConfig,
  validateConfigObject,
} from './index.js';

const fullPath = fileURLToPath(new URL('./fixtures/full.chalice.yaml', import.meta.url));
const fullText = readFileSync(fullPath, 'utf8');

function messages(text: string): string[] {
  const result = parseConfig(text, { file: 'chalice.yaml' });
  return result.ok ? [] : result.errors.map(formatConfigIssue);
}

/** Every property name the JSON Schema declares, at any depth. */
function schemaKeys(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) schemaKeys(item, into);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties') for (const name of Object.keys(value as object)) into.add(name);
      schemaKeys(value, into);
    }
  }
  return into;
}

function documentKeys(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) documentKeys(item, into);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      into.add(key);
      documentKeys(value, into);
    }
  }
  return into;
}

describe('the full example', () => {
  it('is valid', () => {
    expect(messages(fullText)).toEqual([]);
  });

  it('uses every key the schema declares', () => {
    const used = documentKeys(parse(fullText));
    const missing = [...schemaKeys(chaliceConfigJsonSchema())].filter((key) => !used.has(key));
    expect(missing).toEqual([]);
  });

  it('keeps every value and fills the defaults of omitted keys', async () => {
    const result = await loadConfigFile(fullPath);
    if (!result.ok) throw new Error(result.errors.map(formatConfigIssue).join('\n'));
    const { config } = result;
    expect(config.runtime).toBe('nodejs20.x');
    expect(config.authorizers['MyPool']).toEqual({
      type: 'cognito_user_pools',
      provider_arns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc'],
      header: 'Authorization',
      scopes: ['read'],
    });
    expect(config.authorizers['sigv4']).toEqual({ type: 'iam' });
    expect(config.authorizers['key_auth']).toMatchObject({
      identity_sources: ['header:X-Api-Key', 'query:token', 'stage:env', 'context:sourceIp'],
      ttl_seconds: 0,
    });
    expect(config.routes['GET /health']).toEqual({ authorizer: 'none' });
    expect(config.tags).toEqual({ team: 'auth', 'cost-center': '42' });
    expect(config.stages?.['prod']).toEqual({});
    expect(config.local.iam?.credentials[0]?.session_token).toBe('local-session');
  });
});

describe('parseConfig', () => {
  it('fills the defaults of a minimal document', () => {
    const result = parseConfig('version: 1\napp_name: demo\n');
    expect(result).toEqual({
      ok: true,
      config: {
        version: 1,
        app_name: 'demo',
        entry: 'src/app.ts',
        runtime: 'nodejs22.x',
        api_gateway_stage: 'api',
        authorizers: {},
        routes: {},
        local: { authorizer_cache: true },
      },
    });
  });

  it('defaults the header, scopes and custom ttl of authorizers', () => {
    const result = parseConfig(
      [
        'version: 1',
        'app_name: demo',
        'authorizers:',
        '  a: { type: custom, authorizer_uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations" }',
        '  b: { type: builtin, handler: src/auth.ts#b }',
      ].join('\n'),
    );
    if (!result.ok) throw new Error('expected a valid document');
    expect(result.config.authorizers['a']).toMatchObject({
      ttl_seconds: 300,
      header: 'Authorization',
      scopes: [],
    });
    expect(result.config.authorizers['b']).toEqual({
      type: 'builtin',
      handler: 'src/auth.ts#b',
      header: 'Authorization',
      scopes: [],
    });
  });

  it('reports several errors together, in file order', () => {
    const text = [
      'version: 1',
      'app_name: demo',
      'lambda_timeout: 0',
      'authorizers:',
      '  MyPool: { type: cognito_user_pools, provider_arns: [], headr: X }',
      'local: { region: mars }',
    ].join('\n');
    expect(messages(text)).toEqual([
      'chalice.yaml:3:17 lambda_timeout: expected a whole number of seconds from 1 to 900, got 0',
      'chalice.yaml:5:54 authorizers.MyPool.provider_arns: expected a non-empty list of Cognito user pool ARNs, got an empty list',
      "chalice.yaml:5:58 authorizers.MyPool.headr: unknown key; did you mean 'header'?",
      'chalice.yaml:6:18 local.region: expected an AWS region (e.g. us-east-1), got "mars"',
    ]);
  });

  it.each([
    ['an unclosed flow mapping', 'version: 1\napp_name: demo\nauthorizers:\n  a: { type: iam\n', 5, 1],
    ['a tab used for indentation', 'version: 1\nlocal:\n\tregion: us-east-1\n', 3, 1],
    ['a duplicated key', 'version: 1\napp_name: a\napp_name: b\n', 3, 1],
  ])('reports a YAML syntax error (%s) with its line and column', (_name, text, line, column) => {
    const result = parseConfig(text, { file: 'config/chalice.yaml' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ file: 'config/chalice.yaml', line, column, path: [] });
    expect(result.errors[0]?.message).toMatch(/^invalid YAML: /);
  });

  it('reports an alias used before its anchor at the alias (fuzzing found it reported at 0:0)', () => {
    expect(messages('version: 1\napp_name: demo\nlambda_timeout: *t\nlambda_memory_size: &t 128\n')).toEqual([
      'chalice.yaml:3:17 alias *t has no anchor &t before it; define the anchor first',
    ]);
  });

  it('reports an empty file as such', () => {
    expect(messages('# only a comment\n')).toEqual([
      'chalice.yaml:1:1 the file is empty: expected at least version: 1 and app_name',
    ]);
  });

  it('reports a document that is not a mapping', () => {
    expect(messages('- version: 1\n')).toEqual([
      'chalice.yaml:1:1 expected a mapping of chalice.yaml keys (version, app_name, ...), got a list',
    ]);
  });

  it('gives each issue its parts as data', () => {
    const result = parseConfig(
      'version: 1\napp_name: demo\nauthorizers:\n  a: { type: custom, ttl_second: 1 }\n',
    );
    expect(result.ok ? [] : result.errors).toContainEqual({
      file: 'chalice.yaml',
      line: 4,
      column: 22,
      path: ['authorizers', 'a', 'ttl_second'],
      message: "unknown key; did you mean 'ttl_seconds'?",
      expected: 'one of type, authorizer_uri, ttl_seconds, header, invoke_role_arn, local_handler, scopes',
      suggestion: 'ttl_seconds',
    });
  });

  it('follows YAML anchors and merge keys', () => {
    const text = [
      'version: 1',
      'app_name: demo',
      'stages:',
      '  dev: &base { lambda_timeout: 30 }',
      '  prod: { <<: *base, lambda_memory_size: 512 }',
    ].join('\n');
    const result = parseConfig(text);
    expect(result.ok && result.config.stages).toEqual({
      dev: { lambda_timeout: 30 },
      prod: { lambda_timeout: 30, lambda_memory_size: 512 },
    });
  });
});

describe('validateConfigObject', () => {
  it('accepts a config given as an object', () => {
    const result = validateConfigObject({ version: 1, app_name: 'x', local: { authorizer_cache: false } });
    expect(result.ok && result.config.local).toEqual({ authorizer_cache: false });
  });

  it('reports issues without a position', () => {
    const result = validateConfigObject({ version: 1, app_nme: 'x' });
    expect(result.ok ? [] : result.errors.map(formatConfigIssue)).toEqual([
      '<config> app_name: missing required key: expected an app name made of letters, digits, _ and -',
      "<config> app_nme: unknown key; did you mean 'app_name'?",
    ]);
  });
});

describe('loadConfigFile', () => {
  it('reports a missing file as an issue', async () => {
    const result = await loadConfigFile('/nonexistent/chalice.yaml');
    expect(result).toEqual({
      ok: false,
      errors: [
        { file: '/nonexistent/chalice.yaml', line: 0, column: 0, path: [], message: 'file not found' },
      ],
    });
  });
});
