import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chaliceConfigJsonSchema } from '@chalice-ts/core/config';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR } from './fixtures/markdown.js';

// How a mapping with free-form keys is written in the docs: `authorizers.<name>.ttl_seconds`.
const PLACEHOLDERS: Record<string, string> = {
  authorizers: '<name>',
  routes: '<route>',
  stages: '<stage>',
  lambda_functions: '<function>',
};

type Schema = Record<string, unknown>;

/** Every property path of the JSON Schema, e.g. `local.iam.credentials[].user_arn`. */
function schemaPaths(node: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (node === null || typeof node !== 'object') return out;
  const schema = node as Schema;
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    for (const branch of (schema[key] as unknown[] | undefined) ?? []) schemaPaths(branch, prefix, out);
  }
  for (const [key, child] of Object.entries((schema['properties'] as Schema | undefined) ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.add(path);
    schemaPaths(child, path, out);
  }
  const extra = schema['additionalProperties'];
  if (extra !== null && typeof extra === 'object') {
    const last = prefix.split('.').at(-1) ?? '';
    schemaPaths(extra, `${prefix}.${PLACEHOLDERS[last] ?? '<key>'}`, out);
  }
  if (schema['items']) schemaPaths(schema['items'], `${prefix}[]`, out);
  return out;
}

/** Keys the page documents: a heading that is a backticked key, or a table row whose first cell is one. */
function documentedKeys(markdown: string): Set<string> {
  const keys = new Set<string>();
  for (const line of markdown.split('\n')) {
    const heading = /^#{2,6} `([^`]+)`\s*$/.exec(line);
    const row = /^\|\s*`([^`]+)`\s*\|/.exec(line);
    const key = heading?.[1] ?? row?.[1];
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

describe('docs/topics/chalice-yaml.md', () => {
  const markdown = readFileSync(join(DOCS_DIR, 'topics/chalice-yaml.md'), 'utf8');
  const documented = documentedKeys(markdown);
  const schema = schemaPaths(chaliceConfigJsonSchema());

  it('reads a realistic number of keys from the schema', () => {
    expect(schema.size).toBeGreaterThan(40);
    expect(schema).toContain('authorizers.<name>.ttl_seconds');
  });

  it('documents every key of the JSON Schema', () => {
    expect([...schema].filter((key) => !documented.has(key))).toEqual([]);
  });

  it('documents no key that the JSON Schema lacks', () => {
    expect([...documented].filter((key) => !schema.has(key))).toEqual([]);
  });
});
