import { canonicalForms, credentialScope, sameSignature, signString } from './canonical.js';
import { failures } from './failures.js';
import { identityFor } from './identity.js';
import { parseLongDate, parseSignedParts, type SignedParts } from './parse.js';
import { parseQuery } from './query.js';
import { sha256Hex } from './sha256.js';
import type { SigV4Credential, SigV4Failure, SigV4Request, SigV4Result } from './types.js';

/** Options of {@link verifySigV4}. */
export interface VerifySigV4Options {
  /** `local.iam.credentials`: the only keys accepted. */
  readonly credentials: readonly SigV4Credential[];
  /** The gateway clock (epoch ms or a Date); default: now. */
  readonly now?: number | Date;
  /** When set, the credential scope must name this region (API Gateway checks its own region). */
  readonly region?: string;
  /** Allowed clock skew between the signature date and `now`; default 300 (5 minutes, as API Gateway). */
  readonly maxSkewSeconds?: number;
}

function canonicalValue(value: string | readonly string[]): string {
  const values = typeof value === 'string' ? [value] : value;
  return values
    .map((v) =>
      v
        .replace(/[\r\n]/g, ' ')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .join(',');
}

function lowerCaseHeaders(headers: SigV4Request['headers']): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const prev = map.get(key);
    const next = canonicalValue(value);
    map.set(key, prev === undefined ? next : `${prev},${next}`);
  }
  return map;
}

function checkScopeAndTime(parts: SignedParts, options: VerifySigV4Options): SigV4Failure | null {
  if (parts.terminator !== 'aws4_request') return failures.wrongTerminator(parts.terminator);
  if (parts.service !== 'execute-api') return failures.wrongService(parts.service);
  if (options.region !== undefined && parts.region !== options.region)
    return failures.wrongRegion(parts.region);
  const signedAt = parseLongDate(parts.amzDate);
  if (Number.isNaN(signedAt)) return failures.badDate();
  if (parts.scopeDate !== parts.amzDate.slice(0, 8))
    return failures.scopeDate(parts.scopeDate, parts.amzDate);
  const now = options.now === undefined ? Date.now() : Number(options.now);
  const skewMs = (options.maxSkewSeconds ?? 300) * 1000;
  if (signedAt > now + skewMs) return failures.notYetCurrent(parts.amzDate, now, skewMs);
  if (parts.source === 'query' && parts.expires !== undefined) {
    if (now > signedAt + parts.expires * 1000)
      return failures.presignExpired(parts.amzDate, parts.expires, now);
  } else if (signedAt < now - skewMs) {
    return failures.expired(parts.amzDate, now, skewMs);
  }
  return null;
}

/**
 * Verifies a SigV4-signed request (service `execute-api`) as API Gateway does for an IAM-authorized
 * method: the `Authorization` header (or a presigned query), the credential scope, a 5-minute clock
 * skew (API Gateway's `Signature expired: … - 5 min.`), the signed headers, the body hash and the signature, compared in constant time. The request
 * must be given exactly as received (raw path and query). On failure, `status`/`errorType`/`message`
 * are API Gateway's response (the message may echo the request's own canonical form back to the
 * client, as AWS does) and `reason` is safe to log.
 *
 * @example
 * ```ts
 * const result = await verifySigV4(
 *   { method: 'GET', path: '/api/iam-auth', query: '', headers: req.headers, body: '' },
 *   { credentials: [{ accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret', userArn: 'arn:aws:iam::123456789012:user/dev' }] },
 * );
 * if (result.ok) console.log(result.identity.userArn);
 * ```
 */
export async function verifySigV4(request: SigV4Request, options: VerifySigV4Options): Promise<SigV4Result> {
  const headers = lowerCaseHeaders(request.headers);
  const query = parseQuery(request.query);
  const parts = parseSignedParts(headers, query);
  if ('ok' in parts) return parts;
  const invalid = checkScopeAndTime(parts, options);
  if (invalid !== null) return invalid;

  const credential = options.credentials.find((c) => c.accessKeyId === parts.accessKeyId);
  if (credential === undefined) return failures.unknownKey(parts.accessKeyId);
  if (parts.securityToken !== credential.sessionToken) return failures.badSessionToken(parts.accessKeyId);
  if (!parts.signedHeaders.includes('host')) return failures.hostNotSigned();

  const canonicalHeaders: Record<string, string> = {};
  for (const name of parts.signedHeaders) {
    const value = headers.get(name);
    if (value === undefined)
      return failures.signatureMismatch(`signed header '${name}' is not in the request`);
    canonicalHeaders[name] = value;
  }
  const payloadHash = sha256Hex(request.body);
  const declared = headers.get('x-amz-content-sha256');
  if (declared !== undefined && declared !== payloadHash) {
    return failures.signatureMismatch('x-amz-content-sha256 does not match the SHA-256 of the body');
  }

  const scope = credentialScope(parts.scopeDate, parts.region, parts.service);
  const forms = await canonicalForms({
    method: request.method.toUpperCase(),
    rawPath: request.path === '' ? '/' : request.path,
    rawQuery: request.query,
    query,
    canonicalHeaders,
    payloadHash,
    amzDate: parts.amzDate,
    scope,
    presigned: parts.source === 'query',
  });
  const signingScope = { date: parts.scopeDate, region: parts.region, service: parts.service };
  const [standard, asSent] = forms;
  if (sameSignature(await signString(standard!.stringToSign, credential, signingScope), parts.signature)) {
    return { ok: true, identity: identityFor(credential) };
  }
  // API Gateway accepts only the standard canonical form. A signature over the path and query exactly
  // as sent is still refused, but the log says so: curl before 8.x (--aws-sigv4) signs that way.
  if (
    asSent !== undefined &&
    sameSignature(await signString(asSent.stringToSign, credential, signingScope), parts.signature)
  ) {
    return failures.signatureMismatch(
      `signature was computed over the path and query as sent, not over API Gateway's canonical form ` +
        '(query parameters sorted and encoded, path normalized), so API Gateway would refuse it too; ' +
        'curl before 8.x --aws-sigv4 signs this way: sort the query parameters and leave the path unencoded, ' +
        'or sign with an AWS SDK',
      standard,
    );
  }
  return failures.signatureMismatch(
    `signature does not match (access key ${parts.accessKeyId}, signed headers ${parts.signedHeaders.join(';')})`,
    standard,
  );
}
