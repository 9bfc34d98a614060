import { ChaliceRuntimeError } from '../errors/runtime-error.js';

// API Gateway resource path parts: letters, digits and -._~ plus a few sub-delims; no braces.
const LITERAL = /^[A-Za-z0-9\-._~:@!$&'()*,;=]+$/;
const PARAM = /^\{([A-Za-z_][A-Za-z0-9_.-]*)(\+?)\}$/;

function invalid(path: string, why: string): never {
  throw new ChaliceRuntimeError('INVALID_ROUTE', `Invalid route path ${JSON.stringify(path)}: ${why}.`);
}

/**
 * Throws `INVALID_ROUTE` unless `path` follows API Gateway's REST resource rules. Registration-time
 * only: production bundles drop it (docs/decisions/0002-production-bundles.md).
 */
export function assertRoutePath(path: string): void {
  if (typeof path !== 'string' || path.length === 0) invalid(String(path), 'a route path must not be empty');
  if (!path.startsWith('/')) invalid(path, `a route path must start with "/" (did you mean "/${path}"?)`);
  if (path === '/') return;
  if (path.endsWith('/')) {
    invalid(
      path,
      `a trailing slash is not allowed (did you mean ${JSON.stringify(path.replace(/\/+$/, ''))}?)`,
    );
  }
  const parts = path.slice(1).split('/');
  const names: string[] = [];
  parts.forEach((part, index) => {
    if (part === '') invalid(path, 'empty path segments ("//") are not allowed');
    const match = PARAM.exec(part);
    if (match) {
      const name = match[1]!;
      if (names.includes(name)) invalid(path, `the parameter {${name}} appears twice`);
      if (match[2] === '+' && index !== parts.length - 1) {
        invalid(path, `the greedy parameter {${name}+} must be the last segment`);
      }
      names.push(name);
      return;
    }
    if (part.includes('{') || part.includes('}')) {
      invalid(path, `the segment ${JSON.stringify(part)} must be a whole {parameter} or contain no braces`);
    }
    if (!LITERAL.test(part))
      invalid(path, `the segment ${JSON.stringify(part)} has characters API Gateway rejects`);
  });
}
