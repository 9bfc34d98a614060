import { didYouMean } from './did-you-mean.js';
import type { ConfigIssue, ConfigPath } from './issues.js';
import type { Locate } from './positions.js';
import { AUTHORIZER_KEYS, type AuthorizerType } from './schema/authorizers.js';

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function declaredType(authorizers: Mapping, name: string): AuthorizerType | undefined {
  const declaration = authorizers[name];
  const type = isMapping(declaration) ? declaration['type'] : undefined;
  return typeof type === 'string' && Object.hasOwn(AUTHORIZER_KEYS, type)
    ? (type as AuthorizerType)
    : undefined;
}

/**
 * Checks that need more than one key at a time and are certain from the file alone (authorizers
 * defined in code are checked later by `checkAuthorizerNames`). Runs on the raw document, so it
 * reports alongside schema errors; anything malformed is left to the schema.
 */
export function semanticChecks(input: unknown, file: string, locate: Locate): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const report = (path: ConfigPath, at: 'key' | 'value', message: string, suggestion?: string): void => {
    const { line, column } = locate(path, at);
    const text = suggestion === undefined ? message : `${message}; did you mean '${suggestion}'?`;
    issues.push(
      suggestion === undefined
        ? { file, line, column, path, message: text }
        : { file, line, column, path, message: text, suggestion },
    );
  };
  if (!isMapping(input)) return issues;
  const authorizers = isMapping(input['authorizers']) ? input['authorizers'] : {};
  const names = Object.keys(authorizers);

  if (input['default_authorizer'] === 'none') {
    report(
      ['default_authorizer'],
      'value',
      "'none' only applies to routes; leave out default_authorizer for no default",
    );
  }

  const routes = isMapping(input['routes']) ? input['routes'] : {};
  for (const [key, binding] of Object.entries(routes)) {
    if (!isMapping(binding) || binding['scopes'] === undefined) continue;
    const name = binding['authorizer'];
    if (name === 'none') {
      report(
        ['routes', key, 'scopes'],
        'key',
        "scopes need an authorizer; remove them or name an authorizer instead of 'none'",
      );
    } else if (typeof name === 'string' && declaredType(authorizers, name) === 'iam') {
      report(['routes', key, 'scopes'], 'key', `IAM authorizer '${name}' does not take scopes`);
    }
  }

  const stages = isMapping(input['stages']) ? input['stages'] : {};
  for (const [stage, settings] of Object.entries(stages)) {
    if (!isMapping(settings) || !isMapping(settings['authorizers'])) continue;
    for (const [name, override] of Object.entries(settings['authorizers'])) {
      const path = ['stages', stage, 'authorizers', name];
      if (!Object.hasOwn(authorizers, name)) {
        const hint = didYouMean(name, names);
        report(path, 'key', `no authorizer '${name}' is declared under authorizers to override`, hint);
        continue;
      }
      const type = declaredType(authorizers, name);
      if (type === undefined || !isMapping(override)) continue;
      const allowed = AUTHORIZER_KEYS[type];
      for (const key of Object.keys(override)) {
        const known = Object.values(AUTHORIZER_KEYS).some((keys) => keys.includes(key));
        if (known && !allowed.includes(key)) {
          report(
            [...path, key],
            'key',
            `'${key}' does not apply to ${type} authorizer '${name}'`,
            didYouMean(key, allowed),
          );
        }
      }
    }
  }
  return issues;
}
