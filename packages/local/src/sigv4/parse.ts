import { failures } from './failures.js';
import { type QueryParam, queryValue } from './query.js';
import type { SigV4Failure } from './types.js';

export const ALGORITHM = 'AWS4-HMAC-SHA256';

/** The signing claims of a request: from its `Authorization` header or a presigned query. */
export interface SignedParts {
  readonly source: 'header' | 'query';
  readonly accessKeyId: string;
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  readonly terminator: string;
  /** Lower-cased, in the order the client listed them. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  /** `YYYYMMDDTHHMMSSZ` from `x-amz-date` / `X-Amz-Date`, or derived from `Date`. */
  readonly amzDate: string;
  /** Presigned URLs only: `X-Amz-Expires`, seconds. */
  readonly expires?: number;
  readonly securityToken?: string;
}

const LONG_DATE = /^\d{8}T\d{6}Z$/;

/** `YYYYMMDDTHHMMSSZ` -> epoch ms, or NaN. */
export function parseLongDate(amzDate: string): number {
  if (!LONG_DATE.test(amzDate)) return Number.NaN;
  const iso = `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`;
  return Date.parse(iso);
}

function dateFromHeaders(headers: ReadonlyMap<string, string>): string | undefined {
  const amz = headers.get('x-amz-date');
  if (amz !== undefined) return amz;
  const date = headers.get('date');
  if (date === undefined) return undefined;
  const ms = Date.parse(date);
  return Number.isNaN(ms)
    ? undefined
    : new Date(ms)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
}

function splitCredential(
  credential: string,
): Omit<SignedParts, 'source' | 'signedHeaders' | 'signature' | 'amzDate'> | null {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((p) => p === '')) return null;
  const [accessKeyId, scopeDate, region, service, terminator] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { accessKeyId, scopeDate, region, service, terminator };
}

function fromHeader(authorization: string, headers: ReadonlyMap<string, string>): SignedParts | SigV4Failure {
  const amzDate = dateFromHeaders(headers);
  const fields = new Map<string, string>();
  if (authorization.startsWith(`${ALGORITHM} `)) {
    for (const piece of authorization.slice(ALGORITHM.length + 1).split(',')) {
      const eq = piece.indexOf('=');
      if (eq > 0) fields.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
    }
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  const missing: string[] = [];
  if (credential === undefined) missing.push("'Credential' parameter");
  if (signature === undefined) missing.push("'Signature' parameter");
  if (signedHeaders === undefined) missing.push("'SignedHeaders' parameter");
  if (amzDate === undefined) missing.push("existence of either a 'X-Amz-Date' or a 'Date' header");
  if (
    credential === undefined ||
    signature === undefined ||
    signedHeaders === undefined ||
    amzDate === undefined
  ) {
    return failures.incomplete(missing);
  }
  const scope = splitCredential(credential);
  if (scope === null)
    return failures.malformed("'Credential' parameter is not <key>/<date>/<region>/<service>/aws4_request");
  const token = headers.get('x-amz-security-token');
  return {
    source: 'header',
    ...scope,
    signedHeaders: signedHeaders.split(';').map((h) => h.toLowerCase()),
    signature,
    amzDate,
    ...(token === undefined ? {} : { securityToken: token }),
  };
}

function fromQuery(params: readonly QueryParam[]): SignedParts | SigV4Failure {
  const get = (k: string) => queryValue(params, k);
  const credential = get('X-Amz-Credential');
  const signedHeaders = get('X-Amz-SignedHeaders');
  const signature = get('X-Amz-Signature');
  const amzDate = get('X-Amz-Date');
  const expires = get('X-Amz-Expires');
  const missing: string[] = [];
  if (get('X-Amz-Algorithm') !== ALGORITHM) missing.push(`'X-Amz-Algorithm' query parameter '${ALGORITHM}'`);
  if (credential === undefined) missing.push("'X-Amz-Credential' query parameter");
  if (signature === undefined) missing.push("'X-Amz-Signature' query parameter");
  if (signedHeaders === undefined) missing.push("'X-Amz-SignedHeaders' query parameter");
  if (amzDate === undefined) missing.push("'X-Amz-Date' query parameter");
  if (
    credential === undefined ||
    signature === undefined ||
    signedHeaders === undefined ||
    amzDate === undefined
  ) {
    return failures.incomplete(missing);
  }
  if (missing.length > 0) return failures.incomplete(missing);
  const scope = splitCredential(credential);
  if (scope === null)
    return failures.malformed("'X-Amz-Credential' is not <key>/<date>/<region>/<service>/aws4_request");
  const token = get('X-Amz-Security-Token');
  const expiresSeconds = expires === undefined ? undefined : Number(expires);
  if (expiresSeconds !== undefined && !(Number.isInteger(expiresSeconds) && expiresSeconds >= 0)) {
    return failures.malformed("'X-Amz-Expires' is not a whole number of seconds");
  }
  return {
    source: 'query',
    ...scope,
    signedHeaders: signedHeaders.split(';').map((h) => h.toLowerCase()),
    signature,
    amzDate,
    ...(expiresSeconds === undefined ? {} : { expires: expiresSeconds }),
    ...(token === undefined ? {} : { securityToken: token }),
  };
}

/**
 * Reads the SigV4 claims of a request. No `Authorization` header and no presigned query means the
 * request is unsigned: API Gateway answers `Missing Authentication Token`.
 */
export function parseSignedParts(
  headers: ReadonlyMap<string, string>,
  query: readonly QueryParam[],
): SignedParts | SigV4Failure {
  const authorization = headers.get('authorization');
  if (authorization !== undefined && authorization.trim() !== '')
    return fromHeader(authorization.trim(), headers);
  if (
    queryValue(query, 'X-Amz-Signature') !== undefined ||
    queryValue(query, 'X-Amz-Algorithm') !== undefined
  ) {
    return fromQuery(query);
  }
  return failures.missing();
}
