import { assertRoutePath } from './route-path-checks.js';

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

/**
 * Parses and validates a route path with API Gateway's REST resource rules: it starts with `/`,
 * has no trailing slash or empty segment, uses `{name}` parameters and at most one greedy
 * `{name+}` parameter which must be the last segment. A production bundle skips the validation
 * (it ran when the app was packaged; docs/decisions/0002-production-bundles.md).
 *
 * @example
 * ```ts
 * parseRoutePath('/users/{id}').paramNames; // ['id']
 * ```
 */
export function parseRoutePath(path: string): ParsedRoutePath {
  if (!globalThis.__CHALICE_TS_PROD__) assertRoutePath(path);
  const segments: PathSegment[] = [];
  const paramNames: string[] = [];
  if (path !== '/') {
    // A checked path's segment is a parameter exactly when it starts with `{` (no regular
    // expression here: the first one a process runs costs a cold start ~0.2 ms).
    for (const part of path.slice(1).split('/')) {
      if (part.charCodeAt(0) !== 123) {
        segments.push({ kind: 'literal', value: part });
        continue;
      }
      const greedy = part.endsWith('+}');
      const name = part.slice(1, greedy ? -2 : -1);
      paramNames.push(name);
      segments.push(greedy ? { kind: 'greedy', name } : { kind: 'param', name });
    }
  }
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
