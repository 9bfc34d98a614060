import { ChaliceTsError } from '../errors.js';
import type { AuthContext } from '../model/types.js';
import { show } from '../model/validate.js';

/**
 * Why `context` cannot be an authorizer context, or `null` when it can. API Gateway only accepts
 * string, number and boolean values in an authorizer's `context` map (objects and arrays make it
 * fail with AuthorizerConfigurationException); absent/`null` context means "no context".
 */
export function contextProblem(context: unknown): string | null {
  if (context === undefined || context === null) return null;
  if (typeof context !== 'object' || Array.isArray(context)) {
    const problem = 'context must be an object of string/number/boolean values';
    return globalThis.__CHALICE_TS_PROD__ ? problem : `${problem}, got ${describe(context)}`;
  }
  for (const key of Object.keys(context)) {
    const value = (context as Record<string, unknown>)[key];
    const type = typeof value;
    if (type === 'string' || type === 'boolean') continue;
    if (type === 'number' && Number.isFinite(value)) continue;
    // Checked on every authorizer invocation (it fails closed in production bundles too); only the
    // description of the offending value is left out there.
    const problem = `context value for key "${key}" must be a string, number or boolean`;
    return globalThis.__CHALICE_TS_PROD__ ? problem : `${problem}, got ${describe(value)}`;
  }
  return null;
}

/**
 * Throws unless `context` is absent or a flat map of string/number/boolean values.
 *
 * @param where names the authorizer or call site, so the message says where to look.
 * @throws {ChaliceTsError} `INVALID_AUTH_CONTEXT`, naming the offending key.
 * @example
 * ```ts
 * assertPrimitiveContext({ user: 'jane', admin: true }, 'authorizer demo_auth'); // ok
 * assertPrimitiveContext({ roles: ['a'] }, 'authorizer demo_auth'); // throws: …key "roles"…
 * ```
 */
export function assertPrimitiveContext(
  context: unknown,
  where: string,
): asserts context is AuthContext | null | undefined {
  const problem = contextProblem(context);
  if (problem !== null) throw new ChaliceTsError('INVALID_AUTH_CONTEXT', `${where}: ${problem}.`);
}

/**
 * Converts context values to strings as API Gateway does before handing them to the integration
 * (`42` -> `'42'`, `true` -> `'true'`).
 *
 * @example
 * ```ts
 * stringifyContext({ n: 42, ok: true, who: 'jane' }); // { n: '42', ok: 'true', who: 'jane' }
 * ```
 */
export function stringifyContext(context: AuthContext | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!context) return out;
  for (const key of Object.keys(context)) out[key] = String(context[key]);
  return out;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (${truncate(show(value))})`;
  if (typeof value === 'object') return `an object (${truncate(show(value))})`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(truncate(value));
  return typeof value;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
