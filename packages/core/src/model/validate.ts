/** Argument checks for the authorizer constructors: user mistakes fail at construction, loudly. */
import type { ApiGatewayAuthorizerObject, SecurityDefinition } from './types.js';

/** One Swagger `securityDefinitions` entry as Chalice emits it (the authorizer object only when given). */
export function securityDefinition(
  name: string,
  authtype: SecurityDefinition['x-amazon-apigateway-authtype'],
  authorizer?: ApiGatewayAuthorizerObject,
): SecurityDefinition {
  const definition: SecurityDefinition = {
    in: 'header',
    type: 'apiKey',
    name,
    'x-amazon-apigateway-authtype': authtype,
  };
  if (authorizer) definition['x-amazon-apigateway-authorizer'] = authorizer;
  return definition;
}

export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${what} must be a non-empty string, received: ${show(value)}`);
  }
  return value;
}

export function optionalString(value: unknown, what: string): string | undefined {
  return value === undefined || value === null ? undefined : requireString(value, what);
}

export function stringList(value: unknown, what: string): readonly string[] {
  if (value === undefined || value === null) return Object.freeze([]);
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    throw new TypeError(`${what} must be an array of non-empty strings, received: ${show(value)}`);
  }
  return Object.freeze([...value]);
}

/** API Gateway accepts an authorizer result TTL from 0 (no caching) to 3600 seconds. */
export function ttl(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 3600) {
    throw new TypeError(`${what} must be an integer from 0 to 3600, received: ${show(value)}`);
  }
  return value;
}
