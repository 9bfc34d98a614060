import { inspect } from 'node:util';
import type { GatewayDiagnostics, GatewayResponse } from '@chalice-ts/local';
import { TestingError } from '../errors.js';
import { type ResponseHeaders, responseHeaders } from './response-headers.js';

const PREVIEW = 300;

/**
 * What the gateway answered, plus why. `reason` (and `diagnostics`) exist only in tests: the dev
 * server never sends them. Printing a response (`String(res)`, `console.log(res)`, a failed
 * `expect(res).toMatchObject(...)`) shows status, reason and body.
 *
 * @example
 * ```ts
 * const res = await client.http.get('/other', { headers: { Authorization: 'allow' } });
 * res.statusCode; // 403
 * res.reason;     // 'no Allow statement matches arn:aws:execute-api:…/GET/other'
 * ```
 */
export class TestResponse {
  readonly statusCode: number;
  /** Lower-cased names, read in any case: `res.headers['Content-Type']`. */
  readonly headers: ResponseHeaders;
  /** The body as the gateway returned it (base64 when `isBase64Encoded`). */
  readonly body: string;
  readonly isBase64Encoded: boolean;
  /** Why the gateway answered as it did, e.g. `no Authorization header`, `valid Cognito token`. */
  readonly reason: string;
  /** The gateway's full diagnostics: reason, authorizer, decision and cache state. */
  readonly diagnostics: GatewayDiagnostics;
  #json: { value: unknown } | null = null;

  constructor(response: GatewayResponse) {
    this.statusCode = response.statusCode;
    this.headers = responseHeaders(response.headers, response.multiValueHeaders);
    this.body = response.body;
    this.isBase64Encoded = response.isBase64Encoded === true;
    this.diagnostics = response.diagnostics;
    this.reason = response.diagnostics.reason;
  }

  /** The body parsed as JSON (once); throws a `TestingError` naming the status and body when it is not JSON. */
  get json(): unknown {
    if (this.#json === null) {
      try {
        this.#json = { value: JSON.parse(this.text) };
      } catch (cause) {
        throw new TestingError(
          'NOT_JSON',
          `response body is not JSON (status ${this.statusCode}, reason: ${this.reason}): ${preview(this.text, 80)}`,
          { cause },
        );
      }
    }
    return this.#json.value;
  }

  /** The body as text (decoded when the gateway base64-encoded it). */
  get text(): string {
    return this.isBase64Encoded ? Buffer.from(this.body, 'base64').toString('utf8') : this.body;
  }

  /** The body as bytes. */
  get bytes(): Uint8Array {
    return this.isBase64Encoded ? Buffer.from(this.body, 'base64') : Buffer.from(this.body, 'utf8');
  }

  toString(): string {
    const d = this.diagnostics;
    const by =
      d.authorizer === null ? '' : ` [authorizer ${d.authorizer}: ${d.decision}, cache ${d.cache ?? '-'}]`;
    return `HTTP ${this.statusCode} (reason: ${this.reason})${by}\n${preview(this.text, PREVIEW)}`;
  }

  [inspect.custom](): string {
    return `TestResponse ${this.toString()}`;
  }

  /** What `JSON.stringify` and snapshot serializers see. */
  toJSON(): Record<string, unknown> {
    return {
      statusCode: this.statusCode,
      reason: this.reason,
      headers: { ...this.headers },
      body: this.body,
    };
  }
}

function preview(text: string, max: number): string {
  if (text === '') return '(empty body)';
  return text.length > max
    ? `${JSON.stringify(text.slice(0, max))}… (${text.length} chars)`
    : JSON.stringify(text);
}
