/**
 * Chalice's `to_cfn_resource_name`: split on `-` and `_`, capitalise each part, drop anything that
 * is not alphanumeric — CloudFormation logical ids must match `[A-Za-z0-9]+`.
 *
 * @example
 * ```ts
 * toCfnName('my_auth'); // 'MyAuth'
 * ```
 */
export function toCfnName(name: string): string {
  let result = name;
  for (const separator of ['-', '_']) {
    result = result
      .split(separator)
      .filter((part) => part.length > 0)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('');
  }
  return result.replace(/[^A-Za-z0-9]+/g, '');
}
