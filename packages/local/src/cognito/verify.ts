import {
  createLocalJWKSet,
  decodeProtectedHeader,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
  type ProtectedHeaderParameters,
} from 'jose';
import { issuerFromProviderArn } from './issuer.js';

/** Options of {@link verifyCognitoToken}. */
export interface VerifyCognitoTokenOptions {
  /** Public keys the tokens must be signed with (dev keys or `local.cognito.jwks_file`). */
  readonly jwks: JSONWebKeySet;
  /** The authorizer's user pools; the token's `iss` must be one of theirs. */
  readonly providerArns: readonly string[];
  /** OAuth scopes the route requires; none means an ID token is required. */
  readonly scopes?: readonly string[];
  /** The gateway clock (epoch ms or a Date); default: now. */
  readonly now?: number | Date;
}

/** The verdict of {@link verifyCognitoToken}; `reason` is safe to log (never holds the token). */
export type CognitoVerdict =
  | { readonly ok: true; readonly claims: JWTPayload }
  | { readonly ok: false; readonly reason: string };

const keySets = new WeakMap<JSONWebKeySet, ReturnType<typeof createLocalJWKSet>>();

function keySetFor(jwks: JSONWebKeySet): ReturnType<typeof createLocalJWKSet> {
  let set = keySets.get(jwks);
  if (set === undefined) {
    set = createLocalJWKSet(jwks);
    keySets.set(jwks, set);
  }
  return set;
}

const deny = (reason: string): CognitoVerdict => ({ ok: false, reason });
const iso = (seconds: unknown) =>
  typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : String(seconds);
const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

function readHeader(token: string): ProtectedHeaderParameters | null {
  try {
    return decodeProtectedHeader(token);
  } catch {
    return null;
  }
}

function explain(err: unknown): string {
  if (err instanceof errors.JWTExpired) return `token expired at ${iso(err.payload.exp)}`;
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf') return `token not valid before ${iso(err.payload.nbf)}`;
    return `claim ${err.claim} is invalid (${err.reason})`;
  }
  if (err instanceof errors.JWSSignatureVerificationFailed)
    return 'signature does not verify against the JWKS';
  if (err instanceof errors.JOSEError) return `invalid token (${err.code})`;
  return 'invalid token';
}

function checkTokenUse(claims: JWTPayload, scopes: readonly string[]): string | null {
  // API Gateway (REST) Cognito authorizer: without authorizationScopes it requires an ID token;
  // with them, an access token whose `scope` holds at least one of the method's scopes.
  if (scopes.length === 0) {
    return claims.token_use === 'id'
      ? null
      : `token_use is '${String(claims.token_use)}'; this route needs an ID token`;
  }
  if (claims.token_use !== 'access') {
    return `token_use is '${String(claims.token_use)}'; a route with scopes needs an access token`;
  }
  const granted = typeof claims.scope === 'string' ? claims.scope.split(/\s+/) : [];
  return scopes.some((s) => granted.includes(s))
    ? null
    : `access token has none of the scopes ${scopes.join(', ')}`;
}

/**
 * Verifies a Cognito user pool JWT as API Gateway's Cognito authorizer does: RS256 only (`none`,
 * HMAC and unknown `kid` are refused), signature against the JWKS, `exp`/`nbf` with no leeway
 * (API Gateway allows none), `iss` one of the provider ARNs' issuers, and `token_use`/`scope` per
 * the route's scopes. A leading `Bearer ` is accepted, as API Gateway does. Fails closed.
 *
 * @example
 * ```ts
 * const verdict = await verifyCognitoToken(headers.authorization, { jwks, providerArns, scopes: [] });
 * if (verdict.ok) event.requestContext.authorizer = { claims: claimsAsStrings(verdict.claims) };
 * ```
 */
export async function verifyCognitoToken(
  token: string | undefined,
  options: VerifyCognitoTokenOptions,
): Promise<CognitoVerdict> {
  const jwt = (token ?? '')
    .trim()
    .replace(/^bearer(?:\s+|$)/i, '')
    .trim();
  if (jwt === '') return deny('no token');
  const header = readHeader(jwt);
  if (header === null) return deny('token is not a JWT');
  if (header.alg !== 'RS256') return deny(`token algorithm ${short(String(header.alg))} is not RS256`);
  if (typeof header.kid !== 'string' || !options.jwks.keys.some((k) => k.kid === header.kid)) {
    return deny(`token key id ${short(String(header.kid))} is not in the JWKS`);
  }
  let issuers: string[];
  try {
    issuers = options.providerArns.map(issuerFromProviderArn);
  } catch (err) {
    return deny((err as Error).message);
  }
  if (issuers.length === 0) return deny('the authorizer has no provider ARNs');
  let claims: JWTPayload;
  try {
    const now = options.now === undefined ? new Date() : new Date(Number(options.now));
    ({ payload: claims } = await jwtVerify(jwt, keySetFor(options.jwks), {
      algorithms: ['RS256'],
      currentDate: now,
      requiredClaims: ['exp', 'iss', 'token_use'],
    }));
  } catch (err) {
    return deny(explain(err));
  }
  if (typeof claims.iss !== 'string' || !issuers.includes(claims.iss)) {
    return deny(`issuer ${short(String(claims.iss))} is not one of the authorizer's user pools`);
  }
  const useProblem = checkTokenUse(claims, options.scopes ?? []);
  return useProblem === null ? { ok: true, claims } : deny(useProblem);
}
