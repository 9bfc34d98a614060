import { parseCommandArgs } from '../args.js';
import { EXIT_OK } from '../errors.js';
import type { CliIo } from '../io.js';
import { loadProject } from '../project/load-project.js';
import { modelWarnings } from '../project/warnings.js';

/** `chalice-ts validate`: config, app and binding checked together; exit 2 on any mistake. */
export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('validate', argv, { stage: { type: 'string' } });
  const stage = values.stage ?? 'dev';
  const project = await loadProject({ dir: values['project-dir'] ?? io.cwd, stage });
  const routes = project.model.routes.length;
  const authorizers = project.model.authorizers.size;
  for (const warning of modelWarnings(project.model)) io.err(`warning: ${warning}\n`);
  io.out(
    `${project.configFile}: valid (stage ${stage}; ${routes} route${routes === 1 ? '' : 's'}, ` +
      `${authorizers} authorizer${authorizers === 1 ? '' : 's'})\n`,
  );
  return EXIT_OK;
}
