import { createHash } from 'node:crypto';
import type { SigV4Credential, SigV4Identity } from './types.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// A stable stand-in for the unique ID IAM would report (AIDA… for users, AROA… for roles): the
// local credential has no such ID, so derive one that is the same on every run.
function uniqueId(prefix: string, arn: string): string {
  const digest = createHash('sha256').update(arn).digest();
  let id = prefix;
  for (let i = 0; i < 17; i++) id += BASE32[(digest[i] ?? 0) % 32];
  return id;
}

/**
 * `requestContext.identity` for an IAM-authorized request, as API Gateway fills it: the account
 * from the ARN; `caller`/`user` are the IAM unique ID (plus `:session` for an assumed role).
 *
 * @example
 * ```ts
 * identityFor({ accessKeyId: 'AKIDLOCAL', secretAccessKey: 's', userArn: 'arn:aws:iam::123456789012:user/dev' });
 * // { accessKey: 'AKIDLOCAL', accountId: '123456789012', caller: 'AIDA…', user: 'AIDA…', userArn: '…' }
 * ```
 */
export function identityFor(credential: SigV4Credential): SigV4Identity {
  const arn = credential.userArn;
  const parts = arn.split(':');
  const accountId = parts[4] ?? '';
  const resource = parts.slice(5).join(':');
  const assumed = /^assumed-role\/([^/]+)\/(.+)$/.exec(resource);
  const caller =
    assumed === null
      ? uniqueId('AIDA', arn)
      : `${uniqueId('AROA', `arn:${parts[1] ?? 'aws'}:iam::${accountId}:role/${assumed[1]}`)}:${assumed[2]}`;
  return { accessKey: credential.accessKeyId, accountId, caller, user: caller, userArn: arn };
}
