import type { LocalGatewayOptions } from '@chalice-ts/local';
import { devKeys, type SigV4Credential } from '@chalice-ts/local';
import type { LocalConfig, ResolvedConfig } from '@chalice-ts/core/config';
import type { EffectiveModel } from '@chalice-ts/runtime/binding';
import { toCredential } from '../iam/iam-signer.js';
import { inMemoryTestKey, type SigningKey, signingKeyFromJwk } from '../tokens/signing-key.js';

/**
 * The credential the client adds to the config it hands its gateway when `local.iam.credentials`
 * is empty, so IAM routes can be tested without configuring one. Only the test client's gateway
 * knows it; `chalice-ts local` never accepts it. `userArn` uses `local.account_id` when set.
 */
/** Public keys as the gateway takes them in memory. */
type CognitoJwks = NonNullable<LocalGatewayOptions['cognitoJwks']>;

export const TEST_IAM_CREDENTIAL: SigV4Credential = Object.freeze({
  accessKeyId: 'AKIDCHALICETSTEST',
  secretAccessKey: 'chalice-ts-test-client-secret-not-for-real-use',
  userArn: 'arn:aws:iam::123456789012:user/chalice-ts-test',
});

/** What the client adds to the local settings, and the keys and credential it uses. */
export interface TestSetup {
  local: LocalConfig;
  credential: SigV4Credential;
  /** The addition made, if any, for `client.notes`. */
  addedCredential: boolean;
  key: SigningKey | null;
  noKeyReason: string;
  /** The in-memory public keys the gateway verifies Cognito tokens with, when there is no project. */
  jwks?: CognitoJwks;
}

/**
 * Adjusts `local` for testing: a test IAM credential when none is configured, and a Cognito signing
 * key the client can mint with — the project's dev keys (`.chalice-ts/`) with a project
 * directory, else an in-memory key whose public JWKS is handed to the gateway (`cognitoJwks`).
 * A configured `jwks_file` is respected: the gateway keeps verifying against it (tokens cannot be
 * minted then).
 */
export async function testSetup(
  resolved: ResolvedConfig,
  model: EffectiveModel,
  projectDir: string | undefined,
): Promise<TestSetup> {
  const local: LocalConfig = { ...resolved.local };
  const configured = local.iam?.credentials ?? [];
  let credential: SigV4Credential;
  if (configured[0] !== undefined) {
    credential = toCredential(configured[0]);
  } else {
    const account = local.account_id ?? '123456789012';
    credential = { ...TEST_IAM_CREDENTIAL, userArn: `arn:aws:iam::${account}:user/chalice-ts-test` };
    local.iam = {
      credentials: [
        {
          access_key_id: credential.accessKeyId,
          secret_access_key: credential.secretAccessKey,
          user_arn: credential.userArn,
        },
      ],
    };
  }
  let key: SigningKey | null = null;
  let noKeyReason = 'the app has no Cognito user pool authorizer';
  const usesCognito = [...model.authorizers.values()].some((a) => a.kind === 'cognito_user_pools');
  if (usesCognito) {
    if (local.cognito?.jwks_file !== undefined) {
      noKeyReason =
        `local.cognito.jwks_file (${local.cognito.jwks_file}) is set, so the gateway verifies tokens against ` +
        'keys the test client cannot sign with; remove it (tests then use the dev keys under .chalice-ts/) ' +
        'or pass a config without it';
    } else if (projectDir !== undefined) {
      const dev = await devKeys(projectDir);
      key = signingKeyFromJwk({ ...dev.privateKey, kid: dev.kid });
    } else {
      const test = inMemoryTestKey();
      key = test;
      return {
        local,
        credential,
        addedCredential: configured.length === 0,
        key,
        noKeyReason,
        jwks: test.jwks,
      };
    }
  }
  return { local, credential, addedCredential: configured.length === 0, key, noKeyReason };
}
