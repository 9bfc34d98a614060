import { readFile } from 'node:fs/promises';
import { type Document, LineCounter, parseDocument, visit } from 'yaml';
import { type ConfigIssue, type ConfigResult, sortIssues } from './issues.js';
import { type Locate, rememberSource, unlocated, yamlLocator } from './positions.js';
import { chaliceConfigSchema } from './schema/document.js';
import { semanticChecks } from './semantic-checks.js';
import { type AllowedKeys, fromZodIssues } from './zod-issues.js';

export interface ParseOptions {
  /** Name used in issues; default `chalice.yaml`. */
  file?: string;
}

function failure(file: string, message: string): ConfigResult {
  return { ok: false, errors: [{ file, line: 0, column: 0, path: [], message }] };
}

function validate(input: unknown, file: string, locate: Locate): ConfigResult {
  const allowed: AllowedKeys = new Map();
  const parsed = chaliceConfigSchema.safeParse(input, {
    reportInput: true,
    error: (issue) => {
      const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
      if (issue.code === 'unrecognized_keys' && shape)
        allowed.set(JSON.stringify(issue.path ?? []), Object.keys(shape));
      return undefined;
    },
  });
  const issues: ConfigIssue[] = [
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, { file, locate, allowed })),
    ...semanticChecks(input, file, locate),
  ];
  if (!parsed.success || issues.length > 0) return { ok: false, errors: sortIssues(issues) };
  rememberSource(parsed.data, { file, locate });
  return { ok: true, config: parsed.data };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Validates a config given as an object (same keys as `chalice.yaml`). Issues have no line or
 * column. Never throws.
 *
 * @example
 * const result = validateConfigObject({ version: 1, app_name: 'demo' });
 * if (result.ok) result.config.api_gateway_stage; // 'api'
 */
export function validateConfigObject(obj: unknown, options: ParseOptions = {}): ConfigResult {
  const file = options.file ?? '<config>';
  try {
    return validate(obj, file, unlocated);
  } catch (error) {
    return failure(file, `could not validate the config: ${errorMessage(error)}`);
  }
}

// yaml's pretty errors end with " at line L, column C:" and a code excerpt; the position is
// reported separately.
function yamlMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS')
    return "invalid YAML: chalice.yaml holds one document; remove the '---' separator";
  const first = (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?\s*$/, '');
  return `invalid YAML: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

/**
 * Parses and validates the text of a `chalice.yaml`. Every issue (YAML syntax, schema, cross-key)
 * carries the file, line and column of the offending key or value; all are reported together.
 * Never throws.
 *
 * Authorizer names used by `default_authorizer` and `routes` are not checked here, because
 * authorizers may also be defined in code: the runtime calls `checkAuthorizerNames` once it
 * knows them. Stage `authorizers` overrides must name a YAML declaration and are checked here.
 *
 * @example
 * const result = parseConfig(text, { file: 'chalice.yaml' });
 * if (!result.ok) for (const issue of result.errors) console.error(formatConfigIssue(issue));
 */
export function parseConfig(text: string, options: ParseOptions = {}): ConfigResult {
  const file = options.file ?? 'chalice.yaml';
  if (typeof text !== 'string') return failure(file, 'expected the text of a chalice.yaml file');
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, {
      lineCounter,
      merge: true,
      uniqueKeys: true,
      prettyErrors: true,
      logLevel: 'error',
    });
    if (doc.errors.length > 0) {
      const errors: ConfigIssue[] = [];
      for (const error of doc.errors) {
        const { line, col } = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
        const message = yamlMessage(error.code, error.message);
        // A deeply broken document repeats one error at every level: report it once.
        if (!errors.some((seen) => seen.message === message))
          errors.push({ file, line, column: col, path: [], message });
      }
      return { ok: false, errors: sortIssues(errors) };
    }
    if (doc.contents === null) {
      const errors = [
        {
          file,
          line: 1,
          column: 1,
          path: [],
          message: 'the file is empty: expected at least version: 1 and app_name',
        },
      ];
      return { ok: false, errors };
    }
    const unresolved = unresolvedAliases(doc, lineCounter, file);
    if (unresolved.length > 0) return { ok: false, errors: unresolved };
    const input: unknown = doc.toJS({ maxAliasCount: 100 });
    return validate(input ?? undefined, file, yamlLocator(doc, lineCounter));
  } catch (error) {
    return failure(file, `could not read the YAML: ${errorMessage(error)}`);
  }
}

/**
 * Reads and validates a `chalice.yaml` file; issues name the path as given. Never rejects.
 *
 * @example
 * const result = await loadConfigFile('chalice.yaml');
 */
export async function loadConfigFile(path: string): Promise<ConfigResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return failure(
      String(path),
      code === 'ENOENT' ? 'file not found' : `cannot read the file: ${errorMessage(error)}`,
    );
  }
  return parseConfig(text, { file: path });
}

/**
 * An alias whose anchor is not defined before it (`x: *a` above `y: &a 3`) only fails when the
 * document is converted, where the yaml library no longer knows the position: find it first.
 */
function unresolvedAliases(doc: Document, lineCounter: LineCounter, file: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) !== undefined) return;
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
      issues.push({
        file,
        line,
        column: col,
        path: [],
        message: `alias *${node.source} has no anchor &${node.source} before it; define the anchor first`,
      });
    },
  });
  return issues;
}
