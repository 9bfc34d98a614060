import { SignatureV4 } from '@smithy/signature-v4';
import { parseQuery, toQueryBag } from './query.js';
import { Sha256 } from './sha256.js';
import type { SigV4Credential, SigV4Request } from './types.js';

/** Options of {@link signRequest}. */
export interface SignRequestOptions {
  /** Region of the credential scope; default `us-east-1`. */
  readonly region?: string;
  /** Signing time (epoch ms or a Date); default: now. */
  readonly now?: number | Date;
}

/** Headers {@link signRequest} adds to a request. */
export interface SigV4Headers {
  authorization: string;
  'x-amz-date': string;
  'x-amz-content-sha256': string;
  'x-amz-security-token'?: string;
  /** Only when the request had no `host` header (then `localhost` was signed). */
  host?: string;
}

/**
 * Signs a request for `execute-api` with SigV4 the way the AWS SDKs do, for the test kit: returns
 * the headers to add. Every header already on the request is signed (except those SigV4 never
 * signs, such as `user-agent`); a request without `host` is signed for `localhost`.
 *
 * @example
 * ```ts
 * const headers = await signRequest(
 *   { method: 'GET', path: '/iam-auth', query: '', headers: { host: 'localhost' } },
 *   { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret', userArn: 'arn:aws:iam::123456789012:user/dev' },
 * );
 * await client.http.get('/iam-auth', { headers: { host: 'localhost', ...headers } });
 * ```
 */
export async function signRequest(
  request: SigV4Request,
  credential: SigV4Credential,
  options: SignRequestOptions = {},
): Promise<SigV4Headers> {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(request.headers)) {
    const value = request.headers[name];
    if (value !== undefined)
      headers[name.toLowerCase()] = typeof value === 'string' ? value : value.join(',');
  }
  const addedHost = headers.host === undefined;
  if (addedHost) headers.host = 'localhost';
  const signer = new SignatureV4({
    service: 'execute-api',
    region: options.region ?? 'us-east-1',
    credentials: {
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      ...(credential.sessionToken === undefined ? {} : { sessionToken: credential.sessionToken }),
    },
    sha256: Sha256,
    applyChecksum: true,
  });
  const signed = await signer.sign(
    {
      method: request.method.toUpperCase(),
      protocol: 'http:',
      hostname: headers.host ?? 'localhost',
      path: request.path === '' ? '/' : request.path,
      query: toQueryBag(parseQuery(request.query)),
      headers,
      body: request.body ?? undefined,
    },
    { signingDate: new Date(options.now === undefined ? Date.now() : Number(options.now)) },
  );
  const out: SigV4Headers = {
    authorization: signed.headers.authorization ?? '',
    'x-amz-date': signed.headers['x-amz-date'] ?? '',
    'x-amz-content-sha256': signed.headers['x-amz-content-sha256'] ?? '',
  };
  const token = signed.headers['x-amz-security-token'];
  if (token !== undefined) out['x-amz-security-token'] = token;
  if (addedHost) out.host = 'localhost';
  return out;
}
