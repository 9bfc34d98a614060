import { didYouMean } from './did-you-mean.js';
import type { ConfigIssue, ConfigPath } from './issues.js';
import { sourceOf } from './positions.js';
import type { AuthorizerConfig, RouteBinding } from './schema/document.js';

/** The parts of a config (validated or resolved) that name authorizers. */
export interface NamedAuthorizers {
  default_authorizer?: string | undefined;
  authorizers: Record<string, AuthorizerConfig>;
  routes: Record<string, RouteBinding>;
}

/**
 * Checks the authorizer names a config uses once the authorizers defined in code are known
 * (`codeNames`; pass none for a YAML-only app). Reports, with file positions when the config came
 * from a file:
 * - `default_authorizer` or a `routes:` binding naming no authorizer (YAML or code), with a
 *   "did you mean" among all of them; routes may also say `none`;
 * - a name declared both in `chalice.yaml` and in code.
 *
 * The loader cannot do this alone: a name missing from the YAML may be defined in code.
 *
 * @example
 * const issues = checkAuthorizerNames(resolved, app.builtinAuthorizers.keys());
 * if (issues.length > 0) return { ok: false, errors: issues };
 */
export function checkAuthorizerNames(
  config: NamedAuthorizers,
  codeNames: Iterable<string> = [],
): ConfigIssue[] {
  const { file, locate } = sourceOf(config);
  const issues: ConfigIssue[] = [];
  const report = (path: ConfigPath, at: 'key' | 'value', message: string, suggestion?: string): void => {
    const { line, column } = locate(path, at);
    const issue: ConfigIssue = { file, line, column, path, message };
    if (suggestion !== undefined) {
      issue.message = `${message}; did you mean '${suggestion}'?`;
      issue.suggestion = suggestion;
    }
    issues.push(issue);
  };
  const inCode = new Set(codeNames);
  const yamlNames = Object.keys(config.authorizers);
  const all = [...new Set([...yamlNames, ...inCode])];
  const known = (name: string): boolean => Object.hasOwn(config.authorizers, name) || inCode.has(name);
  const unknown = (name: string): string =>
    `no authorizer named '${name}' is declared in chalice.yaml or in code`;

  for (const name of yamlNames) {
    if (inCode.has(name)) {
      report(
        ['authorizers', name],
        'key',
        `authorizer '${name}' is declared both in chalice.yaml and in code; rename one`,
      );
    }
  }
  const fallback = config.default_authorizer;
  if (fallback !== undefined && !known(fallback)) {
    report(['default_authorizer'], 'value', unknown(fallback), didYouMean(fallback, all));
  }
  for (const [route, binding] of Object.entries(config.routes)) {
    if (binding.authorizer === 'none' || known(binding.authorizer)) continue;
    report(
      ['routes', route, 'authorizer'],
      'value',
      unknown(binding.authorizer),
      didYouMean(binding.authorizer, [...all, 'none']),
    );
  }
  return issues;
}
