/** What an API key grants. */
export interface ApiKeyGrant {
  /** The tenant the key was issued to: a key only works for its own tenant. */
  tenant: string;
  plan: 'free' | 'pro';
  maxItems: number;
  canWrite: boolean;
}

/**
 * The issued keys. A real app looks them up in a table or a secrets store; what matters here is
 * that the authorizer turns a key into a policy plus context.
 */
const KEYS: Readonly<Record<string, ApiKeyGrant>> = {
  'acme-key-1': { tenant: 'acme', plan: 'pro', maxItems: 100, canWrite: true },
  'globex-key-1': { tenant: 'globex', plan: 'free', maxItems: 10, canWrite: false },
};

/** The grant of `key`, or undefined for a key that was never issued. */
export function findApiKey(key: string): ApiKeyGrant | undefined {
  return Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
}
