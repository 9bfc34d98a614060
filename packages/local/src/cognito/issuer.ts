import { LocalError } from '../errors.js';

/** The parts of a Cognito user pool ARN. */
export interface UserPoolArn {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly poolId: string;
}

// Cognito endpoints per partition: aws and aws-us-gov use amazonaws.com
// (cognito-idp.us-gov-west-1.amazonaws.com); the China partition uses amazonaws.com.cn.
const DNS_SUFFIX: Readonly<Record<string, string>> = {
  aws: 'amazonaws.com',
  'aws-us-gov': 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
};

const ARN =
  /^arn:([a-z-]+):cognito-idp:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):userpool\/(([a-z]{2}(?:-[a-z]+)+-\d+)_[A-Za-z0-9]+)$/;

function invalid(arn: string, why: string): LocalError {
  return new LocalError(
    'INVALID_PROVIDER_ARN',
    `Invalid Cognito provider ARN '${arn}': ${why}. Expected arn:aws:cognito-idp:<region>:<account>:userpool/<region>_<id>, e.g. arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc.`,
  );
}

/**
 * Splits a user pool ARN, checking its shape (partition, region, 12-digit account, pool ID
 * prefixed by the region). Throws a `LocalError` (`INVALID_PROVIDER_ARN`) otherwise.
 *
 * @example
 * ```ts
 * parseUserPoolArn('arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc').poolId; // 'us-west-2_abc'
 * ```
 */
export function parseUserPoolArn(arn: string): UserPoolArn {
  const m = ARN.exec(arn);
  if (m === null) throw invalid(arn, 'not a user pool ARN');
  const [, partition = '', region = '', accountId = '', poolId = '', poolRegion = ''] = m;
  if (DNS_SUFFIX[partition] === undefined) throw invalid(arn, `unknown partition '${partition}'`);
  if (poolRegion !== region) throw invalid(arn, `pool ID '${poolId}' is not in region '${region}'`);
  return { partition, region, accountId, poolId };
}

/**
 * The `iss` claim of tokens issued by a user pool: `https://cognito-idp.<region>.<dns suffix>/<poolId>`.
 *
 * @example
 * ```ts
 * issuerFromProviderArn('arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc');
 * // 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_abc'
 * ```
 */
export function issuerFromProviderArn(arn: string): string {
  const { partition, region, poolId } = parseUserPoolArn(arn);
  return `https://cognito-idp.${region}.${DNS_SUFFIX[partition]}/${poolId}`;
}
