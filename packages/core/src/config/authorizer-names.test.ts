import { describe, expect, it } from 'vitest';
import {
  checkAuthorizerNames,
  formatConfigIssue,
  parseConfig,
  resolveStage,
  validateConfigObject,
} from './index.js';

const text = [
  'version: 1',
  'app_name: demo',
  'default_authorizer: demo_auht',
  'authorizers:',
  '  MyPool: { type: cognito_user_pools, provider_arns: [arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc] }',
  'routes:',
  '  GET /a: { authorizer: MyPol }',
  '  GET /b: { authorizer: nnoe }',
  '  GET /c: { authorizer: key_auth }',
  '  GET /d: { authorizer: none }',
  '  GET /e: { authorizer: MyPool }',
].join('\n');

function load(source: string) {
  const result = parseConfig(source, { file: 'chalice.yaml' });
  if (!result.ok) throw new Error(result.errors.map(formatConfigIssue).join('\n'));
  return result.config;
}

describe('checkAuthorizerNames', () => {
  it('leaves names that may come from code to the runtime: the loader accepts them', () => {
    expect(parseConfig(text).ok).toBe(true);
  });

  it('reports names declared neither in chalice.yaml nor in code, at their position, with a suggestion', () => {
    const issues = checkAuthorizerNames(load(text), ['demo_auht']);
    expect(issues.map(formatConfigIssue)).toEqual([
      "chalice.yaml:7:25 routes['GET /a'].authorizer: no authorizer named 'MyPol' is declared in chalice.yaml or in code; did you mean 'MyPool'?",
      "chalice.yaml:8:25 routes['GET /b'].authorizer: no authorizer named 'nnoe' is declared in chalice.yaml or in code; did you mean 'none'?",
      "chalice.yaml:9:25 routes['GET /c'].authorizer: no authorizer named 'key_auth' is declared in chalice.yaml or in code",
    ]);
  });

  it('suggests a code-defined name for a misspelled default_authorizer', () => {
    const issues = checkAuthorizerNames(load(text), ['demo_auth', 'key_auth']);
    expect(issues.map(formatConfigIssue)[0]).toBe(
      "chalice.yaml:3:21 default_authorizer: no authorizer named 'demo_auht' is declared in chalice.yaml or in code; did you mean 'demo_auth'?",
    );
    expect(issues[0]?.suggestion).toBe('demo_auth');
  });

  it('reports a name declared both in chalice.yaml and in code', () => {
    const cfg = load(
      'version: 1\napp_name: demo\nauthorizers:\n  demo_auth: { type: builtin, handler: src/a.ts#a }\n',
    );
    expect(checkAuthorizerNames(cfg, ['demo_auth']).map(formatConfigIssue)).toEqual([
      "chalice.yaml:4:3 authorizers.demo_auth: authorizer 'demo_auth' is declared both in chalice.yaml and in code; rename one",
    ]);
  });

  it('accepts a resolved config and keeps its positions', () => {
    const resolved = resolveStage(load(text));
    expect(checkAuthorizerNames(resolved, ['demo_auht', 'key_auth', 'MyPol', 'nnoe'])).toEqual([]);
    expect(checkAuthorizerNames(resolved, ['demo_auht', 'MyPol', 'nnoe'])).toMatchObject([
      { line: 9, column: 25 },
    ]);
  });

  it('reports without positions for a config given as an object', () => {
    const result = validateConfigObject({ version: 1, app_name: 'x', default_authorizer: 'nope' });
    if (!result.ok) throw new Error('expected a valid object');
    expect(checkAuthorizerNames(result.config).map(formatConfigIssue)).toEqual([
      "<config> default_authorizer: no authorizer named 'nope' is declared in chalice.yaml or in code",
    ]);
  });
});
