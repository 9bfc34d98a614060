import { describe, expect, it } from 'vitest';
import { claimsAsStrings } from './claims.js';

describe('claimsAsStrings', () => {
  it('renders claims the way a REST API passes requestContext.authorizer.claims', () => {
    expect(
      claimsAsStrings({
        sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
        'cognito:groups': ['team_manager', 'admins'],
        email_verified: true,
        phone_number_verified: false,
        auth_time: 1680629979,
        exp: 1680633579,
        iat: 1680629979,
        version: 2,
        address: { formatted: 'x' },
      }),
    ).toEqual({
      sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      'cognito:groups': 'team_manager,admins',
      email_verified: 'true',
      phone_number_verified: 'false',
      auth_time: '1680629979',
      exp: 'Tue Apr 04 18:39:39 UTC 2023',
      iat: 'Tue Apr 04 17:39:39 UTC 2023',
      version: '2',
      address: '{"formatted":"x"}',
    });
  });

  it('keeps a single group as a plain string', () => {
    expect(claimsAsStrings({ 'cognito:groups': ['only'] })).toEqual({ 'cognito:groups': 'only' });
  });

  it('pads day and time fields like java.util.Date', () => {
    expect(claimsAsStrings({ exp: Date.parse('2026-01-05T03:04:05Z') / 1000 }).exp).toBe(
      'Mon Jan 05 03:04:05 UTC 2026',
    );
  });
});
