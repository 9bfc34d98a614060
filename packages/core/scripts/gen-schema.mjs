// Writes chalice.schema.json from the built zod schema (run after tsc: `pnpm --filter @chalice-ts/core build`).
// A test in src/config/json-schema.test.ts fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { chaliceConfigJsonSchemaText } from '../dist/config/index.js';

const target = new URL('../chalice.schema.json', import.meta.url);
writeFileSync(target, chaliceConfigJsonSchemaText());
console.log('wrote chalice.schema.json');
