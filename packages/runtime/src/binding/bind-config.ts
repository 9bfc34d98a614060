import type { AnyAuthorizer } from '@chalice-ts/core';
import {
  type ConfigIssue,
  type ConfigPath,
  checkAuthorizerNames,
  defaultResolvedConfig,
  type ResolvedConfig,
} from '@chalice-ts/core/config';
import type { Chalice } from '../app/chalice.js';
import type { RouteEntry } from '../app/route-entry.js';
import { closest } from '../app/suggest.js';
import type { BuiltinAuthorizer } from '../authorizer/builtin-authorizer.js';
import {
  type EffectiveAuthorizer,
  type EffectiveModel,
  type EffectiveRoute,
  fromCodeAuthorizer,
} from './effective-model.js';
import { fromYamlDeclaration, type ModuleLoader } from './yaml-authorizers.js';

/** Options of `bindConfig`. */
export interface BindOptions {
  /** Loads `handler` / `local_handler` modules named in chalice.yaml. */
  loadModule: ModuleLoader;
  /** Directory that chalice.yaml paths are relative to. */
  projectDir: string;
  /** Shown in issues that have no position of their own (default `chalice.yaml`). */
  configFile?: string;
}

/** The outcome of binding: the model, or every problem found (as data, never thrown). */
export type BindResult = { ok: true; model: EffectiveModel } | { ok: false; errors: ConfigIssue[] };

const routeKey = (entry: Pick<RouteEntry, 'method' | 'path'>): string => `${entry.method} ${entry.path}`;

/**
 * Binds a resolved chalice.yaml to an app: every authorizer (code or YAML) and every route with its
 * effective authorizer, where it came from, its scopes and TTL.
 *
 * @example
 * ```ts
 * const result = await bindConfig(app, resolveStage(config, { stage: 'dev' }), {
 *   projectDir, loadModule: (file) => import(pathToFileURL(file).href),
 * });
 * if (!result.ok) for (const issue of result.errors) console.error(formatConfigIssue(issue));
 * ```
 */
export async function bindConfig(
  app: Chalice,
  resolved: ResolvedConfig,
  options: BindOptions,
): Promise<BindResult> {
  const errors: ConfigIssue[] = [];
  const file = options.configFile ?? 'chalice.yaml';
  const issue = (path: ConfigPath, message: string, suggestion?: string): void => {
    const text = suggestion === undefined ? message : `${message}; did you mean '${suggestion}'?`;
    errors.push({
      file,
      line: 0,
      column: 0,
      path,
      message: text,
      ...(suggestion !== undefined && { suggestion }),
    });
  };

  // Authorizers defined in code: registered built-ins, plus the objects routes use.
  const code = new Map<string, { object: AnyAuthorizer; effective: EffectiveAuthorizer }>();
  const addCode = (object: AnyAuthorizer, where: string): void => {
    const known = code.get(object.name);
    if (!known) {
      // Scopes belong to routes in code (withScopes copies), not to the shared authorizer.
      code.set(object.name, { object, effective: { ...fromCodeAuthorizer(object), scopes: [] } });
    } else if (!sameDefinition(known.object, object)) {
      issue(
        [],
        `two different authorizers in code are named '${object.name}' (${where}); give each its own name`,
      );
    }
  };
  for (const builtin of app.builtinAuthorizers.values()) addCode(builtin as AnyAuthorizer, `app.authorizer`);
  for (const entry of app.routes) {
    if (typeof entry.authorizer === 'object') addCode(entry.authorizer, `route ${routeKey(entry)}`);
  }
  errors.push(...checkAuthorizerNames(resolved, code.keys()));

  const authorizers = new Map<string, EffectiveAuthorizer>();
  for (const [name, { effective }] of code) authorizers.set(name, effective);
  for (const [name, declaration] of Object.entries(resolved.authorizers)) {
    if (authorizers.has(name)) continue; // reported by checkAuthorizerNames
    const result = await fromYamlDeclaration(name, declaration, options);
    if (result.ok) authorizers.set(name, result.authorizer);
    else for (const p of result.problems) issue(['authorizers', name, p.key], p.message, p.suggestion);
  }

  const codeRoutes = new Map(app.routes.map((entry) => [routeKey(entry), entry]));
  for (const key of Object.keys(resolved.routes)) {
    const entry = codeRoutes.get(key);
    if (!entry) {
      issue(['routes', key], `no route '${key}' is defined in code`, closest(key, codeRoutes.keys()));
    } else if (entry.authorizer !== undefined) {
      const inCode = typeof entry.authorizer === 'string' ? entry.authorizer : entry.authorizer.name;
      issue(
        ['routes', key, 'authorizer'],
        `route '${key}' already has authorizer '${inCode}' in code; remove it there or remove this binding`,
      );
    }
  }

  const routes: EffectiveRoute[] = [];
  for (const entry of app.routes) {
    const route = effectiveRoute(entry, resolved, authorizers);
    if (typeof route === 'string') {
      issue(
        [],
        `route ${routeKey(entry)}: ${route}`,
        closest(entry.authorizer as string, authorizers.keys()),
      );
    } else if (route) routes.push(route);
  }

  if (errors.length > 0) return { ok: false, errors: dedupe(errors) };
  return {
    ok: true,
    model: {
      appName: app.appName,
      stage: resolved.stage,
      apiGatewayStage: resolved.api_gateway_stage,
      routes,
      authorizers,
    },
  };
}

