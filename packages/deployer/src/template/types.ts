/** A CloudFormation resource entry. */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
}

/** A CloudFormation (or SAM) template as written to `template.json`. */
export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Transform?: string;
  Description?: string;
  Parameters?: Record<string, { Type: string; Description?: string }>;
  Resources: Record<string, CfnResource>;
  Outputs: Record<string, { Value: unknown; Description?: string }>;
}

/**
 * Where the functions' code comes from: template parameters filled at deploy time (the default, so
 * `package` and `deploy` produce the same template), a fixed S3 object, or a local zip for
 * `aws cloudformation package` / `sam deploy` to upload.
 */
export type CodeLocation =
  | { readonly kind: 'parameters' }
  | { readonly kind: 's3'; readonly bucket: string; readonly key: string }
  | { readonly kind: 'local'; readonly path: string };

/** Parameter names of the stack when `CodeLocation` is `parameters`. */
export const CODE_PARAMETERS = { bucket: 'DeploymentBucket', key: 'DeploymentKey' } as const;
