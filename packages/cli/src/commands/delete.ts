import { createAwsApis, DeployerError, deleteApp } from '@chalice-ts/deployer';
import { parseCommandArgs } from '../args.js';
import { CliError, EXIT_OK } from '../errors.js';
import type { CliIo } from '../io.js';
import { loadProjectConfig } from '../project/load-project.js';
import { progressPrinter } from './progress.js';

/** `chalice-ts delete [--stage] [--profile] [--region]`: removes the stage's stack and record. */
export async function deleteCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('delete', argv, {
    stage: { type: 'string' },
    profile: { type: 'string' },
    region: { type: 'string' },
    json: { type: 'boolean' },
  });
  const stage = values.stage ?? 'dev';
  const dir = values['project-dir'] ?? io.cwd;
  // Deleting needs only the app name, not the app: a project whose code no longer compiles can still be removed.
  const { config } = await loadProjectConfig(dir, stage);
  const region = values.region ?? io.env['AWS_REGION'] ?? io.env['AWS_DEFAULT_REGION'];
  try {
    const result = await deleteApp({
      aws: createAwsApis({
        ...(region !== undefined && { region }),
        ...(values.profile !== undefined && { profile: values.profile }),
      }),
      stage,
      projectDir: dir,
      appName: config.app_name,
      ...(region !== undefined && { region }),
      onEvent: progressPrinter(io, values.json ?? false),
    });
    io.out(
      result.deleted
        ? `Deleted ${result.stackName}.\n`
        : `Nothing to delete: no stack ${result.stackName}.\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof DeployerError) throw new CliError(error.code, error.message, { cause: error });
    throw error;
  }
}
