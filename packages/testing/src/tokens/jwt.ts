import { sign } from 'node:crypto';
import type { SigningKey } from './signing-key.js';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs a JWT with RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3), synchronously. */
export function signJwt(payload: Record<string, unknown>, key: SigningKey): string {
  const input = `${b64({ kid: key.kid, alg: 'RS256' })}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key.key).toString('base64url')}`;
}
