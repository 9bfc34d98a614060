import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chaliceConfigJsonSchema, chaliceConfigJsonSchemaText } from './index.js';

describe('chalice.schema.json', () => {
  it('is up to date with the zod schema', () => {
    const committed = readFileSync(new URL('../../chalice.schema.json', import.meta.url), 'utf8');
    expect(
      committed === chaliceConfigJsonSchemaText(),
      'chalice.schema.json is out of date: run `pnpm --filter @chalice-ts/core build`',
    ).toBe(true);
  });

  it('is strict about unknown keys and requires version and app_name', () => {
    const schema = chaliceConfigJsonSchema();
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'chalice.yaml',
      type: 'object',
      additionalProperties: false,
      required: ['version', 'app_name'],
    });
  });

  it('discriminates authorizers on type', () => {
    type Option = { properties: { type: { const: string } } };
    const schema = chaliceConfigJsonSchema() as {
      properties: { authorizers: { additionalProperties: { oneOf: Option[] } } };
    };
    const options = schema.properties.authorizers.additionalProperties.oneOf;
    expect(options.map((option) => option.properties.type.const)).toEqual([
      'cognito_user_pools',
      'custom',
      'iam',
      'builtin',
      'request',
    ]);
  });
});
