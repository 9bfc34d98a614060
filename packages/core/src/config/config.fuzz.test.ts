import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConfigIssue, parseConfig } from './index.js';

// Issue 7: ≥10,000 mutated documents under HARDENING=1; a fast subset in the default run.
const RUNS = process.env['HARDENING'] === '1' ? 10_000 : 2_000;
const SEED = 0x7c0f1e;

const full = readFileSync(new URL('./fixtures/full.chalice.yaml', import.meta.url), 'utf8');
const seeds = [
  full,
  'version: 1\napp_name: demo\n',
  'version: 1\napp_name: demo\nauthorizers:\n  sigv4: { type: iam }\nroutes:\n  GET /iam: { authorizer: sigv4 }\n',
  [
    'version: 1',
    'app_name: demo',
    'default_authorizer: demo_auth',
    'authorizers:',
    '  demo_auth:',
    '    type: builtin',
    '    handler: src/auth.ts#demoAuth',
    '    ttl_seconds: 300',
    'stages:',
    '  dev:',
    '    api_gateway_stage: api',
    '    lambda_functions: { demo_auth: { lambda_memory_size: 256 } }',
    'local:',
    '  authorizer_cache: true',
    '',
  ].join('\n'),
];

const realKeys = [
  'version',
  'app_name',
  'entry',
  'runtime',
  'api_gateway_stage',
  'default_authorizer',
  'authorizers',
  'routes',
  'environment_variables',
  'tags',
  'lambda_timeout',
  'lambda_memory_size',
  'iam_role_arn',
  'manage_iam_role',
  'lambda_functions',
  'stages',
  'local',
  'type',
  'provider_arns',
  'header',
  'scopes',
  'authorizer_uri',
  'ttl_seconds',
  'invoke_role_arn',
  'local_handler',
  'handler',
  'execution_role',
  'identity_sources',
  'authorizer',
  'authorizer_cache',
  'cognito',
  'jwks_file',
  'iam',
  'credentials',
  'access_key_id',
  'secret_access_key',
  'user_arn',
  'region',
  'account_id',
  'api_id',
];

/** A key one edit away from a real one: the typos "did you mean" exists for. */
const nearMissKey = fc
  .tuple(fc.constantFrom(...realKeys), fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'case', 'dash'))
  .map(([key, at, how]) => {
    const i = at % key.length;
    if (how === 'drop') return key.slice(0, i) + key.slice(i + 1) || 'x';
    if (how === 'double') return key.slice(0, i) + key.charAt(i) + key.slice(i);
    if (how === 'swap' && i + 1 < key.length) return key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
    if (how === 'case') return key.toUpperCase();
    return key.replace(/_/g, '-');
  });

