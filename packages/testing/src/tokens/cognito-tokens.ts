import { cognitoClaims } from '@chalice-ts/local';
import type { EffectiveAuthorizer } from '@chalice-ts/runtime/binding';
import type { VirtualClock } from '../clock/virtual-clock.js';
import { TestingError } from '../errors.js';
import { signJwt } from './jwt.js';
import type { SigningKey } from './signing-key.js';
import { findAuthorizer } from '../client/find-authorizer.js';

/** Options of `client.tokens.cognito`. */
export interface CognitoTokenOptions {
  username: string;
  /** OAuth scopes (`scope` claim); with scopes the default `tokenUse` is `access`. */
  scopes?: readonly string[];
  /** Default `id` without scopes, `access` with scopes. */
  tokenUse?: 'id' | 'access';
  /** Lifetime in seconds from the client's clock; default 3600. Negative values mint expired tokens. */
  expiresIn?: number;
  /** `cognito:groups`. */
  groups?: readonly string[];
  /** Extra or overriding claims (e.g. `email`, `custom:tenant`). */
  claims?: Readonly<Record<string, unknown>>;
  /** Overrides `iss` (default: from the authorizer's provider ARN) — e.g. to test a wrong issuer. */
  issuer?: string;
  /** Which of the authorizer's provider ARNs issued the token; default the first. */
  providerArn?: string;
  /** App client ID (`aud` / `client_id`). */
  clientId?: string;
  /** Corrupts the signature, to test that a forged token is refused. */
  badSignature?: boolean;
}

/** Where a token issuer gets what it needs from its client. */
export interface TokenIssuerDeps {
  authorizers: ReadonlyMap<string, EffectiveAuthorizer>;
  clock: VirtualClock;
  /** `null` when the gateway verifies against keys the client cannot sign with. */
  key: SigningKey | null;
  /** Why `key` is null, for the error message. */
  noKeyReason: string;
}

/**
 * Mints Cognito user pool tokens that the client's gateway accepts: the issuer comes from the
 * authorizer's provider ARN, the signature from the key the gateway verifies with, the times from
 * the client's virtual clock. Claims are shaped as Cognito issues them (see `mintCognitoToken`).
 *
 * @example
 * ```ts
 * const token = client.tokens.cognito('MyPool', { username: 'jane' });
 * await client.http.get('/user-pools', { headers: { Authorization: token } });
 * client.tokens.cognito('MyPool', { username: 'jane', expiresIn: -60 }); // refused: expired
 * ```
 */
export class TokenIssuer {
  readonly #deps: TokenIssuerDeps;

  constructor(deps: TokenIssuerDeps) {
    this.#deps = deps;
  }

  /** A signed JWT for the Cognito authorizer `authorizerName`. */
  cognito(authorizerName: string, options: CognitoTokenOptions): string {
    const authorizer = findAuthorizer(this.#deps.authorizers, authorizerName, ['cognito_user_pools']);
    const arns = authorizer.providerArns ?? [];
    const providerArn = options.providerArn ?? arns[0];
    if (providerArn === undefined) {
      throw new TestingError('INVALID_ARGUMENT', `Cognito authorizer ${authorizerName} has no provider ARN`);
    }
    const key = this.#deps.key;
    if (key === null) throw new TestingError('NO_SIGNING_KEY', this.#deps.noKeyReason);
    if (typeof options.username !== 'string' || options.username === '') {
      throw new TestingError('INVALID_ARGUMENT', 'tokens.cognito needs a username');
    }
    const payload = cognitoClaims({
      providerArn,
      username: options.username,
      now: this.#deps.clock.now(),
      ...(options.issuer !== undefined && { issuer: options.issuer }),
      ...(options.scopes !== undefined && { scopes: options.scopes }),
      ...(options.tokenUse !== undefined && { tokenUse: options.tokenUse }),
      ...(options.expiresIn !== undefined && { expiresIn: options.expiresIn }),
      ...(options.groups !== undefined && { groups: options.groups }),
      ...(options.clientId !== undefined && { clientId: options.clientId }),
    });
    const token = signJwt({ ...payload, ...options.claims }, key);
    return options.badSignature === true ? corrupt(token) : token;
  }
}

// Flips the first character of the signature: still base64url, no longer valid.
function corrupt(token: string): string {
  const at = token.lastIndexOf('.') + 1;
  const c = token[at] === 'A' ? 'B' : 'A';
  return token.slice(0, at) + c + token.slice(at + 1);
}
