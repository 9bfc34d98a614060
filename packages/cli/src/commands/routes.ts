import type { EffectiveModel } from '@chalice-ts/runtime/binding';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK } from '../errors.js';
import type { CliIo } from '../io.js';
import { loadProject, type Project } from '../project/load-project.js';
import { modelWarnings } from '../project/warnings.js';

/** One row of `chalice-ts routes --json`. */
export interface RouteListing {
  method: string;
  path: string;
  authorizer: string | null;
  kind: string | null;
  declaredIn: string;
  scopes: string[];
  ttlSeconds: number | null;
  local: string;
}

/** How `chalice-ts local` treats an authorizer, in words. */
function localEmulation(project: Pick<Project, 'config'>, route: EffectiveModel['routes'][number]): string {
  const auth = route.authorizer;
  if (!auth) return 'open (no authorizer)';
  switch (auth.kind) {
    case 'builtin':
      return 'runs the authorizer function';
    case 'custom':
      return auth.localHandler ? 'runs local_handler' : 'denies (500): no local_handler configured';
    case 'cognito_user_pools':
      return project.config.local?.cognito?.jwks_file
        ? `verifies JWT (${project.config.local.cognito.jwks_file})`
        : 'verifies JWT (dev keys)';
    case 'iam': {
      const n = project.config.local?.iam?.credentials?.length ?? 0;
      return n > 0
        ? `verifies SigV4 (${n} credential${n === 1 ? '' : 's'})`
        : 'denies (403): no local.iam.credentials';
    }
    default:
      return 'denies: unknown authorizer kind';
  }
}

const SOURCES: Record<string, string> = {
  code: 'code',
  'yaml-route': 'chalice.yaml routes:',
  default: 'default_authorizer',
};

/** Where an unprotected route's state comes from: an explicit opt-out, or nothing at all. */
function openSource(project: Pick<Project, 'config'>, method: string, path: string): string {
  const binding = project.config.routes?.[`${method} ${path}`];
  return binding?.authorizer === 'none' ? 'chalice.yaml routes: (authorizer: none)' : 'code (no authorizer)';
}

type EffectiveAuthorizer = NonNullable<EffectiveModel['routes'][number]['authorizer']>;

/** `builtin`, or `request` for a built-in REQUEST authorizer, or the kind as it is. */
function kindLabel(authorizer: EffectiveAuthorizer): string {
  return authorizer.kind === 'builtin' && authorizer.type === 'request' ? 'request' : authorizer.kind;
}

/** The rows of the listing, in route order. */
export function listRoutes(project: Pick<Project, 'config' | 'model'>): RouteListing[] {
  return project.model.routes.map((route) => ({
    method: route.method,
    path: route.path,
    authorizer: route.authorizer?.name ?? null,
    kind: route.authorizer ? kindLabel(route.authorizer) : null,
    declaredIn: route.authorizer
      ? `${SOURCES[route.source] ?? route.source}${route.authorizer.source === 'yaml' ? ' (authorizer in chalice.yaml)' : ''}`
      : openSource(project, route.method, route.path),
    scopes: [...route.scopes],
    // Only Lambda authorizers have a result cache; Cognito and IAM are verified on every request.
    ttlSeconds:
      route.authorizer?.kind === 'builtin' || route.authorizer?.kind === 'custom'
        ? (route.authorizer.ttlSeconds ?? null)
        : null,
    local: localEmulation(project, route),
  }));
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `chalice-ts routes [--json]`: each route with its effective authorizer and where it came from. */
export async function routesCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('routes', argv, {
    stage: { type: 'string' },
    json: { type: 'boolean' },
  });
  const project = await loadProject({ dir: values['project-dir'] ?? io.cwd, stage: values.stage ?? 'dev' });
  const rows = listRoutes(project);
  for (const warning of modelWarnings(project.model)) io.err(`warning: ${warning}\n`);
  if (values.json) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT_OK;
  }
  const header = ['METHOD', 'PATH', 'AUTHORIZER', 'KIND', 'DECLARED IN', 'SCOPES', 'TTL', 'LOCAL'];
  const body = rows.map((r) => [
    r.method,
    r.path,
    r.authorizer ?? '-',
    r.kind ?? '-',
    r.declaredIn,
    r.scopes.join(',') || '-',
    r.ttlSeconds === null ? '-' : `${r.ttlSeconds}s`,
    r.local,
  ]);
  io.out(`${table([header, ...body])}\n`);
  return EXIT_OK;
}