const scalar = fc.oneof(
  fc.constantFrom('null', '~', 'true', 'no', 'yes', '0', '-1', '1e400', '.nan', '0x1F', '[]', '{}', "''"),
  fc.constantFrom(
    '"\\u0000"',
    '2026-12-02',
    '!!binary AAAA',
    '*a',
    '&a x',
    '|\n  block',
    '>-',
    '"unterminated',
  ),
  fc.integer().map(String),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

const noise = fc.constantFrom(
  ':',
  '-',
  '- ',
  '{',
  '}',
  '[',
  ']',
  '&a',
  '*a',
  '!!binary',
  '? ',
  '#',
  '|',
  '>',
  '%YAML 1.2',
  '---',
  '...',
  '\t',
  '\u00a0',
  '\ufeff',
  '"',
  "'",
  ',',
  '@',
  '`',
  '\u202e',
  '😀',
  'é',
  '\u0000',
  '\r',
);

type Mutation = (lines: string[]) => string[];
const at = (lines: readonly string[], n: number) => (lines.length === 0 ? 0 : n % lines.length);

// Each mutation keeps the rest of the document intact, so most errors are deep and specific.
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (n): Mutation =>
      (l) =>
        l.filter((_, i) => i !== at(l, n)),
  ),
  fc.nat().map(
    (n): Mutation =>
      (l) =>
        l.flatMap((line, i) => (i === at(l, n) ? [line, line] : [line])),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([a, b]): Mutation =>
      (l) => {
        const out = [...l];
        const [i, j] = [at(l, a), at(l, b)];
        [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
        return out;
      },
  ),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 6 }), fc.boolean()).map(
    ([n, d, tab]): Mutation =>
      (l) =>
        l.map((line, i) => {
          if (i !== at(l, n)) return line;
          const body = line.trimStart();
          const indent = Math.max(0, line.length - body.length + d);
          return (tab ? '\t' : ' ').repeat(indent) + body;
        }),
  ),
  fc.tuple(fc.nat(), scalar).map(
    ([n, value]): Mutation =>
      (l) =>
        l.map((line, i) =>
          i === at(l, n) && line.includes(':') ? `${line.slice(0, line.indexOf(':') + 1)} ${value}` : line,
        ),
  ),
  fc.tuple(fc.nat(), fc.oneof(nearMissKey, fc.string({ maxLength: 10 })), scalar, fc.nat({ max: 6 })).map(
    ([n, key, value, indent]): Mutation =>
      (l) => {
        const out = [...l];
        out.splice(at(l, n), 0, `${' '.repeat(indent)}${key}: ${value}`);
        return out;
      },
  ),
  fc.nat().map(
    (n): Mutation =>
      (l) => {
        const text = l.join('\n');
        return text.slice(0, n % (text.length + 1)).split('\n');
      },
  ),
  fc.tuple(fc.nat(), fc.nat(), noise).map(
    ([n, c, token]): Mutation =>
      (l) =>
        l.map((line, i) =>
          i === at(l, n)
            ? line.slice(0, c % (line.length + 1)) + token + line.slice(c % (line.length + 1))
            : line,
        ),
  ),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 6 })).map(
    ([n, junk]): Mutation =>
      (l) =>
        l.map((line, i) => (i === at(l, n) ? line + junk : line)),
  ),
);

const mutatedDocument = fc
  .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([seed, steps]) => steps.reduce((lines, step) => step(lines), seed.split('\n')).join('\n'));

/** Problems with one issue: empty message, or a position missing where the document has one. */
function defects(issue: ConfigIssue, text: string): string[] {
  const found: string[] = [];
  if (typeof issue.message !== 'string' || issue.message.trim() === '') found.push('empty message');
  if (!(issue.line >= 1 && issue.column >= 1)) found.push(`no position (${issue.line}:${issue.column})`);
  const lineCount = text.split(/\r\n|\r|\n/).length;
  if (issue.line > lineCount + 1) found.push(`line ${issue.line} past the end (${lineCount} lines)`);
  return found;
}

describe(`chalice.yaml fuzzing (${RUNS} mutated documents, seed ${SEED})`, () => {
  it('parseConfig never throws, and every rejection carries a line, a column and a message', () => {
    const tally = { accepted: 0, rejected: 0, issues: 0 };
    fc.assert(
      fc.property(mutatedDocument, (text) => {
        let result: ReturnType<typeof parseConfig>;
        try {
          result = parseConfig(text, { file: 'chalice.yaml' });
        } catch (error) {
          throw new Error(`parseConfig threw: ${String(error)}\n--- document ---\n${text}`);
        }
        if (result.ok) {
          tally.accepted++;
          return;
        }
        tally.rejected++;
        expect(result.errors.length, 'a rejection lists at least one issue').toBeGreaterThan(0);
        for (const issue of result.errors) {
          tally.issues++;
          expect(issue.file).toBe('chalice.yaml');
          const found = defects(issue, text);
          expect(found, `${JSON.stringify(issue)}\n--- document ---\n${text}`).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    process.stdout.write(
      `config fuzz: ${RUNS} documents, ${tally.accepted} accepted, ${tally.rejected} rejected, ${tally.issues} issues, 0 throws\n`,
    );
    // The mutations must actually exercise the rejection path, not just reformat valid files.
    expect(tally.rejected).toBeGreaterThan(RUNS / 4);
  });

  it.each(seeds.map((text, i) => [i, text] as const))('seed document %i is itself valid', (_i, text) => {
    expect(parseConfig(text).ok).toBe(true);
  });
});
