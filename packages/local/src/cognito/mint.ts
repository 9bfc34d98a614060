import { createHash, randomUUID } from 'node:crypto';
import { importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import { LocalError } from '../errors.js';
import type { DevKeys } from './dev-keys.js';
import { issuerFromProviderArn, parseUserPoolArn } from './issuer.js';

/** Options of {@link mintCognitoToken}. */
export interface MintCognitoTokenOptions {
  /** The project's dev keys (from `devKeys`), or give `privateKey` (and optionally `kid`). */
  readonly keys?: Pick<DevKeys, 'privateKey' | 'kid'>;
  readonly privateKey?: JWK;
  readonly kid?: string;
  /** The user pool that "issued" the token: sets `iss`. */
  readonly providerArn: string;
  readonly username: string;
  /** OAuth scopes; when given (non-empty) the default `tokenUse` is `access`. */
  readonly scopes?: readonly string[];
  /** Default `id` without scopes, `access` with scopes. */
  readonly tokenUse?: 'id' | 'access';
  /** `cognito:groups`. */
  readonly groups?: readonly string[];
  /** Extra or overriding claims (e.g. `email`, `custom:tenant`). */
  readonly claims?: JWTPayload;
  /** Lifetime in seconds; default 3600 (Cognito's default). Negative values mint expired tokens. */
  readonly expiresIn?: number;
  /** Issue time (epoch ms or a Date); default: now. */
  readonly now?: number | Date;
  /** App client ID (`aud` / `client_id`); default: a stable ID derived from the pool. */
  readonly clientId?: string;
}

// Stable per (pool, seed): the same user gets the same `sub` on every run, like a real pool.
function stableId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function stableClientId(poolId: string): string {
  const digest = createHash('sha256').update(`client:${poolId}`).digest();
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(digest.subarray(0, 26), (b) => alphabet[b % alphabet.length]).join('');
}

/** What {@link cognitoClaims} needs: the claims-shaping part of {@link MintCognitoTokenOptions}. */
export type CognitoClaimsOptions = Pick<
  MintCognitoTokenOptions,
  'providerArn' | 'username' | 'scopes' | 'tokenUse' | 'groups' | 'expiresIn' | 'now' | 'clientId'
> & {
  /** Overrides the issuer derived from the pool ARN (to mint wrong-issuer tokens in tests). */
  readonly issuer?: string;
};

/**
 * The payload of a Cognito ID or access token as a real user pool issues it (without `claims`
 * overrides): shared by {@link mintCognitoToken} and the test kit's synchronous signer.
 *
 * @example
 * ```ts
 * const claims = cognitoClaims({ providerArn, username: 'jane', scopes: ['read'] }); // access token
 * ```
 */
export function cognitoClaims(options: CognitoClaimsOptions): JWTPayload {
  const { poolId } = parseUserPoolArn(options.providerArn);
  const iss = options.issuer ?? issuerFromProviderArn(options.providerArn);
  const scopes = options.scopes ?? [];
  const tokenUse = options.tokenUse ?? (scopes.length > 0 ? 'access' : 'id');
  const clientId = options.clientId ?? stableClientId(poolId);
  const iat = Math.floor((options.now === undefined ? Date.now() : Number(options.now)) / 1000);
  const exp = iat + (options.expiresIn ?? 3600);
  const sub = stableId(`${iss}|${options.username}`);
  const groups = options.groups === undefined ? {} : { 'cognito:groups': [...options.groups] };
  const common = {
    event_id: randomUUID(),
    origin_jti: randomUUID(),
    auth_time: iat,
    iss,
    exp,
    iat,
    jti: randomUUID(),
  };
  return tokenUse === 'id'
    ? {
        sub,
        ...groups,
        email_verified: true,
        'cognito:username': options.username,
        aud: clientId,
        token_use: 'id',
        ...common,
      }
    : {
        sub,
        ...groups,
        version: 2,
        client_id: clientId,
        token_use: 'access',
        scope: scopes.join(' '),
        username: options.username,
        ...common,
      };
}

/**
 * Mints a JWT shaped like a Cognito user pool token, signed RS256 with the dev key (or the key
 * given). ID tokens carry `sub`, `aud`, `email_verified`, `token_use: 'id'`, `auth_time`, `iss`,
 * `cognito:username`, `exp`, `iat`, `jti`, `event_id`, `origin_jti`; access tokens carry `sub`,
 * `client_id`, `token_use: 'access'`, `scope` ("a b"), `username`, `version`, `iss`, `exp`, `iat`,
 * `jti`, `event_id`, `origin_jti`, `auth_time`.
 *
 * @example
 * ```ts
 * const keys = await devKeys(projectDir);
 * const token = await mintCognitoToken({ keys, providerArn, username: 'jane', scopes: ['read'] });
 * await fetch(url, { headers: { Authorization: token } });
 * ```
 */
export async function mintCognitoToken(options: MintCognitoTokenOptions): Promise<string> {
  const privateKey = options.keys?.privateKey ?? options.privateKey;
  if (privateKey === undefined)
    throw new LocalError('COGNITO_KEYS', 'mintCognitoToken needs `keys` or `privateKey`.');
  const kid = options.kid ?? options.keys?.kid ?? privateKey.kid;
  if (kid === undefined)
    throw new LocalError('COGNITO_KEYS', 'mintCognitoToken needs a `kid` (or a private key with one).');
  const payload = cognitoClaims(options);
  const key = await importJWK({ ...privateKey, alg: 'RS256' }, 'RS256');
  return new SignJWT({ ...payload, ...options.claims }).setProtectedHeader({ kid, alg: 'RS256' }).sign(key);
}
