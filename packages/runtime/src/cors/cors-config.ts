/** Options of `new CORSConfig(...)` (Chalice's `CORSConfig` keyword arguments, camelCased). */
export interface CORSConfigOptions {
  allowOrigin?: string;
  allowHeaders?: readonly string[];
  exposeHeaders?: readonly string[];
  maxAge?: number;
  allowCredentials?: boolean;
}

// Chalice's _CORS_DEFAULT_HEADERS: always allowed on top of `allowHeaders`.
const DEFAULT_HEADERS = ['Authorization', 'Content-Type', 'X-Amz-Date', 'X-Amz-Security-Token', 'X-Api-Key'];

/**
 * CORS settings of a route (`cors: true` means `new CORSConfig()`, i.e. any origin).
 *
 * @example
 * ```ts
 * const cors = new CORSConfig({ allowOrigin: 'https://example.com', maxAge: 600, allowCredentials: true });
 * app.route('/items', { cors }, () => []);
 * ```
 */
export class CORSConfig {
  declare readonly allowOrigin: string;
  declare readonly allowHeaders: readonly string[];
  declare readonly exposeHeaders: readonly string[];
  declare readonly maxAge: number | undefined;
  declare readonly allowCredentials: boolean;

  constructor(options: CORSConfigOptions = {}) {
    this.allowOrigin = options.allowOrigin ?? '*';
    this.allowHeaders = [...new Set([...DEFAULT_HEADERS, ...(options.allowHeaders ?? [])])].sort();
    this.exposeHeaders = [...(options.exposeHeaders ?? [])];
    this.maxAge = options.maxAge;
    this.allowCredentials = options.allowCredentials === true;
  }

  /** The headers added to every response of the route (Chalice's `get_access_control_headers`). */
  headers(): Record<string, string> {
    const headers: Record<string, string> = {
      'Access-Control-Allow-Origin': this.allowOrigin,
      'Access-Control-Allow-Headers': this.allowHeaders.join(','),
    };
    if (this.exposeHeaders.length > 0)
      headers['Access-Control-Expose-Headers'] = this.exposeHeaders.join(',');
    if (this.maxAge !== undefined) headers['Access-Control-Max-Age'] = String(this.maxAge);
    if (this.allowCredentials) headers['Access-Control-Allow-Credentials'] = 'true';
    return headers;
  }

  /**
   * The headers of the preflight (`OPTIONS`) answer for a path whose CORS routes use `methods`, as
   * the deployed API's mock integration answers it (Chalice's `_add_preflight_request`): the methods
   * in registration order, then `OPTIONS`.
   */
  preflightHeaders(methods: readonly string[]): Record<string, string> {
    const allowed: string[] = [];
    for (const method of methods) {
      const upper = method.toUpperCase();
      if (upper !== 'OPTIONS' && !allowed.includes(upper)) allowed.push(upper);
    }
    allowed.push('OPTIONS');
    return { ...this.headers(), 'Access-Control-Allow-Methods': allowed.join(',') };
  }
}
