import type { LocalGateway } from '@chalice-ts/local';
import { encodeBody, type RequestBody, type RequestHeaders } from './request-body.js';
import { TestResponse } from './test-response.js';

/** Options of one request. */
export interface RequestOptions {
  headers?: RequestHeaders;
  /** Text or bytes as they are; any other value is sent as JSON (`Content-Type: application/json`). */
  body?: RequestBody;
  /** Query parameters, added to any query string in the path. */
  query?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** `requestContext.identity.sourceIp`; default `127.0.0.1`. */
  sourceIp?: string;
}

/**
 * Sends requests through the client's `LocalGateway`, in process: routing, every authorizer, the
 * TTL cache and the app's Lambda handler run exactly as under `chalice-ts local`.
 *
 * @example
 * ```ts
 * const res = await client.http.get('/', { headers: { Authorization: 'allow' } });
 * expect(res.statusCode).toBe(200);
 * await client.http.post('/items', { body: { name: 'x' } });
 * ```
 */
export class HttpClient {
  readonly #gateway: LocalGateway;

  constructor(gateway: LocalGateway) {
    this.#gateway = gateway;
  }

  /** Sends `method path` (the path may carry a query string). */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
    const { body, headers } = encodeBody(options.body, options.headers);
    const response = await this.#gateway.handleRequest({
      method,
      path,
      headers,
      body,
      ...(options.query !== undefined && { query: options.query }),
      ...(options.sourceIp !== undefined && { sourceIp: options.sourceIp }),
    });
    return new TestResponse(response);
  }

  get(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('GET', path, options);
  }

  post(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('POST', path, options);
  }

  put(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('PUT', path, options);
  }

  patch(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('PATCH', path, options);
  }

  delete(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('DELETE', path, options);
  }

  head(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('HEAD', path, options);
  }

  options(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('OPTIONS', path, options);
  }
}
