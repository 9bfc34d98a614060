export type { PolicyDecision } from './evaluate-policy.js';
export { evaluatePolicy } from './evaluate-policy.js';
export { assertPrimitiveContext, contextProblem, stringifyContext } from './context.js';
