import { type IdentitySource, parseIdentitySource } from '@chalice-ts/core';
import type { RequestFacts } from './proxy-event.js';

/** A parsed identity source, ready for lookups (header names lower-cased once, at bind time). */
export interface CompiledIdentitySource extends IdentitySource {
  /** The lookup key: lower-cased for headers, as written otherwise. */
  readonly key: string;
}

/** Parses identity sources once (`header:X-Api-Key`, `query:token`, `stage:x`, `context:x`). */
export function compileIdentitySources(sources: readonly string[]): CompiledIdentitySource[] {
  return sources.map((source) => {
    const parsed = parseIdentitySource(source);
    return { ...parsed, key: parsed.kind === 'header' ? parsed.name.toLowerCase() : parsed.name };
  });
}

/**
 * Reads every identity source from the request. API Gateway rejects the request with 401 without
 * invoking the authorizer when any source is missing or empty, so this returns `null` then.
 *
 * @example
 * ```ts
 * const values = readIdentitySources(compileIdentitySources(['header:X-Api-Key']), facts);
 * if (values === null) return GATEWAY_ERRORS.unauthorized;
 * ```
 */
export function readIdentitySources(
  sources: readonly CompiledIdentitySource[],
  facts: RequestFacts,
): string[] | null {
  const values: string[] = [];
  for (const source of sources) {
    const value = readOne(source, facts);
    if (value === undefined || value === '') return null;
    values.push(value);
  }
  return values;
}

function readOne(source: CompiledIdentitySource, facts: RequestFacts): string | undefined {
  switch (source.kind) {
    case 'header':
      return facts.headers.lower.get(source.key);
    case 'query':
      return facts.query.single?.[source.key];
    case 'stage':
      return facts.stageVariables?.[source.key];
    case 'context':
      return contextValue(facts.requestContext, source.key);
  }
}

// `$context` variables are addressed with dots (`identity.sourceIp`).
function contextValue(context: object, path: string): string | undefined {
  let current: unknown = context;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  if (typeof current === 'string') return current;
  if (typeof current === 'number' || typeof current === 'boolean') return String(current);
  return undefined;
}
