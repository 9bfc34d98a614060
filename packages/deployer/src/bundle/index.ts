export type { AppBundle, BundleAppOptions } from './bundle-app.js';
export { bundleApp, PRODUCTION_DEFINE } from './bundle-app.js';
export type { AuthorizerHandlerInput } from './entry.js';
export { authorizerHandlersOf, generateEntrySource } from './entry.js';
export { zipDeterministic } from './zip.js';
