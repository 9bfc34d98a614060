export type { BuildPackageOptions, PackageArtifacts, PackageFormat } from './build-package.js';
export { buildPackage } from './build-package.js';
export type { PackageAppOptions, PackageResult } from './package-app.js';
export { packageApp } from './package-app.js';
export type { BuildProjectPackageOptions } from './build-project-package.js';
export { buildProjectPackage } from './build-project-package.js';
