export type { BuildCloudFormationOptions } from './cloudformation.js';
export { buildCloudFormation } from './cloudformation.js';
export { deploymentLogicalId } from './parts.js';
export type { BuildSamOptions } from './sam.js';
export { buildSam } from './sam.js';
export type { ApiBodyLocation, CfnResource, CfnTemplate, CodeLocation } from './types.js';
export { API_BODY_PARAMETERS, CODE_PARAMETERS } from './types.js';
