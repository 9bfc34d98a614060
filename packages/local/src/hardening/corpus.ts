import { readFileSync } from 'node:fs';

/** What a corpus case expects (fields described in `hardening/README.md`). */
export interface CaseExpectation {
  status: number;
  errorType?: string;
  reachesHandler: boolean;
  /** The method the handler must see (method-override cases). */
  handlerMethod?: string;
}

/** One adversarial request and API Gateway's answer to it. */
export interface CorpusCase {
  id: string;
  category: string;
  description: string;
  request: { method: string; path: string; headers: Array<[string, string]> };
  expect: CaseExpectation & { http?: CaseExpectation };
  transports?: Transport[];
  rule: string;
  confidence: 'documented' | 'observed' | 'inferred';
}

export type Transport = 'gateway' | 'http';

/** What a transport observed for one case. */
export interface Observed {
  status: number;
  errorType: string | undefined;
  /** The name of the handler that ran (its response header), or null. */
  handler: string | null;
  handlerMethod: string | null;
  /** Set when the request could not be completed at all. */
  failure?: string;
}

/** One case's verdict: a bypass is a request that got past authorization where it must not. */
export interface Verdict {
  c: CorpusCase;
  expected: CaseExpectation;
  observed: Observed;
  bypass: boolean;
  mismatch: string | null;
}

const CORPUS_URL = new URL('../../../../hardening/corpus.jsonl', import.meta.url);

/** Reads `hardening/corpus.jsonl` (one case per line, written by `hardening/gen-corpus.mjs`). */
export function loadCorpus(): CorpusCase[] {
  return readFileSync(CORPUS_URL, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusCase);
}

/** The cases a transport runs. */
export function casesFor(cases: readonly CorpusCase[], transport: Transport): CorpusCase[] {
  return cases.filter((c) => c.transports === undefined || c.transports.includes(transport));
}

/** The expectation for a transport: the dev server's own, when its HTTP parser refuses first. */
export function expectationFor(c: CorpusCase, transport: Transport): CaseExpectation {
  return transport === 'http' && c.expect.http !== undefined ? c.expect.http : c.expect;
}

/**
 * Headers as they reach API Gateway after HTTP parsing: obs-fold replaced by SP (RFC 9112 §5.2),
 * leading/trailing OWS dropped (§5.1), names differing only in case joined under the first spelling.
 */
export function parsedHeaders(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const spelling = new Map<string, string>();
  for (const [name, raw] of pairs) {
    const value = raw.replace(/\r\n[ \t]+/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
    const key = spelling.get(name.toLowerCase());
    if (key === undefined) {
      spelling.set(name.toLowerCase(), name);
      out[name] = [value];
    } else {
      out[key]!.push(value);
    }
  }
  return out;
}

/** Compares what happened with what API Gateway would do. */
export function judge(c: CorpusCase, transport: Transport, observed: Observed): Verdict {
  const expected = expectationFor(c, transport);
  const reached = observed.handler !== null;
  const success = observed.status >= 200 && observed.status < 300;
  const refused = expected.status === 401 || expected.status === 403;
  const bypass = (!expected.reachesHandler && reached) || (refused && (reached || success));
  const problems: string[] = [];
  if (observed.failure !== undefined) problems.push(`failed: ${observed.failure}`);
  if (observed.status !== expected.status)
    problems.push(`status ${observed.status} (expected ${expected.status})`);
  if (expected.errorType !== undefined && observed.errorType !== expected.errorType) {
    problems.push(`x-amzn-ErrorType ${observed.errorType ?? 'none'} (expected ${expected.errorType})`);
  }
  if (reached !== expected.reachesHandler) {
    problems.push(reached ? `reached handler ${observed.handler}` : 'did not reach the handler');
  }
  if (expected.handlerMethod !== undefined && reached && observed.handlerMethod !== expected.handlerMethod) {
    problems.push(`handler saw ${observed.handlerMethod} (expected ${expected.handlerMethod})`);
  }
  return { c, expected, observed, bypass, mismatch: problems.length === 0 ? null : problems.join('; ') };
}

/** A plain-text table of verdicts for the test log. */
export function formatTable(title: string, verdicts: readonly Verdict[]): string {
  const rows = verdicts.map((v) => [
    v.c.id,
    v.bypass ? 'BYPASS' : 'mismatch',
    `${v.expected.status}${v.expected.errorType ? ` ${v.expected.errorType}` : ''}`,
    `${v.observed.status}${v.observed.errorType ? ` ${v.observed.errorType}` : ''}${v.observed.handler ? ` [${v.observed.handler}]` : ''}`,
    v.c.confidence,
    truncate(`${v.c.request.method} ${v.c.request.path}`, 48),
  ]);
  const head = ['id', 'kind', 'expected', 'observed', 'confidence', 'request'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [title, line(head), ...rows.map(line)].join('\n');
}

function truncate(s: string, n: number): string {
  const printable = JSON.stringify(s).slice(1, -1);
  return printable.length <= n ? printable : `${printable.slice(0, n - 1)}…`;
}
