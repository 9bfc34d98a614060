import { DeployerError } from '../errors.js';
import type { CorsInput, EffectiveAuthorizerInput } from './input.js';
import type { AuthorizerSourceModel } from './resource-model.js';

export function authorizerSource(
  authorizer: EffectiveAuthorizerInput,
  spec: {
    type: 'token' | 'request';
    header: string;
    identitySources: readonly string[];
    ttlSeconds: number | undefined;
  },
): AuthorizerSourceModel {
  const { ttlSeconds, ...rest } = spec;
  const base = { name: authorizer.name, ...rest, ...(ttlSeconds !== undefined && { ttlSeconds }) };
  const ref = authorizer.handlerRef;
  if (authorizer.source === 'yaml' && ref !== undefined) {
    const hash = ref.ref.lastIndexOf('#');
    const module = hash === -1 ? ref.ref : ref.ref.slice(0, hash);
    return { ...base, source: 'yaml', module, exportName: ref.exportName };
  }
  return { ...base, source: 'code' };
}

/** Lambda function names: 1-64 characters of `[A-Za-z0-9_-]` (CreateFunction's FunctionName rule). */
export function checkFunctionName(name: string): void {
  if (/^[A-Za-z0-9_-]{1,64}$/.test(name)) return;
  throw new DeployerError(
    'INVALID_MODEL',
    `Lambda function name '${name}' is not valid: Lambda allows 1-64 letters, digits, '-' and '_'. ` +
      'Shorten app_name, the stage or the authorizer name.',
  );
}

export function normalizeCors(cors: boolean | CorsInput | null | undefined): CorsInput | null {
  if (cors === true) return {};
  if (cors === false || cors === null || cors === undefined) return null;
  return cors;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
