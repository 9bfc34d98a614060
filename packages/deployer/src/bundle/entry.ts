import type { AuthorizerSourceModel, ResourceModel } from '../model/index.js';

/** One authorizer export of the bundle: `export const <exportName> = ...`. */
export interface AuthorizerHandlerInput extends AuthorizerSourceModel {
  /** The bundle export Lambda calls (`index.<exportName>`). */
  readonly handlerExport: string;
}

/** The authorizer exports a stack needs, from its resource model. */
export function authorizerHandlersOf(resources: ResourceModel): AuthorizerHandlerInput[] {
  return resources.authorizerFunctions.flatMap((fn) =>
    fn.authorizer ? [{ ...fn.authorizer, handlerExport: fn.exportName }] : [],
  );
}

const specifier = (path: string): string =>
  JSON.stringify(path.startsWith('.') || path.startsWith('/') ? path : `./${path}`);

/**
 * The generated entry module of the Lambda bundle: it imports the user's app module and exports
 * `handler` (API Gateway proxy events) plus one export per built-in authorizer. Code-defined
 * authorizers are looked up on `app.builtinAuthorizers`; YAML-declared `path#export` functions are
 * wrapped in the runtime's `BuiltinAuthorizer`, which applies the same AuthResponse/policy rules.
 */
export function generateEntrySource(options: {
  readonly entry: string;
  readonly authorizerHandlers: readonly AuthorizerHandlerInput[];
  readonly runtimeModule?: string;
}): string {
  const lines = [`import * as userModule from ${specifier(options.entry)};`];
  const yaml = options.authorizerHandlers.filter((a) => a.source === 'yaml');
  if (yaml.length > 0) {
    lines.push(
      `import { BuiltinAuthorizer } from ${JSON.stringify(options.runtimeModule ?? '@chalice-ts/runtime')};`,
    );
  }
  yaml.forEach((a, i) => {
    lines.push(
      `import { ${JSON.stringify(a.exportName ?? 'default')} as yamlAuthorizer${i} } from ${specifier(a.module ?? '')};`,
    );
  });
  lines.push(
    'const app = userModule.app ?? userModule.default;',
    "if (!app || typeof app.handler !== 'function') throw new Error('chalice-ts: the entry module must export `app` (named or default).');",
    'export const handler = (event, context) => app.handler(event, context);',
    'const builtin = (name) => {',
    '  const authorizer = app.builtinAuthorizers.get(name);',
    "  if (!authorizer) throw new Error('chalice-ts: built-in authorizer ' + name + ' is not defined by the app');",
    '  return authorizer;',
    '};',
  );
  if (yaml.length > 0) {
    // A YAML `path#export` may name a plain function or an authorizer made with app.authorizer().
    lines.push(
      "const yamlHandler = (value, spec) => value && value.kind === 'builtin' && typeof value.handler === 'function' ? value.handler : new BuiltinAuthorizer(value, spec).handler;",
    );
  }
  for (const a of options.authorizerHandlers) {
    if (a.source === 'code') {
      lines.push(
        `export const ${a.handlerExport} = (event, context) => builtin(${JSON.stringify(a.name)}).handler(event, context);`,
      );
    }
  }
  yaml.forEach((a, i) => {
    const spec = {
      name: a.name,
      header: a.header,
      type: a.type,
      ...(a.type === 'request' && { identitySources: a.identitySources }),
      ...(a.ttlSeconds !== undefined && { ttlSeconds: a.ttlSeconds }),
    };
    lines.push(`export const ${a.handlerExport} = yamlHandler(yamlAuthorizer${i}, ${JSON.stringify(spec)});`);
  });
  return `${lines.join('\n')}\n`;
}
