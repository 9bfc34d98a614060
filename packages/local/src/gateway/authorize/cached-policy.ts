import { evaluatePolicy, stringifyContext } from '@chalice-ts/core';

/** A policy decision for one method ARN, with the `requestContext.authorizer` it grants. */
export interface ArnDecision {
  readonly outcome: 'allow' | 'deny' | 'explicit-deny' | 'invalid';
  readonly reason: string;
  /** On allow: the stringified context plus `principalId`. */
  readonly authorizer?: Readonly<Record<string, string>>;
}

// Bounds the per-policy memo; a token calling more distinct ARNs than this just re-evaluates.
const MAX_DECISIONS = 256;

/**
 * An authorizer's returned policy, evaluated lazily per method ARN. API Gateway caches the policy
 * (not the decision) and checks it against every request's ARN; the memo only saves re-evaluating
 * the same ARN on the hot path.
 */
export class CachedPolicy {
  readonly policy: unknown;
  readonly #decisions = new Map<string, ArnDecision>();
  /** Routes already warned about, so the cross-route warning is logged once per route. */
  readonly warned = new Set<string>();

  constructor(policy: unknown) {
    this.policy = policy;
  }

  /** The decision for `methodArn` (Deny wins; malformed output is `invalid`). */
  decide(methodArn: string): ArnDecision {
    const known = this.#decisions.get(methodArn);
    if (known !== undefined) return known;
    const decision = evaluatePolicy(this.policy, methodArn);
    const result: ArnDecision =
      decision.outcome === 'allow'
        ? {
            outcome: 'allow',
            reason: `allowed ${methodArn}`,
            authorizer: { ...stringifyContext(decision.context), principalId: decision.principalId },
          }
        : { outcome: decision.outcome, reason: decision.reason };
    if (this.#decisions.size >= MAX_DECISIONS) this.#decisions.clear();
    this.#decisions.set(methodArn, result);
    return result;
  }
}
