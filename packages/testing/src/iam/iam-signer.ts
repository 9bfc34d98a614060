import { type SigV4Credential, type SigV4Headers, signRequest } from '@chalice-ts/local';
import type { VirtualClock } from '../clock/virtual-clock.js';
import { encodeBody, type RequestBody, type RequestHeaders } from '../http/request-body.js';

/** A request to sign: the same method, path (with any query), headers and body that will be sent. */
export interface SignableRequest {
  method: string;
  /** May carry a query string, e.g. `/items?limit=5`. */
  path: string;
  headers?: RequestHeaders;
  body?: RequestBody;
  query?: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** SigV4 headers, spreadable into any request's headers. */
export type SignedHeaders = SigV4Headers & Record<string, string>;

/** A local IAM credential, as in `local.iam.credentials` (snake_case) or camelCase. */
export type CredentialInput =
  | SigV4Credential
  | { access_key_id: string; secret_access_key: string; user_arn: string; session_token?: string };

/**
 * Signs requests with SigV4 (service `execute-api`, the gateway's region, the client's clock) for
 * a local credential: by default the first of `local.iam.credentials`, or the test credential the
 * client adds when none is configured (see `TEST_IAM_CREDENTIAL`).
 *
 * @example
 * ```ts
 * const headers = await client.iam.sign({ method: 'GET', path: '/iam-auth' });
 * await client.http.get('/iam-auth', { headers });
 * ```
 */
export class IamSigner {
  readonly #credential: SigV4Credential;
  readonly #region: string;
  readonly #clock: VirtualClock;

  constructor(options: { credential: SigV4Credential; region: string; clock: VirtualClock }) {
    this.#credential = options.credential;
    this.#region = options.region;
    this.#clock = options.clock;
  }

  /** The credential `sign` uses by default. */
  get credential(): SigV4Credential {
    return this.#credential;
  }

  /** The region in the credential scope (the gateway's). */
  get region(): string {
    return this.#region;
  }

  /**
   * The headers to add to `request` (`authorization`, `x-amz-date`, `x-amz-content-sha256`, and
   * `host` when the request had none). Send the request's own headers along with them.
   */
  async sign(request: SignableRequest, credential?: CredentialInput): Promise<SignedHeaders> {
    const { body, headers } = encodeBody(request.body, request.headers);
    const q = request.path.indexOf('?');
    const path = q === -1 ? request.path : request.path.slice(0, q);
    const query = [q === -1 ? '' : request.path.slice(q + 1), queryString(request.query)]
      .filter((part) => part !== '')
      .join('&');
    const signed = await signRequest(
      { method: request.method, path: path === '' ? '/' : path, query, headers, body },
      credential === undefined ? this.#credential : toCredential(credential),
      { region: this.#region, now: this.#clock.now() },
    );
    return { ...signed } as SignedHeaders;
  }
}

/** Accepts both the chalice.yaml (snake_case) and the camelCase shape. */
export function toCredential(input: CredentialInput): SigV4Credential {
  if ('accessKeyId' in input) return input;
  return {
    accessKeyId: input.access_key_id,
    secretAccessKey: input.secret_access_key,
    userArn: input.user_arn,
    ...(input.session_token !== undefined && { sessionToken: input.session_token }),
  };
}

function queryString(query: SignableRequest['query']): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const name in query) {
    const value = query[name];
    if (typeof value === 'string') params.append(name, value);
    else if (value !== undefined) for (const v of value) params.append(name, v);
  }
  return params.toString();
}
