import { join } from 'node:path';
import { build } from 'esbuild';
import { DeployerError } from '../errors.js';
import { type AuthorizerHandlerInput, generateEntrySource } from './entry.js';

/**
 * The esbuild `define` of a production Lambda bundle: it compiles out chalice-ts's registration-time
 * checks, which already ran when the CLI loaded and bound the app before bundling. A chalice-ts-only
 * global, so the app's own `process.env.NODE_ENV` is left alone (docs/decisions/0002-production-bundles.md).
 */
export const PRODUCTION_DEFINE: Readonly<Record<string, string>> = Object.freeze({
  'globalThis.__CHALICE_TS_PROD__': 'true',
});

export interface BundleAppOptions {
  /** The project root; imports resolve from here and no path outside it reaches the output. */
  readonly projectDir: string;
  /** The module exporting `app`, relative to `projectDir` (chalice.yaml `entry`). */
  readonly entry: string;
  /** One export per built-in authorizer function (see `authorizerHandlersOf`). */
  readonly authorizerHandlers: readonly AuthorizerHandlerInput[];
  /** Emit `index.mjs.map` too. */
  readonly sourcemap?: boolean;
  /** Where `BuiltinAuthorizer` is imported from for YAML-declared handlers. */
  readonly runtimeModule?: string;
  /**
   * Keep chalice-ts's registration-time checks in the bundle (default `false`: they are compiled
   * out with `PRODUCTION_DEFINE`; authorization checks made while serving stay either way).
   */
  readonly devChecks?: boolean;
}

/** The bundle: file name -> contents, ready for `zipDeterministic`. */
export interface AppBundle {
  readonly files: Record<string, Uint8Array>;
}

/**
 * Bundles the app into one ESM file, `index.mjs` (the `.mjs` extension makes Lambda's nodejs22.x
 * runtime load it as ESM), exporting `handler` and every authorizer handler. Minified, target
 * node22, no legal comments and no absolute paths, so the same sources give the same bytes.
 * Production mode (`PRODUCTION_DEFINE`) unless `devChecks` is set.
 *
 * @example
 * ```ts
 * const bundle = await bundleApp({ projectDir, entry: 'src/app.ts', authorizerHandlers: authorizerHandlersOf(resources) });
 * const zip = zipDeterministic(bundle.files);
 * ```
 */
export async function bundleApp(options: BundleAppOptions): Promise<AppBundle> {
  const outfile = join(options.projectDir, 'index.mjs');
  try {
    const result = await build({
      stdin: {
        contents: generateEntrySource(options),
        resolveDir: options.projectDir,
        sourcefile: 'chalice-ts-entry.js',
        loader: 'js',
      },
      absWorkingDir: options.projectDir,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      minify: true,
      legalComments: 'none',
      define: options.devChecks === true ? {} : { ...PRODUCTION_DEFINE },
      sourcemap: options.sourcemap === true ? 'external' : false,
      // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
      banner: {
        js: "import{createRequire as __ctsCreateRequire}from'node:module';const require=__ctsCreateRequire(import.meta.url);",
      },
      outfile,
      write: false,
      logLevel: 'silent',
    });
    const files: Record<string, Uint8Array> = {};
    for (const file of result.outputFiles) {
      files[file.path.slice(options.projectDir.length + 1)] = file.contents;
    }
    return { files };
  } catch (cause) {
    const errors = (
      cause as { errors?: { text: string; location?: { file: string; line: number } | null }[] }
    ).errors;
    const detail = errors
      ?.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text))
      .join('\n');
    throw new DeployerError(
      'BUNDLE_FAILED',
      `Bundling ${options.entry} failed:\n${detail ?? String(cause)}`,
      { cause },
    );
  }
}
