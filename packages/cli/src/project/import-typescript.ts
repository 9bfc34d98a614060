import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Message } from 'esbuild';
import { CliError } from '../errors.js';

/**
 * Compiles a TypeScript (or JavaScript) module of the user's project with esbuild and imports
 * it, so that `chalice-ts local` needs no separate build step.
 *
 * Packages stay external: they are resolved from the project's own node_modules at import time,
 * so the app and the CLI share one copy of `@chalice-ts/runtime` (its error classes must be the
 * same objects for the gateway to recognise an `UnauthorizedError`). The output is written under
 * `.chalice-ts/build/` with a content hash in its name, which makes a reload (`--watch`) import
 * the new code instead of Node's cached module.
 */
export async function importTypeScript(file: string, projectDir: string): Promise<Record<string, unknown>> {
  const outDir = join(projectDir, '.chalice-ts', 'build');
  let code: string;
  try {
    const result = await build({
      entryPoints: [file],
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      sourcemap: 'inline',
      outdir: outDir,
      logLevel: 'silent',
    });
    code = result.outputFiles[0]?.text ?? '';
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors ?? [];
    const lines = errors.map((m) => {
      const at = m.location
        ? `${relative(projectDir, m.location.file) || m.location.file}:${m.location.line}:${m.location.column + 1} `
        : '';
      return `  ${at}${m.text}`;
    });
    throw new CliError(
      'compile-failed',
      `could not compile ${relative(projectDir, file) || file}:\n${lines.join('\n') || String(error)}`,
      { cause: error },
    );
  }
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  const out = join(outDir, `${basename(file).replace(/\.[cm]?[jt]sx?$/, '')}-${hash}.mjs`);
  await mkdir(outDir, { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  await writeFile(tmp, code);
  await rename(tmp, out);
  await removeStale(outDir, out);
  return (await import(pathToFileURL(out).href)) as Record<string, unknown>;
}

const STALE_MS = 60 * 60 * 1000;

/**
 * Removes compiled modules older than an hour, so `.chalice-ts/build/` does not grow with every
 * edit under `--watch`. Recent ones stay: another command of the same project may be importing them.
 */
async function removeStale(outDir: string, keep: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(outDir).catch(() => [] as string[])) {
    const file = join(outDir, name);
    if (file === keep || !name.endsWith('.mjs')) continue;
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > STALE_MS) await rm(file, { force: true });
  }
}
