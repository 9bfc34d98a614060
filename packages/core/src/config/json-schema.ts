import * as z from 'zod';
import { chaliceConfigSchema } from './schema/document.js';

/**
 * The JSON Schema of `chalice.yaml` (draft-07, the dialect editors' YAML support reads), generated
 * from the zod schema; the package ships it as `@chalice-ts/core/chalice.schema.json`.
 *
 * @example
 * // first line of chalice.yaml:
 * // # yaml-language-server: $schema=./node_modules/@chalice-ts/core/chalice.schema.json
 * const schema = chaliceConfigJsonSchema();
 */
export function chaliceConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(chaliceConfigSchema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  });
  return { ...schema, title: 'chalice.yaml' };
}

/** The JSON Schema as the committed file holds it: two-space indented, trailing newline. */
export function chaliceConfigJsonSchemaText(): string {
  return `${JSON.stringify(chaliceConfigJsonSchema(), null, 2)}\n`;
}
