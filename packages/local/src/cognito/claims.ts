import type { JWTPayload } from 'jose';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// java.util.Date#toString in UTC: API Gateway renders the `exp` and `iat` claims this way
// ("Tue Apr 04 18:39:39 UTC 2023") while other numeric claims (auth_time) stay plain numbers.
function javaDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(render).join(',');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The claims as a REST API's Cognito authorizer passes them in `requestContext.authorizer.claims`:
 * every value a string — booleans `'true'`, numbers in decimal, `exp`/`iat` as Java date strings
 * (`'Tue Apr 04 18:39:39 UTC 2023'`), arrays such as `cognito:groups` joined with commas
 * (`'admins,users'`), objects as JSON.
 *
 * @example
 * ```ts
 * claimsAsStrings({ email_verified: true, 'cognito:groups': ['a', 'b'], auth_time: 1680629979 });
 * // { email_verified: 'true', 'cognito:groups': 'a,b', auth_time: '1680629979' }
 * ```
 */
export function claimsAsStrings(claims: JWTPayload): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined) continue;
    out[name] =
      (name === 'exp' || name === 'iat') && typeof value === 'number' ? javaDate(value) : render(value);
  }
  return out;
}
