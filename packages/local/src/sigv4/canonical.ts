import { timingSafeEqual } from 'node:crypto';
import { createScope, type getCanonicalQuery, getSigningKey, SignatureV4 } from '@smithy/signature-v4';
import { ALGORITHM } from './parse.js';
import { type QueryParam, rawQueryWithout, toQueryBag } from './query.js';
import { Sha256 } from './sha256.js';

type SmithyRequest = Parameters<typeof getCanonicalQuery>[0];

/** A canonical request and the string-to-sign derived from it. */
export interface CanonicalForm {
  readonly request: string;
  readonly stringToSign: string;
}

/** What a canonical request is built from: the request as received plus its signing claims. */
export interface CanonicalInput {
  readonly method: string;
  readonly rawPath: string;
  readonly rawQuery: string;
  readonly query: readonly QueryParam[];
  /** Signed header name -> canonical value. */
  readonly canonicalHeaders: Readonly<Record<string, string>>;
  readonly payloadHash: string;
  readonly amzDate: string;
  readonly scope: string;
  readonly presigned: boolean;
}

// Exposes the protected canonicalization of @smithy/signature-v4 so that verification uses exactly
// the rules AWS SDKs sign with (path normalized and double-encoded, query sorted and re-encoded).
class SmithyCanonicalizer extends SignatureV4 {
  constructor() {
    super({
      service: 'execute-api',
      region: 'us-east-1',
      credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
      sha256: Sha256,
      applyChecksum: false,
    });
  }

  canonicalRequest(request: SmithyRequest, headers: Record<string, string>, payloadHash: string): string {
    return this.createCanonicalRequest(request, headers, payloadHash);
  }

  stringToSign(amzDate: string, scope: string, canonicalRequest: string): Promise<string> {
    return this.createStringToSign(amzDate, scope, canonicalRequest, ALGORITHM);
  }
}

const canonicalizer = new SmithyCanonicalizer();

function asIs(input: CanonicalInput): string {
  const names = Object.keys(input.canonicalHeaders).sort();
  const query = input.presigned ? rawQueryWithout(input.rawQuery, 'X-Amz-Signature') : input.rawQuery;
  return [
    input.method,
    input.rawPath,
    query,
    ...names.map((n) => `${n}:${input.canonicalHeaders[n]}`),
    '',
    names.join(';'),
    input.payloadHash,
  ].join('\n');
}

/**
 * The canonical forms of a request: first the standard one (the AWS SDK rules, the only one API
 * Gateway accepts), then, when it differs, the request line exactly as sent, unsorted and not
 * re-encoded. curl up to 8.0 (`--aws-sigv4`) signs that second form; the verifier uses it only to
 * explain the refusal in the log.
 */
export async function canonicalForms(input: CanonicalInput): Promise<CanonicalForm[]> {
  const smithyRequest: SmithyRequest = {
    method: input.method,
    protocol: 'http:',
    hostname: input.canonicalHeaders.host ?? '',
    path: input.rawPath,
    query: toQueryBag(input.query),
    headers: {},
  };
  const standard = canonicalizer.canonicalRequest(
    smithyRequest,
    { ...input.canonicalHeaders },
    input.payloadHash,
  );
  const requests = [standard];
  const raw = asIs(input);
  if (raw !== standard) requests.push(raw);
  return Promise.all(
    requests.map(async (request) => ({
      request,
      stringToSign: await canonicalizer.stringToSign(input.amzDate, input.scope, request),
    })),
  );
}

/** `createScope` re-exported for the verifier: `<date>/<region>/<service>/aws4_request`. */
export const credentialScope = createScope;

/** Hex HMAC-SHA256 signature of a string-to-sign with the SigV4 signing key of a secret. */
export async function signString(
  stringToSign: string,
  secret: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined },
  scope: { date: string; region: string; service: string },
): Promise<string> {
  const key = await getSigningKey(Sha256, secret, scope.date, scope.region, scope.service);
  const hmac = new Sha256(key);
  hmac.update(stringToSign);
  return Buffer.from(await hmac.digest()).toString('hex');
}

/** Constant-time comparison of two hex signatures. */
export function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
