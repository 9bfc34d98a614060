import { chaliceConfigJsonSchema } from '@chalice-ts/core/config';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK } from '../errors.js';
import type { CliIo } from '../io.js';

/** `chalice-ts schema`: prints the JSON Schema of chalice.yaml. */
export async function schemaCommand(argv: string[], io: CliIo): Promise<number> {
  parseCommandArgs('schema', argv, {});
  io.out(`${JSON.stringify(chaliceConfigJsonSchema(), null, 2)}\n`);
  return EXIT_OK;
}