function effectiveRoute(
  entry: RouteEntry,
  resolved: ResolvedConfig,
  authorizers: Map<string, EffectiveAuthorizer>,
): EffectiveRoute | string | null {
  const base = { method: entry.method, path: entry.path, entry };
  if (typeof entry.authorizer === 'object') {
    const authorizer = authorizers.get(entry.authorizer.name) ?? null;
    return authorizer && { ...base, authorizer, source: 'code', scopes: entry.authorizer.scopes };
  }
  if (typeof entry.authorizer === 'string') {
    const authorizer = authorizers.get(entry.authorizer);
    if (!authorizer) return `authorizer '${entry.authorizer}' is not declared in chalice.yaml or in code`;
    return { ...base, authorizer, source: 'code', scopes: authorizer.scopes };
  }
  const binding = resolved.routes[routeKey(entry)];
  if (binding?.authorizer === 'none') return { ...base, authorizer: null, source: 'none', scopes: [] };
  if (binding) {
    const authorizer = authorizers.get(binding.authorizer);
    return authorizer
      ? { ...base, authorizer, source: 'yaml-route', scopes: binding.scopes ?? authorizer.scopes }
      : null;
  }
  if (resolved.default_authorizer !== undefined) {
    const authorizer = authorizers.get(resolved.default_authorizer);
    return authorizer ? { ...base, authorizer, source: 'default', scopes: authorizer.scopes } : null;
  }
  return { ...base, authorizer: null, source: 'none', scopes: [] };
}

// withScopes copies are the same authorizer; two different definitions under one name are not.
function sameDefinition(a: AnyAuthorizer, b: AnyAuthorizer): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'builtin') return (a as BuiltinAuthorizer).fn === (b as BuiltinAuthorizer).fn;
  if (a.kind === 'iam') return true;
  return JSON.stringify(a.toSwagger()) === JSON.stringify((b as typeof a).toSwagger());
}

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path.join('\u0000')}\u0001${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The model of an app without chalice.yaml (every authorizer from code).
 *
 * @example
 * ```ts
 * const result = await bindApp(app);
 * if (result.ok) for (const r of result.model.routes) console.log(r.method, r.path, r.authorizer?.name);
 * ```
 */
export function bindApp(app: Chalice, stage?: string): Promise<BindResult> {
  return bindConfig(app, defaultResolvedConfig(app.appName, stage), {
    projectDir: process.cwd(),
    loadModule: (file) => Promise.reject(new Error(`no chalice.yaml, nothing to load (${file})`)),
  });
}
