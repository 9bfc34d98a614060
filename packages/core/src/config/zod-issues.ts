import type { core } from 'zod';
import { didYouMean } from './did-you-mean.js';
import type { ConfigIssue, ConfigPath } from './issues.js';
import type { Locate } from './positions.js';
import { ROUTE_KEY_TEXT, ROUTE_METHODS } from './schema/document.js';

/** Allowed keys of each strict mapping that reported unknown keys, by JSON-encoded path. */
export type AllowedKeys = Map<string, string[]>;

interface Context {
  file: string;
  locate: Locate;
  allowed: AllowedKeys;
}

const GENERIC: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a value reads in a message: `"abc"`, `12`, `an empty list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

// Messages set in the schema read "expected …"; zod's own defaults are replaced by GENERIC words.
function expectedText(issue: core.$ZodIssue): string {
  if (issue.message.startsWith('expected ')) return issue.message.slice('expected '.length);
  if (issue.code === 'invalid_type') return GENERIC[issue.expected] ?? `a ${issue.expected}`;
  if (issue.code === 'invalid_value')
    return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
}

function routeKeySuggestion(key: string): string | undefined {
  const match = /^\s*([A-Za-z]+)\s+(\S*)\s*$/.exec(key);
  if (!match) return undefined;
  const method = match[1]!.toUpperCase();
  let path = match[2]!.startsWith('/') ? match[2]! : `/${match[2]}`;
  if (path.length > 1) path = path.replace(/\/+$/, '');
  const fixed = `${method} ${path}`;
  return (ROUTE_METHODS as readonly string[]).includes(method) && fixed !== key ? fixed : undefined;
}

function issue(
  ctx: Context,
  path: ConfigPath,
  at: 'key' | 'value',
  fields: Omit<ConfigIssue, 'file' | 'line' | 'column' | 'path'>,
): ConfigIssue {
  const { line, column } = ctx.locate(path, at);
  const out: ConfigIssue = { file: ctx.file, line, column, path, message: fields.message };
  if (fields.expected !== undefined) out.expected = fields.expected;
  if (fields.suggestion !== undefined) out.suggestion = fields.suggestion;
  return out;
}

function withSuggestion(message: string, suggestion: string | undefined): string {
  return suggestion === undefined ? message : `${message}; did you mean '${suggestion}'?`;
}

/** Turns zod's issues into human ones, each placed on the offending key or value. */
export function fromZodIssues(issues: readonly core.$ZodIssue[], ctx: Context): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const zi of issues) {
    const path = zi.path.filter((p): p is string | number => typeof p !== 'symbol');
    const input = (zi as { input?: unknown }).input;
    if (zi.code === 'unrecognized_keys') {
      const allowed = ctx.allowed.get(JSON.stringify(path)) ?? [];
      for (const key of zi.keys) {
        const suggestion = didYouMean(key, allowed);
        const expected = allowed.length > 0 ? `one of ${allowed.join(', ')}` : undefined;
        let message = withSuggestion('unknown key', suggestion);
        if (suggestion === undefined && allowed.length === 1)
          message = `unknown key: only ${allowed[0]} is allowed here`;
        else if (suggestion === undefined && expected) message = `unknown key (expected ${expected})`;
        out.push(issue(ctx, [...path, key], 'key', { message, expected, suggestion }));
      }
      continue;
    }
    if (zi.code === 'invalid_key') {
      const inner = zi.issues[0];
      const expected = inner?.message.startsWith('expected ') ? inner.message.slice(9) : 'a valid key';
      const key = String(path[path.length - 1]);
      const suggestion = expected === ROUTE_KEY_TEXT ? routeKeySuggestion(key) : undefined;
      const message = withSuggestion(`invalid key: expected ${expected}`, suggestion);
      out.push(issue(ctx, path, 'key', { message, expected, suggestion }));
      continue;
    }
    if (zi.code === 'invalid_union' && zi.discriminator !== undefined && 'options' in zi && zi.options) {
      const options = zi.options.map(String);
      const expected = `one of ${options.join(', ')}`;
      const got = isMapping(input) ? input[zi.discriminator] : undefined;
      if (got === undefined) {
        out.push(
          issue(ctx, path, 'key', { message: `missing required key: expected ${expected}`, expected }),
        );
      } else {
        const suggestion = typeof got === 'string' ? didYouMean(got, options) : undefined;
        const message = withSuggestion(`expected ${expected}, got ${describeValue(got)}`, suggestion);
        out.push(issue(ctx, path, 'value', { message, expected, suggestion }));
      }
      continue;
    }
    const expected = expectedText(zi);
    if (zi.code === 'invalid_type' && input === undefined) {
      out.push(issue(ctx, path, 'key', { message: `missing required key: expected ${expected}`, expected }));
      continue;
    }
    let suggestion: string | undefined;
    if (zi.code === 'invalid_value' && typeof input === 'string') {
      suggestion = didYouMean(
        input,
        zi.values.filter((v): v is string => typeof v === 'string'),
      );
    }
    const got = zi.code === 'custom' ? '' : `, got ${describeValue(input)}`;
    out.push(
      issue(ctx, path, 'value', {
        message: withSuggestion(`expected ${expected}${got}`, suggestion),
        expected,
        suggestion,
      }),
    );
  }
  return out;
}
