export type { BuildMethodArnInput, MethodArnParts } from './method-arn.js';
export { buildMethodArn, parseMethodArn, splitArn } from './method-arn.js';
export { matchResource } from './match-resource.js';
