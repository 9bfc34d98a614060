import { relative, resolve } from 'node:path';
import { DeployerError, packageApp } from '@chalice-ts/deployer';
import { parseCommandArgs } from '../args.js';
import { CliError, EXIT_OK, usageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { loadProject } from '../project/load-project.js';

/** `chalice-ts package [--format cloudformation|sam] [--stage] OUT_DIR`. */
export async function packageCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('package', argv, {
    stage: { type: 'string' },
    format: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [outDir, extra] = positionals;
  if (!outDir || extra !== undefined) throw usageError('expected one OUT_DIR, e.g. chalice-ts package out/');
  const format = values.format ?? 'cloudformation';
  if (format !== 'cloudformation' && format !== 'sam') {
    throw usageError(`--format must be 'cloudformation' or 'sam', got '${format}'`);
  }
  const stage = values.stage ?? 'dev';
  const project = await loadProject({ dir: values['project-dir'] ?? io.cwd, stage });
  const target = resolve(io.cwd, outDir);
  try {
    const result = await packageApp({
      model: project.model,
      resolved: project.resolved,
      stage,
      projectDir: project.dir,
      outDir: target,
      format,
    });
    if (values.json) {
      io.out(
        `${JSON.stringify({ format, stage, files: result.files, zipSha256: result.zipSha256 }, null, 2)}\n`,
      );
    } else {
      const rel = (p: string) => relative(io.cwd, p) || p;
      io.out(
        `Packaged ${project.app.appName} (stage ${stage}, ${format}):\n` +
          `  ${rel(result.files.template)}\n  ${rel(result.files.openapi)}\n` +
          `  ${rel(result.files.zip)} (${result.zip.byteLength.toLocaleString('en-US')} bytes, sha256 ${result.zipSha256.slice(0, 12)})\n`,
      );
    }
  } catch (error) {
    if (error instanceof DeployerError) throw new CliError(error.code, error.message, { cause: error });
    throw error;
  }
  return EXIT_OK;
}
