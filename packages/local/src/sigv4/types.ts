/** A request as received on the wire, for SigV4 verification. */
export interface SigV4Request {
  readonly method: string;
  /** The path exactly as sent (still percent-encoded), without the query string. */
  readonly path: string;
  /** The raw query string without `?` (may be empty). */
  readonly query: string;
  /** Header names in any case; repeated headers as arrays. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body?: string | Uint8Array | null | undefined;
}

/** One entry of `local.iam.credentials`. */
export interface SigV4Credential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** `arn:aws:iam::<account>:user/<name>` or an assumed-role ARN. */
  readonly userArn: string;
  /** Required on the request (`x-amz-security-token`) when set: temporary credentials. */
  readonly sessionToken?: string | undefined;
}

/** What API Gateway puts in `requestContext.identity` for an IAM-authorized request. */
export interface SigV4Identity {
  readonly accessKey: string;
  readonly accountId: string;
  readonly caller: string;
  readonly user: string;
  readonly userArn: string;
}

/** The `x-amzn-ErrorType` values API Gateway uses for IAM authorization failures. */
export type SigV4ErrorType =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'UnrecognizedClientException';

/**
 * A refused request: `status`, `errorType` and `message` are the response API Gateway sends;
 * `reason` is a short explanation for the local log (never holds a signature, token or secret).
 */
export interface SigV4Failure {
  readonly ok: false;
  readonly status: 403;
  readonly errorType: SigV4ErrorType;
  readonly message: string;
  readonly reason: string;
}

/** The verdict of {@link verifySigV4}. */
export type SigV4Result = { readonly ok: true; readonly identity: SigV4Identity } | SigV4Failure;
