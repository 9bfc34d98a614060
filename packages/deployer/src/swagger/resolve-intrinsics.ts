import { DeployerError } from '../errors.js';
import type { ResourceModel } from '../model/index.js';
import type { SwaggerDocument } from './build-swagger.js';

/** The account a stack lives in: what `AWS::Partition`, `AWS::Region`, `AWS::AccountId` resolve to. */
export interface StackEnvironment {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
}

/**
 * The environment of a stack from its id (`arn:<partition>:cloudformation:<region>:<account>:stack/…`),
 * or `null` when the id is not such an ARN.
 *
 * @example
 * ```ts
 * stackEnvironment('arn:aws:cloudformation:us-west-2:123456789012:stack/chalice-ts-bootstrap/1');
 * // { partition: 'aws', region: 'us-west-2', accountId: '123456789012' }
 * ```
 */
export function stackEnvironment(stackId: string): StackEnvironment | null {
  const match = /^arn:([a-z-]+):cloudformation:([a-z0-9-]+):(\d{12}):stack\//.exec(stackId);
  if (!match) return null;
  return { partition: match[1] as string, region: match[2] as string, accountId: match[3] as string };
}

/** `amazonaws.com`, or the China regions' suffix (what `AWS::URLSuffix` resolves to). */
function urlSuffix(partition: string): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The Swagger with every `Fn::Sub` replaced by its value in `env`, for the S3 copy that
 * `BodyS3Location` points at: API Gateway imports that file as it is, and CloudFormation never
 * evaluates intrinsics inside it. A function's `${Name.Arn}` is known before the stack runs because
 * every function has an explicit `FunctionName`. Anything else that only CloudFormation could
 * resolve is an error rather than a broken API (pure).
 *
 * @example
 * ```ts
 * const body = resolveSwaggerIntrinsics(swagger, resources, { partition: 'aws', region: 'us-west-2', accountId: '123456789012' });
 * ```
 */
export function resolveSwaggerIntrinsics(
  swagger: SwaggerDocument,
  resources: ResourceModel,
  env: StackEnvironment,
): SwaggerDocument {
  const variables = new Map<string, string>([
    ['AWS::Partition', env.partition],
    ['AWS::Region', env.region],
    ['AWS::AccountId', env.accountId],
    ['AWS::URLSuffix', urlSuffix(env.partition)],
  ]);
  for (const fn of [resources.apiHandler, ...resources.authorizerFunctions]) {
    variables.set(
      `${fn.cfnName}.Arn`,
      `arn:${env.partition}:lambda:${env.region}:${env.accountId}:function:${fn.functionName}`,
    );
  }
  return resolveValue(swagger, variables, '') as SwaggerDocument;
}

function resolveValue(value: unknown, variables: ReadonlyMap<string, string>, where: string): unknown {
  if (Array.isArray(value)) return value.map((v, i) => resolveValue(v, variables, `${where}/${i}`));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Fn::Sub' && typeof value['Fn::Sub'] === 'string') {
    return substitute(value['Fn::Sub'], variables, where);
  }
  if (keys.length === 1 && /^(Ref|Fn::.+)$/.test(keys[0] as string)) {
    throw unresolvable(where, keys[0] as string);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = resolveValue(value[key], variables, `${where}/${key}`);
  return out;
}

/** `Fn::Sub` string form: `${Name}` is replaced, `${!Literal}` stands for `${Literal}`. */
function substitute(text: string, variables: ReadonlyMap<string, string>, where: string): string {
  return text.replace(/\$\{([^}]*)\}/g, (_match, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const resolved = variables.get(name);
    if (resolved === undefined) throw unresolvable(where, `\${${name}}`);
    return resolved;
  });
}

function unresolvable(where: string, what: string): DeployerError {
  return new DeployerError(
    'INVALID_MODEL',
    `The API definition uses ${what} at ${where || '/'}, which only CloudFormation can resolve, so it ` +
      'cannot be imported from S3. Use a literal value (an ARN) there.',
  );
}
