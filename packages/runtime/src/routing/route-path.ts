import { ChaliceRuntimeError } from '../errors/runtime-error.js';

/** One segment of an API Gateway REST resource path. */
export type PathSegment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

/** A validated resource path such as `/users/{id}/files/{proxy+}`. */
export interface ParsedRoutePath {
  readonly path: string;
  readonly segments: readonly PathSegment[];
  readonly paramNames: readonly string[];
}

const PARAM = /^\{([A-Za-z_][A-Za-z0-9_.-]*)(\+?)\}$/;
// API Gateway resource path parts: letters, digits and -._~ plus a few sub-delims; no braces.
const LITERAL = /^[A-Za-z0-9\-._~:@!$&'()*,;=]+$/;

function invalid(path: string, why: string): never {
  throw new ChaliceRuntimeError('INVALID_ROUTE', `Invalid route path ${JSON.stringify(path)}: ${why}.`);
}

/**
 * Parses and validates a route path with API Gateway's REST resource rules: it starts with `/`,
 * has no trailing slash or empty segment, uses `{name}` parameters and at most one greedy
 * `{name+}` parameter which must be the last segment.
 *
 * @example
 * ```ts
 * parseRoutePath('/users/{id}').paramNames; // ['id']
 * ```
 */
export function parseRoutePath(path: string): ParsedRoutePath {
  if (typeof path !== 'string' || path.length === 0) invalid(String(path), 'a route path must not be empty');
  if (!path.startsWith('/')) invalid(path, `a route path must start with "/" (did you mean "/${path}"?)`);
  if (path === '/') return { path, segments: [], paramNames: [] };
  if (path.endsWith('/')) {
    invalid(
      path,
      `a trailing slash is not allowed (did you mean ${JSON.stringify(path.replace(/\/+$/, ''))}?)`,
    );
  }
  const parts = path.slice(1).split('/');
  const segments: PathSegment[] = [];
  const paramNames: string[] = [];
  parts.forEach((part, index) => {
    if (part === '') invalid(path, 'empty path segments ("//") are not allowed');
    const param = PARAM.exec(part);
    if (param) {
      const name = param[1]!;
      const greedy = param[2] === '+';
      if (paramNames.includes(name)) invalid(path, `the parameter {${name}} appears twice`);
      if (greedy && index !== parts.length - 1) {
        invalid(path, `the greedy parameter {${name}+} must be the last segment`);
      }
      paramNames.push(name);
      segments.push(greedy ? { kind: 'greedy', name } : { kind: 'param', name });
      return;
    }
    if (part.includes('{') || part.includes('}')) {
      invalid(path, `the segment ${JSON.stringify(part)} must be a whole {parameter} or contain no braces`);
    }
    if (!LITERAL.test(part))
      invalid(path, `the segment ${JSON.stringify(part)} has characters API Gateway rejects`);
    segments.push({ kind: 'literal', value: part });
  });
  return { path, segments, paramNames };
}

/** Names of the path parameters in a route path, as a type: `'/a/{id}/{rest+}'` -> `'id' | 'rest'`. */
export type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${infer Greedy}+` ? Greedy : Name) | ParamNames<Rest>
  : never;

/** The `request.params` type of a route path. */
export type PathParams<P extends string> = string extends P
  ? Readonly<Record<string, string>>
  : { readonly [K in ParamNames<P>]: string };
