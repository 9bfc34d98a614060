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

/**
 * Where `RestAPI` reads its Swagger from: inline as `Body` (the default, Chalice's shape), or from
 * S3 as `BodyS3Location` filled from the `ApiBodyBucket`/`ApiBodyKey` parameters — what `deployApp`
 * switches to when the inline template would pass CloudFormation's 1,000,000-byte limit. The S3
 * object must hold the Swagger with its intrinsics resolved (`resolveSwaggerIntrinsics`): API
 * Gateway imports the file as it is, CloudFormation never evaluates `Fn::Sub` inside it.
 */
export type ApiBodyLocation = { readonly kind: 'inline' } | { readonly kind: 'parameters' };

/** Parameter names of the stack when `ApiBodyLocation` is `parameters`. */
export const API_BODY_PARAMETERS = { bucket: 'ApiBodyBucket', key: 'ApiBodyKey' } as const;
