import { BadRequestError } from '../errors/view-errors.js';
import type { ApiGatewayProxyEvent, ApiGatewayRequestContext, LambdaContext } from '../lambda/events.js';
import { MultiDict } from './multi-dict.js';

const NOT_PARSED = Symbol('not parsed');

// `/[/+]json\b/i` without a regular expression (the first one a process runs costs ~0.2 ms of cold start).
function isJsonType(type: string): boolean {
  const lower = type.toLowerCase();
  for (let at = lower.indexOf('json'); at !== -1; at = lower.indexOf('json', at + 1)) {
    const before = lower.charCodeAt(at - 1);
    const after = lower.charCodeAt(at + 4); // NaN past the end
    const wordAfter = (after >= 48 && after <= 57) || (after >= 97 && after <= 122) || after === 95;
    if ((before === 47 || before === 43) && !wordAfter) return true;
  }
  return false;
}

function decodeParam(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape (e.g. a lone "%") is kept as sent rather than failing the request.
    return value;
  }
}

/**
 * The request a route handler receives (also `app.currentRequest`), read from an API Gateway proxy
 * event. Everything is computed lazily on first access, so an unused field costs nothing.
 *
 * @example
 * ```ts
 * app.route('/users/{id}', { methods: ['PUT'] }, (request) => {
 *   const body = request.json as { name: string };
 *   return { id: request.params.id, name: body.name, agent: request.headers.get('user-agent') };
 * });
 * ```
 */
export class Request<Params extends Readonly<Record<string, string>> = Readonly<Record<string, string>>> {
  /** The raw Lambda event. */
  declare readonly event: ApiGatewayProxyEvent;
  /** The Lambda context of the invocation. */
  declare readonly lambdaContext: LambdaContext | undefined;
  #rawParams: Readonly<Record<string, string | undefined>> | null | undefined;
  #headers?: MultiDict;
  #query?: MultiDict;
  #params?: Params;
  #rawBody?: Uint8Array;
  #json: unknown = NOT_PARSED;

  constructor(
    event: ApiGatewayProxyEvent,
    lambdaContext?: LambdaContext,
    rawParams?: Readonly<Record<string, string | undefined>> | null,
  ) {
    this.event = event;
    this.lambdaContext = lambdaContext;
    this.#rawParams = rawParams ?? event.pathParameters;
  }

  /** Upper-case HTTP method. */
  get method(): string {
    return (this.event.httpMethod ?? this.event.requestContext?.httpMethod ?? 'GET').toUpperCase();
  }

  /** The request path (without stage), e.g. `/users/42`. */
  get path(): string {
    return this.event.path ?? '/';
  }

  /** Headers; names compare case-insensitively, repeated headers keep every value. */
  get headers(): MultiDict {
    this.#headers ??= new MultiDict(this.event.headers, this.event.multiValueHeaders, {
      caseInsensitive: true,
    });
    return this.#headers;
  }

  /** Query string parameters (multi-value aware). */
  get query(): MultiDict {
    this.#query ??= new MultiDict(
      this.event.queryStringParameters,
      this.event.multiValueQueryStringParameters,
      {
        caseInsensitive: false,
      },
    );
    return this.#query;
  }

  /** Path parameters, URL-decoded (API Gateway REST passes them encoded). */
  get params(): Params {
    if (!this.#params) {
      const params: Record<string, string> = {};
      const raw = this.#rawParams ?? {};
      for (const name of Object.keys(raw)) {
        const value = raw[name];
        if (value !== undefined && value !== null) params[name] = decodeParam(value);
      }
      this.#params = params as Params;
    }
    return this.#params;
  }

  /** The body as bytes (base64 bodies decoded); empty when there is none. */
  get rawBody(): Uint8Array {
    if (!this.#rawBody) {
      const body = this.event.body ?? '';
      this.#rawBody = Buffer.from(body, this.event.isBase64Encoded ? 'base64' : 'utf8');
    }
    return this.#rawBody;
  }

  /** The body as text (UTF-8). */
  get text(): string {
    const body = this.event.body ?? '';
    return this.event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  }

  /**
   * The body parsed as JSON, or `undefined` when there is no body or it is not JSON by content type.
   * Malformed JSON throws `BadRequestError` (rendered as 400), never a crash.
   */
  get json(): unknown {
    if (this.#json === NOT_PARSED) {
      const type = this.headers.get('content-type');
      const text = this.text;
      if (text === '' || (type !== undefined && !isJsonType(type))) this.#json = undefined;
      else {
        try {
          this.#json = JSON.parse(text);
        } catch (cause) {
          throw new BadRequestError('Error Parsing JSON', { cause });
        }
      }
    }
    return this.#json;
  }

  /** API Gateway's `requestContext`, including `authorizer` (context values and `principalId`). */
  get context(): ApiGatewayRequestContext {
    return this.event.requestContext ?? {};
  }

  /** Stage variables (empty when none). */
  get stageVars(): Readonly<Record<string, string | undefined>> {
    return this.event.stageVariables ?? {};
  }

  /** What `JSON.stringify(request)` prints: the parsed fields, for logging and debugging. */
  toJSON(): Record<string, unknown> {
    return {
      method: this.method,
      path: this.path,
      headers: this.headers,
      query: this.query,
      params: this.params,
      context: this.context,
      stageVars: this.stageVars,
    };
  }
}
