import { isAbsolute, resolve } from 'node:path';
import {
  CognitoUserPoolAuthorizer,
  CustomAuthorizer,
  IAMAuthorizer,
  type LocalAuthorizerHandler,
} from '@chalice-ts/core';
import type { AuthorizerConfig } from '@chalice-ts/core/config';
import { BuiltinAuthorizer } from '../authorizer/builtin-authorizer.js';
import { closest } from '../app/suggest.js';
import {
  type EffectiveAuthorizer,
  fromBuiltin,
  fromCodeAuthorizer,
  type HandlerRef,
} from './effective-model.js';

/** Loads a module by absolute path (the CLI uses esbuild, tests use vitest's loader). */
export type ModuleLoader = (absPath: string) => Promise<Record<string, unknown>>;

/** A problem with one YAML declaration: `key` is the field under `authorizers.<name>`. */
export interface DeclarationProblem {
  key: string;
  message: string;
  suggestion?: string;
}

type Loaded = { ok: true; value: unknown; ref: HandlerRef } | { ok: false; problem: DeclarationProblem };

async function loadExport(
  ref: string,
  key: string,
  projectDir: string,
  loadModule: ModuleLoader,
): Promise<Loaded> {
  const hash = ref.lastIndexOf('#');
  const path = hash === -1 ? ref : ref.slice(0, hash);
  const exportName = hash === -1 ? 'default' : ref.slice(hash + 1);
  const file = isAbsolute(path) ? path : resolve(projectDir, path);
  let exports: Record<string, unknown>;
  try {
    exports = await loadModule(file);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, problem: { key, message: `cannot load module '${path}' (${file}): ${reason}` } };
  }
  if (!Object.hasOwn(exports, exportName) || exports[exportName] === undefined) {
    const names = Object.keys(exports).filter(
      (n) => typeof exports[n] === 'function' || exports[n] instanceof BuiltinAuthorizer,
    );
    const suggestion = closest(exportName, names);
    const listed = names.length > 0 ? ` (it exports: ${names.join(', ')})` : '';
    const problem: DeclarationProblem = {
      key,
      message: `module '${path}' has no export '${exportName}'${listed}`,
    };
    if (suggestion !== undefined) problem.suggestion = suggestion;
    return { ok: false, problem };
  }
  return { ok: true, value: exports[exportName], ref: { ref, file, exportName } };
}

function isBuiltin(value: unknown): value is BuiltinAuthorizer {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'builtin' &&
    typeof (value as { fn?: unknown }).fn === 'function'
  );
}

/**
 * Turns one resolved chalice.yaml authorizer declaration into its effective form, loading
 * `handler` / `local_handler` modules through `loadModule`. Returns the problems instead of throwing.
 */
export async function fromYamlDeclaration(
  name: string,
  declaration: AuthorizerConfig,
  options: { projectDir: string; loadModule: ModuleLoader },
): Promise<{ ok: true; authorizer: EffectiveAuthorizer } | { ok: false; problems: DeclarationProblem[] }> {
  const asYaml = (authorizer: EffectiveAuthorizer): EffectiveAuthorizer => ({
    ...authorizer,
    source: 'yaml',
  });
  try {
    switch (declaration.type) {
      case 'iam':
        return { ok: true, authorizer: { ...asYaml(fromCodeAuthorizer(new IAMAuthorizer())), name } };
      case 'cognito_user_pools': {
        const pool = new CognitoUserPoolAuthorizer(name, {
          providerArns: declaration.provider_arns,
          header: declaration.header,
          scopes: declaration.scopes,
        });
        return { ok: true, authorizer: asYaml(fromCodeAuthorizer(pool)) };
      }
      case 'custom': {
        let localHandler: LocalAuthorizerHandler | undefined;
        let handlerRef: HandlerRef | undefined;
        if (declaration.local_handler !== undefined) {
          const loaded = await loadExport(
            declaration.local_handler,
            'local_handler',
            options.projectDir,
            options.loadModule,
          );
          if (!loaded.ok) return { ok: false, problems: [loaded.problem] };
          if (typeof loaded.value !== 'function') {
            return {
              ok: false,
              problems: [
                { key: 'local_handler', message: `'${declaration.local_handler}' is not a function` },
              ],
            };
          }
          localHandler = loaded.value as LocalAuthorizerHandler;
          handlerRef = loaded.ref;
        }
        const custom = new CustomAuthorizer(name, {
          authorizerUri: declaration.authorizer_uri,
          ttlSeconds: declaration.ttl_seconds,
          header: declaration.header,
          scopes: declaration.scopes,
          ...(declaration.invoke_role_arn !== undefined && { invokeRoleArn: declaration.invoke_role_arn }),
          ...(localHandler && { localHandler }),
        });
        return {
          ok: true,
          authorizer: { ...asYaml(fromCodeAuthorizer(custom)), ...(handlerRef && { handlerRef }) },
        };
      }
      case 'builtin':
      case 'request': {
        const loaded = await loadExport(
          declaration.handler,
          'handler',
          options.projectDir,
          options.loadModule,
        );
        if (!loaded.ok) return { ok: false, problems: [loaded.problem] };
        const fn = isBuiltin(loaded.value) ? loaded.value.fn : loaded.value;
        if (typeof fn !== 'function') {
          return {
            ok: false,
            problems: [
              {
                key: 'handler',
                message: `'${declaration.handler}' must be an authorizer function (authRequest) => AuthResponse`,
              },
            ],
          };
        }
        const builtin = new BuiltinAuthorizer(
          fn as BuiltinAuthorizer['fn'],
          {
            name,
            ...(declaration.ttl_seconds !== undefined && { ttlSeconds: declaration.ttl_seconds }),
            ...(declaration.execution_role !== undefined && { executionRole: declaration.execution_role }),
            ...(declaration.type === 'builtin'
              ? { type: 'token' as const, header: declaration.header }
              : { type: 'request' as const, identitySources: declaration.identity_sources }),
          },
          declaration.scopes,
        );
        return { ok: true, authorizer: fromBuiltin(builtin, 'yaml', loaded.ref) };
      }
    }
  } catch (err) {
    return {
      ok: false,
      problems: [{ key: 'type', message: err instanceof Error ? err.message : String(err) }],
    };
  }
}
