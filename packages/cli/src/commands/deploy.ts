import { buildPackage, createAwsApis, DeployerError, deployApp } from '@chalice-ts/deployer';
import { parseCommandArgs } from '../args.js';
import { CliError, EXIT_OK } from '../errors.js';
import type { CliIo } from '../io.js';
import { loadProject } from '../project/load-project.js';
import { progressPrinter } from './progress.js';

/** `chalice-ts deploy [--stage] [--profile] [--region] [--json]`. */
export async function deployCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('deploy', argv, {
    stage: { type: 'string' },
    profile: { type: 'string' },
    region: { type: 'string' },
    json: { type: 'boolean' },
  });
  const stage = values.stage ?? 'dev';
  const project = await loadProject({ dir: values['project-dir'] ?? io.cwd, stage });
  const region = values.region ?? io.env['AWS_REGION'] ?? io.env['AWS_DEFAULT_REGION'];
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const artifacts = await buildPackage({
      model: project.model,
      resolved: project.resolved,
      stage,
      projectDir: project.dir,
    });
    const result = await deployApp({
      aws: createAwsApis({
        ...(region !== undefined && { region }),
        ...(values.profile !== undefined && { profile: values.profile }),
      }),
      artifacts,
      stage,
      projectDir: project.dir,
      ...(region !== undefined && { region }),
      onEvent: progressPrinter(io, values.json ?? false),
      signal: controller.signal,
    });
    if (values.json) {
      io.out(`${JSON.stringify({ type: 'result', ...result })}\n`);
    } else {
      io.out(
        result.noChanges
          ? `No changes: ${result.stackName} is up to date.\n`
          : `Deployed ${result.stackName} (${result.status}).\n`,
      );
      for (const [key, value] of Object.entries(result.outputs)) io.out(`  ${key}: ${value}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof DeployerError) throw new CliError(error.code, error.message, { cause: error });
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
