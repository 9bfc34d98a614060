import type { ChaliceConfig } from './schema/document.js';

/** A key path into a config document: mapping keys and list indexes. */
export type ConfigPath = (string | number)[];

/**
 * One problem found in a config document. `line` and `column` are 1-based; both are 0 when the
 * config was given as an object and has no source position.
 */
export interface ConfigIssue {
  file: string;
  line: number;
  column: number;
  path: ConfigPath;
  message: string;
  /** What the key should hold, in words (e.g. `a whole number of seconds from 1 to 900`). */
  expected?: string;
  /** The likely intended key or name, for "did you mean" fixes. */
  suggestion?: string;
}

/** The outcome of loading a config: errors are data, never thrown. */
export type ConfigResult = { ok: true; config: ChaliceConfig } | { ok: false; errors: ConfigIssue[] };

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/**
 * Renders a key path the way a reader finds it in the file: `authorizers.MyPool.provider_arns`,
 * `local.iam.credentials[0]`, `routes['GET /users']`.
 */
export function formatConfigPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return out;
}

/**
 * One line for a terminal or an editor's problem matcher.
 *
 * @example
 * formatConfigIssue(issue);
 * // "chalice.yaml:12:5 authorizers.MyPool.provider_arns: expected a non-empty list of Cognito user pool ARNs"
 */
export function formatConfigIssue(issue: ConfigIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  const path = formatConfigPath(issue.path);
  return path === '' ? `${where} ${issue.message}` : `${where} ${path}: ${issue.message}`;
}

/** Orders issues as they appear in the file (issues without a position keep their order, last). */
export function sortIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => {
      const la = a.issue.line || Number.MAX_SAFE_INTEGER;
      const lb = b.issue.line || Number.MAX_SAFE_INTEGER;
      return la - lb || a.issue.column - b.issue.column || a.index - b.index;
    })
    .map(({ issue }) => issue);
}
