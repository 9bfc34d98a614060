import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoutePath } from './route-path.js';
import { Router } from './router.js';

/**
 * Reference matcher: every resource that can match the path, ranked by API Gateway's precedence
 * segment by segment (literal 0 < {param} 1 < {proxy+} 2); the smallest rank list wins.
 */
function reference(
  paths: readonly string[],
  path: string,
): { resourcePath: string; params: Record<string, string> } | null {
  const parts = path === '/' ? [] : path.slice(1).split('/');
  const candidates: { resourcePath: string; rank: number[]; params: Record<string, string> }[] = [];
  for (const resourcePath of paths) {
    const { segments } = parseRoutePath(resourcePath);
    const rank: number[] = [];
    const params: Record<string, string> = {};
    let ok = true;
    let consumed = 0;
    for (const [i, segment] of segments.entries()) {
      const part = parts[i];
      if (part === undefined) {
        ok = false;
        break;
      }
      if (segment.kind === 'literal') {
        ok = segment.value === part;
        rank.push(0);
      } else if (segment.kind === 'param') {
        params[segment.name] = part;
        rank.push(1);
      } else {
        params[segment.name] = parts.slice(i).join('/');
        rank.push(2);
        consumed = parts.length - i - 1;
      }
      if (!ok) break;
    }
    if (ok && segments.length + consumed === parts.length) candidates.push({ resourcePath, rank, params });
  }
  candidates.sort((a, b) => {
    for (let i = 0; i < Math.min(a.rank.length, b.rank.length); i++)
      if (a.rank[i] !== b.rank[i]) return a.rank[i]! - b.rank[i]!;
    return a.rank.length - b.rank.length;
  });
  const best = candidates[0];
  return best ? { resourcePath: best.resourcePath, params: best.params } : null;
}

const literal = fc.constantFrom('a', 'b', 'c');
// One parameter name per depth keeps the route sets valid (API Gateway allows one variable per level).
const segment = (depth: number) => fc.oneof(literal, fc.constant(`{p${depth}}`), fc.constant(`{g${depth}+}`));
const routePath = fc
  .integer({ min: 0, max: 3 })
  .chain((length) => fc.tuple(...Array.from({ length }, (_, depth) => segment(depth))))
  .map((segments) => `/${segments.join('/')}`)
  .filter((path) => {
    try {
      parseRoutePath(path);
      return true;
    } catch {
      return false;
    }
  });
const requestPath = fc.array(literal, { minLength: 0, maxLength: 4 }).map((parts) => `/${parts.join('/')}`);

describe('Router (property)', () => {
  it('picks the same resource and parameters as the precedence-ranked reference', () => {
    fc.assert(
      fc.property(fc.uniqueArray(routePath, { maxLength: 8 }), requestPath, (paths, path) => {
        // Drop paths with a sibling variable of another kind than an earlier path's: not a valid API.
        const usable = paths.filter((p, i) => paths.slice(0, i).every((q) => compatible(p, q)));
        const router = new Router(usable.map((p) => ({ path: p, method: 'GET' })));
        const hit = router.match('GET', path);
        const expected = reference(usable, path);
        if (expected === null) expect(hit).toBeNull();
        else expect(hit).toMatchObject(expected);
      }),
      { numRuns: 300 },
    );
  });
});

function compatible(a: string, b: string): boolean {
  const sa = a.split('/');
  const sb = b.split('/');
  for (let i = 1; i < Math.min(sa.length, sb.length); i++) {
    if (sa[i] === sb[i]) continue;
    const varA = sa[i]!.startsWith('{');
    const varB = sb[i]!.startsWith('{');
    return !(varA && varB);
  }
  return true;
}
