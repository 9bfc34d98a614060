import { matchResource } from '../arn/match-resource.js';
import type { AuthContext } from '../model/types.js';
import { contextProblem } from './context.js';

/** The decision API Gateway reaches for one method ARN, given an authorizer's output. */
export type PolicyDecision =
  | { outcome: 'allow'; principalId: string; context: AuthContext }
  /** `deny`: no Allow matched (403); `explicit-deny`: a Deny matched (403); `invalid`: a configuration error (500). */
  | { outcome: 'deny' | 'explicit-deny' | 'invalid'; reason: string };

interface Statement {
  Effect: 'Allow' | 'Deny';
  actions: readonly unknown[];
  resources: readonly unknown[];
}

/**
 * Evaluates an authorizer's output against a method ARN as API Gateway does:
 * - the whole output is checked first; anything malformed is `invalid` (API Gateway answers 500
 *   AuthorizerConfigurationException), never an allow;
 * - a matching `Deny` beats any `Allow` (`explicit-deny`);
 * - otherwise a matching `Allow` allows, and no match is `deny`.
 *
 * `Statement` may be an array or a single object, and `Action`/`Resource` a string or an array, as
 * the IAM policy grammar allows. Actions compare case-insensitively (IAM action names are
 * case-insensitive), so `execute-api:Invoke`, `execute-api:*` and `*` all count; `Effect` is
 * case-sensitive. `NotAction`/`NotResource` are rejected as unsupported (fail closed).
 *
 * @example
 * ```ts
 * const d = evaluatePolicy(policy, 'arn:aws:execute-api:us-east-1:123456789012:abc/api/GET/other');
 * if (d.outcome !== 'allow') console.log(d.reason); // 'no Allow statement matches arn:…/GET/other'
 * ```
 */
export function evaluatePolicy(policy: unknown, methodArn: string): PolicyDecision {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
    return invalid(
      `the authorizer returned ${policy === null ? 'null' : Array.isArray(policy) ? 'an array' : typeof policy}, not a policy object`,
    );
  }
  const { principalId, policyDocument, context } = policy as Record<string, unknown>;
  if (principalId === undefined || principalId === null) return invalid('the policy has no principalId');
  if (typeof principalId !== 'string')
    return invalid(`principalId must be a string, got ${typeof principalId}`);
  if (typeof policyDocument !== 'object' || policyDocument === null || Array.isArray(policyDocument)) {
    return invalid(
      policyDocument === undefined ? 'the policy has no policyDocument' : 'policyDocument must be an object',
    );
  }
  const problem = contextProblem(context);
  if (problem !== null) return invalid(problem);

  const raw = (policyDocument as Record<string, unknown>).Statement;
  if (raw === undefined || raw === null) return invalid('policyDocument has no Statement');
  if (typeof raw !== 'object')
    return invalid(`policyDocument.Statement must be an array or an object, got ${typeof raw}`);
  const list: readonly unknown[] = Array.isArray(raw) ? raw : [raw];

  let denyBy: string | null = null;
  let allowed = false;
  for (let i = 0; i < list.length; i++) {
    const parsed = parseStatement(list[i], i);
    if (typeof parsed === 'string') return invalid(parsed);
    const { Effect } = parsed;
    if (Effect === 'Allow' ? allowed : denyBy !== null) continue;
    const pattern = matchingResource(parsed, methodArn);
    if (pattern === null) continue;
    if (Effect === 'Deny')
      denyBy = `Statement[${i}] (Deny) matches ${methodArn} via ${JSON.stringify(pattern)}`;
    else allowed = true;
  }
  if (denyBy !== null) return { outcome: 'explicit-deny', reason: denyBy };
  if (allowed) return { outcome: 'allow', principalId, context: (context ?? {}) as AuthContext };
  return { outcome: 'deny', reason: `no Allow statement matches ${methodArn}` };
}

function invalid(reason: string): PolicyDecision {
  return { outcome: 'invalid', reason };
}

/** The statement's effective parts, or why it is malformed. */
function parseStatement(value: unknown, i: number): Statement | string {
  const at = `Statement[${i}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${at} is not an object`;
  const s = value as Record<string, unknown>;
  if ('NotAction' in s || 'NotResource' in s)
    return `${at} uses NotAction/NotResource, which is not supported`;
  if (s.Effect === undefined) return `${at} has no Effect`;
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') {
    return `${at}.Effect must be "Allow" or "Deny" (case-sensitive), got ${JSON.stringify(s.Effect)}`;
  }
  const actions = list(s.Action);
  if (actions === null) return `${at}.Action must be a string or an array of strings`;
  const resources = list(s.Resource);
  if (resources === null) return `${at}.Resource must be a string or an array of strings`;
  return { Effect: s.Effect, actions, resources };
}

function list(value: unknown): readonly unknown[] | null {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return null;
  for (const item of value) if (typeof item !== 'string') return null;
  return value;
}

/** The first resource pattern of the statement matching `methodArn`, when its action covers Invoke. */
function matchingResource(statement: Statement, methodArn: string): string | null {
  if (!statement.actions.some((a) => coversInvoke(a as string))) return null;
  for (const r of statement.resources) {
    if (matchResource(r as string, methodArn)) return r as string;
  }
  return null;
}

function coversInvoke(action: string): boolean {
  if (action === 'execute-api:Invoke' || action === 'execute-api:*' || action === '*') return true;
  return matchResource(action.toLowerCase(), 'execute-api:invoke');
}
