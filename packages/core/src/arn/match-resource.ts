const STAR = 42; // '*'
const QUESTION = 63; // '?'

/**
 * Matches an IAM policy `Resource` pattern against a method ARN the way IAM does: `*` matches any
 * run of characters (including `/` and `:`), `?` exactly one character, everything else is literal
 * and case-sensitive; the whole ARN must match.
 *
 * A linear glob matcher that backtracks only to the last `*`: no regular expression is built per
 * call and nothing is cached. `?` counts UTF-16 code units (ARNs API Gateway builds are ASCII).
 *
 * @example
 * ```ts
 * matchResource('arn:aws:execute-api:*:*:abc/api/GET/*', 'arn:aws:execute-api:us-east-1:1:abc/api/GET/a/b'); // true
 * matchResource('arn:aws:execute-api:*:*:abc/api/GET/?', 'arn:aws:execute-api:us-east-1:1:abc/api/GET/ab'); // false
 * ```
 */
export function matchResource(pattern: string, arn: string): boolean {
  const pl = pattern.length;
  const sl = arn.length;
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < sl) {
    if (p < pl) {
      const c = pattern.charCodeAt(p);
      if (c === STAR) {
        starP = p++;
        starS = s;
        continue;
      }
      if (c === QUESTION || c === arn.charCodeAt(s)) {
        p++;
        s++;
        continue;
      }
    }
    if (starP === -1) return false;
    // Let the last `*` swallow one more character and retry from just after it.
    p = starP + 1;
    s = ++starS;
  }
  while (p < pl && pattern.charCodeAt(p) === STAR) p++;
  return p === pl;
}
