import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, usageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { version } from '../main.js';
import { scaffoldFiles } from '../scaffold/files.js';

// Chalice app names become CloudFormation and Lambda names: keep them to what both accept.
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** `chalice-ts new NAME`: a working project, written whole or not at all. */
export async function newCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs('new', argv, {});
  const [name, extra] = positionals;
  if (!name || extra !== undefined)
    throw usageError('expected exactly one project NAME, e.g. chalice-ts new demoauth');
  if (!NAME.test(name)) {
    throw usageError(
      `'${name}' is not a valid project name: use letters, digits, '-' and '_', starting with a letter`,
    );
  }
  const target = resolve(io.cwd, name);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw usageError(`${target} already exists and is not empty; choose another NAME or remove it`);
  }
  // Written into a sibling temp folder first, then renamed: never a half-written project.
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    for (const [path, text] of Object.entries(scaffoldFiles(name, { chaliceTs: version() }))) {
      const file = join(tmp, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
    }
    if (existsSync(target)) await rm(target, { recursive: true });
    await rename(tmp, target);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  io.out(
    `Created ${name}/ (chalice.yaml, src/app.ts, test/app.test.ts).\nNext:\n  cd ${name}\n  npm install\n  npx chalice-ts local\n`,
  );
  return EXIT_OK;
}
