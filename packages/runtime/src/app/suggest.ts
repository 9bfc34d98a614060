/** Levenshtein distance, one row at a time. */
function distance(a: string, b: string): number {
  const row = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(current + 1, row[j - 1]! + 1, previous + +(a[i - 1] !== b[j - 1]));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * The closest candidate to a misspelled word, or `undefined` when none is close. A small copy of
 * core/config's `didYouMean`: the runtime must not pull the config module (zod, yaml) into Lambda.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const score = distance(lower, candidate.toLowerCase());
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** ` (did you mean "x"?)` or the empty string. */
export function didYouMeanSuffix(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`;
}

/** A short, safe description of any value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'function')
    return `function ${value.name ? JSON.stringify(value.name) : '(anonymous)'}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return 'an array';
  const ctor = (value as { constructor?: { name?: string } }).constructor?.name;
  return ctor && ctor !== 'Object' ? `a ${ctor}` : 'a plain object';
}

/** Throws when `options` has a key outside `allowed`, naming it and the closest allowed one. */
export function rejectUnknownKeys(
  options: object,
  allowed: readonly string[],
  where: string,
  fail: (message: string) => never,
): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      fail(
        `${where}: unknown option ${JSON.stringify(key)}${didYouMeanSuffix(key, allowed)}. ` +
          `Valid options: ${allowed.join(', ')}.`,
      );
    }
  }
}
