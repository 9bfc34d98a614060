import { devKeys, mintCognitoToken } from '@chalice-ts/local';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, usageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { loadProject } from '../project/load-project.js';

/** `chalice-ts token AUTHORIZER`: a dev Cognito JWT, signed with the project's dev keys. */
export async function tokenCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('token', argv, {
    stage: { type: 'string' },
    username: { type: 'string' },
    scope: { type: 'string', multiple: true },
    'token-use': { type: 'string' },
    'expires-in': { type: 'string' },
  });
  const [name, extra] = positionals;
  if (!name || extra !== undefined)
    throw usageError('expected one AUTHORIZER name, e.g. chalice-ts token MyPool');
  const tokenUse = values['token-use'];
  if (tokenUse !== undefined && tokenUse !== 'id' && tokenUse !== 'access') {
    throw usageError(`--token-use must be 'id' or 'access', got '${tokenUse}'`);
  }
  const expiresIn = values['expires-in'] === undefined ? 3600 : Number(values['expires-in']);
  if (!Number.isInteger(expiresIn)) throw usageError(`--expires-in must be a whole number of seconds`);

  const project = await loadProject({ dir: values['project-dir'] ?? io.cwd, stage: values.stage ?? 'dev' });
  const authorizer = project.model.authorizers.get(name);
  const pools = [...project.model.authorizers.values()].filter((a) => a.kind === 'cognito_user_pools');
  if (authorizer?.kind !== 'cognito_user_pools') {
    const known = pools.map((a) => a.name).join(', ') || 'none';
    throw usageError(
      `'${name}' is not a Cognito user pool authorizer of this app (Cognito authorizers: ${known})`,
    );
  }
  const providerArn = authorizer.providerArns?.[0];
  if (!providerArn) throw usageError(`authorizer '${name}' has no provider ARNs`);
  if (project.config.local?.cognito?.jwks_file) {
    io.err(
      `warning: local.cognito.jwks_file is set, so 'chalice-ts local' verifies tokens against that file, ` +
        `not the dev keys this token is signed with.\n`,
    );
  }
  const scopes = (values.scope as string[] | undefined) ?? [];
  const token = await mintCognitoToken({
    keys: await devKeys(project.dir),
    providerArn,
    username: values.username ?? 'dev-user',
    ...(scopes.length > 0 && { scopes }),
    ...(tokenUse !== undefined && { tokenUse }),
    expiresIn,
  });
  io.out(`${token}\n`);
  return EXIT_OK;
}
