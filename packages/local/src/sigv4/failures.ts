import type { SigV4ErrorType, SigV4Failure } from './types.js';

function fail(errorType: SigV4ErrorType, message: string, reason: string): SigV4Failure {
  return { ok: false, status: 403, errorType, message, reason };
}

/** `20261202T064323Z`, the SigV4 long date. */
export function longDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

// Messages are API Gateway's own wording for IAM-authorized methods (as seen in its 403 bodies).
export const failures = {
  missing: (): SigV4Failure =>
    fail(
      'MissingAuthenticationTokenException',
      'Missing Authentication Token',
      'request is not SigV4-signed',
    ),

  incomplete: (missing: readonly string[]): SigV4Failure =>
    fail(
      'IncompleteSignatureException',
      missing.map((m) => `Authorization header requires ${m}.`).join(' '),
      `incomplete SigV4 authorization: missing ${missing.join(', ')}`,
    ),

  malformed: (what: string): SigV4Failure =>
    fail(
      'IncompleteSignatureException',
      `${what} in Authorization header.`,
      `malformed SigV4 authorization: ${what}`,
    ),

  wrongService: (service: string): SigV4Failure =>
    fail(
      'InvalidSignatureException',
      "Credential should be scoped to correct service: 'execute-api'. ",
      `credential scoped to service '${service}', not 'execute-api'`,
    ),

  wrongRegion: (region: string): SigV4Failure =>
    fail(
      'InvalidSignatureException',
      `Credential should be scoped to a valid region, not '${region}'. `,
      `credential scoped to region '${region}'`,
    ),

  wrongTerminator: (terminator: string): SigV4Failure =>
    fail(
      'InvalidSignatureException',
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'. `,
      `credential scope terminator '${terminator}'`,
    ),

  scopeDate: (scopeDate: string, amzDate: string): SigV4Failure =>
    fail(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
      `credential scope date ${scopeDate} does not match x-amz-date ${amzDate}`,
    ),

  badDate: (): SigV4Failure =>
    fail(
      'IncompleteSignatureException',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      'x-amz-date is missing or not an ISO-8601 basic date (YYYYMMDDTHHMMSSZ)',
    ),

  expired: (amzDate: string, nowMs: number, skewMs: number): SigV4Failure =>
    fail(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${longDate(nowMs - skewMs)} (${longDate(nowMs)} - ${skewMs / 60_000} min.)`,
      `signature date ${amzDate} is more than ${skewMs / 60_000} min before the gateway clock`,
    ),

  notYetCurrent: (amzDate: string, nowMs: number, skewMs: number): SigV4Failure =>
    fail(
      'InvalidSignatureException',
      `Signature not yet current: ${amzDate} is still later than ${longDate(nowMs + skewMs)} (${longDate(nowMs)} + ${skewMs / 60_000} min.)`,
      `signature date ${amzDate} is more than ${skewMs / 60_000} min after the gateway clock`,
    ),

  presignExpired: (amzDate: string, expiresSeconds: number, nowMs: number): SigV4Failure =>
    fail(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${longDate(nowMs - expiresSeconds * 1000)} (${longDate(nowMs)} - ${expiresSeconds} sec.)`,
      `presigned URL expired (X-Amz-Expires=${expiresSeconds})`,
    ),

  unknownKey: (accessKeyId: string): SigV4Failure =>
    fail(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      `access key ${accessKeyId} is not in local.iam.credentials`,
    ),

  badSessionToken: (accessKeyId: string): SigV4Failure =>
    fail(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      `x-amz-security-token does not match the session token of access key ${accessKeyId}`,
    ),

  hostNotSigned: (): SigV4Failure =>
    fail(
      'InvalidSignatureException',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
      'host is not among the signed headers',
    ),

  signatureMismatch: (reason: string, canonical?: { request: string; stringToSign: string }): SigV4Failure =>
    fail(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.' +
        (canonical === undefined
          ? ''
          : `\n\nThe Canonical String for this request should have been\n'${canonical.request}'\n\nThe String-to-Sign should have been\n'${canonical.stringToSign}'\n`),
      reason,
    ),
};
