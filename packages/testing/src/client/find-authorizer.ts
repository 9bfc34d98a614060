import { didYouMean } from '@chalice-ts/core/config';
import type { EffectiveAuthorizer } from '@chalice-ts/runtime/binding';
import { TestingError } from '../errors.js';

/** The named authorizer of the bound app, checked to be of one of the `kinds` asked for. */
export function findAuthorizer(
  authorizers: ReadonlyMap<string, EffectiveAuthorizer>,
  name: string,
  kinds: readonly string[],
): EffectiveAuthorizer {
  const found = authorizers.get(name);
  if (found === undefined) {
    const names = [...authorizers.keys()];
    const suggestion = didYouMean(name, names);
    const hint = suggestion === undefined ? '' : `; did you mean '${suggestion}'?`;
    const known = names.length === 0 ? 'the app has none' : `known: ${names.join(', ')}`;
    throw new TestingError('UNKNOWN_AUTHORIZER', `no authorizer named '${name}' (${known})${hint}`);
  }
  if (!kinds.includes(found.kind)) {
    throw new TestingError(
      'WRONG_AUTHORIZER_KIND',
      `authorizer '${name}' is ${found.kind}, expected ${kinds.join(' or ')}`,
    );
  }
  return found;
}
