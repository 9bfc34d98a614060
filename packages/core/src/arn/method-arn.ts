import { ChaliceTsError } from '../errors.js';

/** The pieces of an API Gateway execute-api method ARN. */
export interface MethodArnParts {
  /** `aws`, `aws-cn`, `aws-us-gov`, … */
  partition: string;
  /** Always `execute-api` for a method ARN, but kept as given. */
  service: string;
  region: string;
  accountId: string;
  apiId: string;
  stage: string;
  /** HTTP method as it appears in the ARN (`GET`, `*`, …); `''` when the ARN stops at the stage. */
  method: string;
  /** Resource path with a leading `/` (`/` for the root or when the ARN has no path). */
  path: string;
}

/** Input of {@link buildMethodArn}; `partition` defaults to `aws`. */
export interface BuildMethodArnInput {
  partition?: string;
  region: string;
  accountId: string;
  apiId: string;
  stage: string;
  method: string;
  /** Request path, with or without its leading `/`; a query string is dropped. */
  path: string;
}

/**
 * Builds the method ARN API Gateway passes to authorizers:
 * `arn:<partition>:execute-api:<region>:<account>:<api-id>/<stage>/<METHOD>/<path without leading slash>`.
 * The root path gives `.../GET/`, and the query string is never part of it.
 *
 * @example
 * ```ts
 * buildMethodArn({ region: 'us-east-1', accountId: '123456789012', apiId: 'abc', stage: 'api', method: 'get', path: '/users/7' });
 * // 'arn:aws:execute-api:us-east-1:123456789012:abc/api/GET/users/7'
 * ```
 */
export function buildMethodArn(input: BuildMethodArnInput): string {
  const query = input.path.indexOf('?');
  const rawPath = query === -1 ? input.path : input.path.slice(0, query);
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  const partition = input.partition ?? 'aws';
  return (
    `arn:${partition}:execute-api:${input.region}:${input.accountId}:` +
    `${input.apiId}/${input.stage}/${input.method.toUpperCase()}/${path}`
  );
}

/**
 * Splits `value` on `:` at most `limit` times, like Python's `str.split(':', limit)`: the last
 * element keeps any further `:` (a resource path may contain one).
 */
export function splitArn(value: string, limit = 5): string[] {
  const parts: string[] = [];
  let start = 0;
  while (parts.length < limit) {
    const next = value.indexOf(':', start);
    if (next === -1) break;
    parts.push(value.slice(start, next));
    start = next + 1;
  }
  parts.push(value.slice(start));
  return parts;
}

/**
 * Parses an execute-api method ARN. The ARN is split on `:` at most 5 times, exactly as Chalice does,
 * so a `:` inside the path stays in the path.
 *
 * @throws {ChaliceTsError} `INVALID_METHOD_ARN` when the value is not `arn:…:<api-id>/<stage>[/…]`.
 * @example
 * ```ts
 * parseMethodArn('arn:aws:execute-api:us-east-1:123456789012:abc/api/GET/users/7').path; // '/users/7'
 * ```
 */
export function parseMethodArn(arn: string): MethodArnParts {
  const parts = typeof arn === 'string' ? splitArn(arn) : [];
  const [prefix, partition, service, region, accountId, resource] = parts;
  if (prefix !== 'arn' || !partition || !service || resource === undefined) {
    throw invalidArn(arn, 'expected arn:<partition>:execute-api:<region>:<account>:<api-id>/<stage>/...');
  }
  const firstSlash = resource.indexOf('/');
  if (firstSlash <= 0) throw invalidArn(arn, 'the resource has no <api-id>/<stage>');
  const apiId = resource.slice(0, firstSlash);
  const rest = resource.slice(firstSlash + 1);
  const secondSlash = rest.indexOf('/');
  const stage = secondSlash === -1 ? rest : rest.slice(0, secondSlash);
  if (stage === '') throw invalidArn(arn, 'the resource has no stage');
  const afterStage = secondSlash === -1 ? '' : rest.slice(secondSlash + 1);
  const thirdSlash = afterStage.indexOf('/');
  const method = thirdSlash === -1 ? afterStage : afterStage.slice(0, thirdSlash);
  const path = thirdSlash === -1 ? '/' : `/${afterStage.slice(thirdSlash + 1)}`;
  return { partition, service, region: region ?? '', accountId: accountId ?? '', apiId, stage, method, path };
}

function invalidArn(arn: unknown, why: string): ChaliceTsError {
  return new ChaliceTsError('INVALID_METHOD_ARN', `Invalid method ARN ${JSON.stringify(arn)}: ${why}.`);
}
