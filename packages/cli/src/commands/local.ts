import { type FSWatcher, watch } from 'node:fs';
import { LocalGateway, serve } from '@chalice-ts/local';
import { parseCommandArgs, parsePort } from '../args.js';
import { CliError, EXIT_OK } from '../errors.js';
import type { CliIo } from '../io.js';
import { loadProject, type Project } from '../project/load-project.js';
import { modelWarnings } from '../project/warnings.js';
import { listRoutes } from './routes.js';

const IGNORED = /(^|[/\\])(node_modules|\.chalice-ts|\.git|dist)([/\\]|$)/;

/** `chalice-ts local`: the app on 127.0.0.1 behind an emulated API Gateway, until Ctrl-C. */
export async function localCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('local', argv, {
    host: { type: 'string' },
    port: { type: 'string' },
    stage: { type: 'string' },
    watch: { type: 'boolean' },
    'no-authorizer-cache': { type: 'boolean' },
  });
  const stage = values.stage ?? 'dev';
  const host = values.host ?? '127.0.0.1';
  const port = parsePort(values.port, 8000);
  const dir = values['project-dir'] ?? io.cwd;
  const project = await loadProject({ dir, stage });
  const cacheOn = !values['no-authorizer-cache'] && (project.config.local?.authorizer_cache ?? true);
  const gateway = new LocalGateway(project.app, {
    config: project.config,
    stage,
    projectDir: project.dir,
    loadModule: project.loadModule,
    authorizerCache: cacheOn,
    logger: (line: string) => io.out(`${line}\n`),
  });
  let server: Awaited<ReturnType<typeof serve>>;
  try {
    server = await serve(gateway, { host, port });
  } catch (error) {
    throw new CliError('listen-failed', error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  io.out(banner(project, server.url, cacheOn));
  for (const warning of modelWarnings(project.model)) io.err(`warning: ${warning}\n`);

  let watcher: FSWatcher | undefined;
  if (values.watch) watcher = watchProject(project, gateway, io, dir, stage);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      watcher?.close();
      void server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return EXIT_OK;
}

function banner(project: Project, url: string, cacheOn: boolean): string {
  const rows = listRoutes(project).map(
    (r) =>
      `  ${r.method.padEnd(7)} ${r.path.padEnd(24)} ${r.authorizer ? `${r.authorizer} (${r.kind})` : 'open'}`,
  );
  return (
    `chalice-ts local: ${project.app.appName} (stage ${project.stage}) at ${url}\n` +
    `authorizer cache ${cacheOn ? 'on (ttl_seconds per authorizer)' : 'off'}\n` +
    `${rows.join('\n')}\n`
  );
}

/** Reloads the app on file changes; a broken edit is reported and the previous app keeps serving. */
function watchProject(
  project: Project,
  gateway: LocalGateway,
  io: CliIo,
  dir: string,
  stage: string,
): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  const reload = async () => {
    try {
      const next = await loadProject({ dir, stage });
      gateway.reload(next.app, { config: next.config });
      io.out(`chalice-ts local: reloaded ${next.app.appName}; authorizer cache cleared\n`);
    } catch (error) {
      io.err(
        `chalice-ts local: reload failed, still serving the previous version:\n${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  };
  return watch(project.dir, { recursive: true }, (_event, file) => {
    if (file && IGNORED.test(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), 100);
  });
}
