import { describe, expect, it } from 'vitest';
import { LocalError } from '../errors.js';
import { issuerFromProviderArn } from './issuer.js';

describe('issuerFromProviderArn', () => {
  it.each([
    [
      'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc',
      'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_abc',
    ],
    [
      'arn:aws:cognito-idp:eu-central-1:123456789012:userpool/eu-central-1_AbC123',
      'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_AbC123',
    ],
    [
      'arn:aws-cn:cognito-idp:cn-north-1:123456789012:userpool/cn-north-1_xyz',
      'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_xyz',
    ],
    [
      'arn:aws-us-gov:cognito-idp:us-gov-west-1:123456789012:userpool/us-gov-west-1_xyz',
      'https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_xyz',
    ],
  ])('maps %s to its issuer', (arn, issuer) => {
    expect(issuerFromProviderArn(arn)).toBe(issuer);
  });

  it.each([
    ['not an ARN', 'not-an-arn', /not a user pool ARN/],
    ['another service', 'arn:aws:iam::123456789012:user/dev', /not a user pool ARN/],
    ['a short account', 'arn:aws:cognito-idp:us-west-2:1234:userpool/us-west-2_abc', /not a user pool ARN/],
    [
      'a pool from another region',
      'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-east-1_abc',
      /not in region 'us-west-2'/,
    ],
    [
      'an unknown partition',
      'arn:aws-iso:cognito-idp:us-iso-east-1:123456789012:userpool/us-iso-east-1_abc',
      /unknown partition 'aws-iso'/,
    ],
    [
      'an identity pool',
      'arn:aws:cognito-identity:us-west-2:123456789012:identitypool/us-west-2:abc',
      /not a user pool ARN/,
    ],
  ])('rejects %s with a clear error', (_name, arn, message) => {
    expect(() => issuerFromProviderArn(arn)).toThrow(message);
    try {
      issuerFromProviderArn(arn);
    } catch (err) {
      expect(err).toBeInstanceOf(LocalError);
      expect((err as LocalError).code).toBe('INVALID_PROVIDER_ARN');
      expect((err as LocalError).message).toContain(arn);
    }
  });
});
